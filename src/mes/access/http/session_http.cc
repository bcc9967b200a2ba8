// Handlers of sign-in, the current session and sign-out. Sign-in is throttled per
// account and address, checks one attempt per account at a time, and records every
// outcome on the ledger (LoginSucceeded / LoginFailed).
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <utility>

#include "core/crypto.h"
#include "core/permissions.h"
#include "mes/access/commands/sessions.h"
#include "mes/access/http/access_http.h"
#include "mes/access/store/access_store.h"

namespace ordo::access {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

Json UserJson(const User& u) {
  return Json{{"id", u.id},
              {"name", u.name},
              {"display_name", u.display_name},
              {"roles", u.roles},
              {"permissions", PermissionsOf(u.roles)}};
}

}  // namespace

Awaitable<HttpResponse> Login(Api& api, Call& call) {
  const std::string name = call.body["user"].get<std::string>();
  const std::string password = call.body["password"].get<std::string>();
  const std::string address = server::AddressOnly(call.request.client);
  // One attempt per account at a time: a parallel attempt waits for the one in flight,
  // then meets the throttle that attempt's outcome set. Without this, guesses sent in
  // parallel would all pass the check before the first failure is counted.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (api.sign_in_gate().accounts_in_flight.count(name)) {
    if (std::chrono::steady_clock::now() > give_up)
      co_return ProblemResponse(Error::Make(ErrorCode::kResourceExhausted,
                                            "another sign-in of this account is in progress"));
    server::asio::steady_timer pause(api.io(), std::chrono::milliseconds(10));
    boost::system::error_code ec;
    auto paused = pause.async_wait(server::asio::redirect_error(server::asio::use_awaitable, ec));
    co_await std::move(paused);
  }
  const TimeMicros now = api.clock().NowMicros();
  if (std::int64_t wait = api.login_throttle().RetryAfterSeconds(name, address, now); wait > 0) {
    if (api.login_throttle().FirstThrottledAttempt(name, address)) {
      engine::Command record = LoginFailedCommand(name, address, "throttled");
      record.actor.origin = server::OriginOf(call);
      auto pending = api.Submit(std::move(record));
      (void)co_await std::move(pending);
    }
    co_return server::ThrottledResponse(
        "too many failed sign-ins; wait " + std::to_string(wait) + " s before trying again", wait);
  }
  if (api.sign_in_gate().logins_in_flight >= server::SignInGate::kMaxLoginsInFlight)
    co_return ProblemResponse(Error::Make(ErrorCode::kResourceExhausted,
                                          "too many sign-ins in progress; retry in a moment"));
  auto user = FindUserByName(api.reader(), name);
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
    auto stored = GetPasswordHash(api.reader(), (*user)->id);
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
    const User& u = **user;
    engine::Actor actor{u.id, u.name, u.roles.empty() ? "" : u.roles.front()};
    // The writer re-checks that the user is still enabled (a disable may have
    // committed while the password was being checked).
    actor.origin = server::OriginOf(call);
    engine::Command record = LoginSucceededCommand(actor, address);
    auto pending = api.Submit(std::move(record));
    auto recorded = co_await std::move(pending);
    if (recorded.ok()) {
      api.login_throttle().RecordSuccess(name, address);
      server::Session s;
      s.user_id = u.id;
      s.user_name = u.name;
      s.roles = u.roles;
      s.client = address;
      s.started_seq = recorded->entries.front().seq;
      const TimeMicros start = api.clock().NowMicros();
      std::string token = api.sessions().Create(s, start);
      auto live = api.sessions().Use(token, start);
      co_return JsonResponse(200, Json{{"token", token},
                                       {"expires_at", FormatUtcMicros(live->expires_us)},
                                       {"user", UserJson(u)}});
    }
    if (recorded.error().code != ErrorCode::kUnauthenticated)
      co_return ProblemResponse(recorded.error());
    detail = "user disabled";
  }
  api.login_throttle().RecordFailure(name, address, is_admin, api.clock().NowMicros());
  engine::Command record = LoginFailedCommand(name, address, detail);
  record.actor.origin = server::OriginOf(call);
  auto pending = api.Submit(std::move(record));
  auto recorded = co_await std::move(pending);
  if (!recorded.ok()) co_return ProblemResponse(recorded.error());
  co_return ProblemResponse(Error::Make(
      ErrorCode::kUnauthenticated, "user name or password is wrong, or the account is disabled"));
}

Awaitable<HttpResponse> CurrentSession(Api& api, Call& call) {
  auto user = FindUserById(api.reader(), call.session->user_id);
  if (!user.ok()) co_return ProblemResponse(user.error());
  if (!*user) co_return ProblemResponse(Error::Make(ErrorCode::kNotFound, "user no longer exists"));
  co_return JsonResponse(200, Json{{"user", UserJson(**user)},
                                   {"expires_at", FormatUtcMicros(call.session->expires_us)}});
}

Awaitable<HttpResponse> Logout(Api& api, Call& call) {
  auto session = api.sessions().Remove(call.token);
  engine::Command record =
      LoggedOutCommand(api.ActorOf(call), server::AddressOnly(call.request.client), "sign-out");
  auto pending = api.Submit(std::move(record));
  auto recorded = co_await std::move(pending);
  if (!recorded.ok()) co_return ProblemResponse(recorded.error());
  HttpResponse r;
  r.status = 204;
  co_return r;
}

}  // namespace ordo::access
