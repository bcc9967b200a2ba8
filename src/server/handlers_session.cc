// Handlers: health, OpenAPI, sign-in, session, sign-out.
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <utility>

#include "app/commands.h"
#include "core/crypto.h"
#include "core/permissions.h"
#include "server/api.h"
#include "server/legacy_handlers.h"
#include "store/queries.h"

namespace ordo::server {

namespace {

Json UserJson(std::int64_t id, const std::string& name, const std::string& display,
              const std::vector<std::string>& roles) {
  return Json{{"id", id},
              {"name", name},
              {"display_name", display},
              {"roles", roles},
              {"permissions", PermissionsOf(roles)}};
}

}  // namespace

Awaitable<HttpResponse> Login(Api& api, Call& call) {
  const std::string name = call.body["user"].get<std::string>();
  const std::string password = call.body["password"].get<std::string>();
  const std::string address = AddressOnly(call.request.client);
  // One attempt per account at a time: a parallel attempt waits for the one in flight,
  // then meets the throttle that attempt's outcome set. Without this, guesses sent in
  // parallel would all pass the check before the first failure is counted.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (api.sign_in_gate().accounts_in_flight.count(name)) {
    if (std::chrono::steady_clock::now() > give_up)
      co_return ProblemResponse(Error::Make(ErrorCode::kResourceExhausted,
                                            "another sign-in of this account is in progress"));
    asio::steady_timer pause(api.io(), std::chrono::milliseconds(10));
    boost::system::error_code ec;
    co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  const TimeMicros now = api.clock().NowMicros();
  if (std::int64_t wait = api.login_throttle().RetryAfterSeconds(name, address, now); wait > 0) {
    if (api.login_throttle().FirstThrottledAttempt(name, address)) {
      engine::Command record = app::LoginFailed(name, address, "throttled");
      auto pending = api.Submit(std::move(record));
      (void)co_await std::move(pending);
    }
    co_return ThrottledResponse(
        "too many failed sign-ins; wait " + std::to_string(wait) + " s before trying again", wait);
  }
  if (api.sign_in_gate().logins_in_flight >= SignInGate::kMaxLoginsInFlight)
    co_return ProblemResponse(Error::Make(ErrorCode::kResourceExhausted,
                                          "too many sign-ins in progress; retry in a moment"));
  auto user = store::FindUserByName(api.reader(), name);
  if (!user.ok()) co_return ProblemResponse(user.error());
  const bool is_admin = *user && std::find((*user)->roles.begin(), (*user)->roles.end(), "admin") !=
                                     (*user)->roles.end();
  struct InFlight {  // marks the account busy until this attempt has an outcome
    std::unordered_set<std::string>& set;
    std::string name;
    ~InFlight() { set.erase(name); }
  };
  api.sign_in_gate().accounts_in_flight.insert(name);
  InFlight in_flight{api.sign_in_gate().accounts_in_flight, name};
  std::string hash = api.sign_in_gate().dummy_hash;  // same Argon2id work for unknown users
  if (*user) {
    auto stored = store::GetPasswordHash(api.reader(), (*user)->id);
    if (stored.ok() && *stored) hash = **stored;
  }
  std::function<Json()> work = [hash, password] { return Json(VerifyPassword(hash, password)); };
  ++api.sign_in_gate().logins_in_flight;
  auto hashing = api.OffThread(std::move(work));
  Json verified = co_await std::move(hashing);
  --api.sign_in_gate().logins_in_flight;
  const bool usable = *user && !(*user)->disabled;
  std::string detail = !*user              ? "unknown user"
                       : (*user)->disabled ? "user disabled"
                                           : "wrong password";
  if (usable && verified.get<bool>()) {
    const access::User& u = **user;
    engine::Actor actor{u.id, u.name, u.roles.empty() ? "" : u.roles.front()};
    // The writer re-checks that the user is still enabled (a disable may have
    // committed while the password was being checked).
    engine::Command record = app::LoginSucceeded(actor, address);
    auto pending = api.Submit(std::move(record));
    auto recorded = co_await std::move(pending);
    if (recorded.ok()) {
      api.login_throttle().RecordSuccess(name, address);
      Session s;
      s.user_id = u.id;
      s.user_name = u.name;
      s.roles = u.roles;
      s.client = address;
      const TimeMicros start = api.clock().NowMicros();
      std::string token = api.sessions().Create(s, start);
      auto live = api.sessions().Use(token, start);
      co_return JsonResponse(200, Json{{"token", token},
                                       {"expires_at", FormatUtcMicros(live->expires_us)},
                                       {"user", UserJson(u.id, u.name, u.display_name, u.roles)}});
    }
    if (recorded.error().code != ErrorCode::kUnauthenticated)
      co_return ProblemResponse(recorded.error());
    detail = "user disabled";
  }
  api.login_throttle().RecordFailure(name, address, is_admin, api.clock().NowMicros());
  engine::Command record = app::LoginFailed(name, address, detail);
  auto pending = api.Submit(std::move(record));
  auto recorded = co_await std::move(pending);
  if (!recorded.ok()) co_return ProblemResponse(recorded.error());
  co_return ProblemResponse(Error::Make(
      ErrorCode::kUnauthenticated, "user name or password is wrong, or the account is disabled"));
}

Awaitable<HttpResponse> CurrentSession(Api& api, Call& call) {
  auto user = store::FindUserById(api.reader(), call.session->user_id);
  if (!user.ok()) co_return ProblemResponse(user.error());
  if (!*user) co_return ProblemResponse(Error::Make(ErrorCode::kNotFound, "user no longer exists"));
  co_return JsonResponse(
      200,
      Json{{"user", UserJson((*user)->id, (*user)->name, (*user)->display_name, (*user)->roles)},
           {"expires_at", FormatUtcMicros(call.session->expires_us)}});
}

Awaitable<HttpResponse> Logout(Api& api, Call& call) {
  auto session = api.sessions().Remove(call.token);
  engine::Command record =
      app::LoggedOut(api.ActorOf(call), AddressOnly(call.request.client), "sign-out");
  auto pending = api.Submit(std::move(record));
  auto recorded = co_await std::move(pending);
  if (!recorded.ok()) co_return ProblemResponse(recorded.error());
  HttpResponse r;
  r.status = 204;
  co_return r;
}

}  // namespace ordo::server
