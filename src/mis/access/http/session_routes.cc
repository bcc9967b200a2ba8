// Sign-in, the current session and sign-out. Sign-in waits while another sign-in of the
// same account is being checked, applies the throttle (429 with Retry-After), checks the
// Argon2id hash off the io thread (a dummy hash for unknown users: the same work), and
// logs every outcome as one escaped line.
#include <spdlog/spdlog.h>

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <utility>

#include "core/crypto.h"
#include "mis/access/http/access_routes.h"
#include "mis/access/roles.h"
#include "server/log_escape.h"
#include "server/problem.h"

namespace ordo::mis::access {

using http::Awaitable;
using http::Call;
using http::Context;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

Json SessionUserJson(const MisUser& u) {
  return Json{{"id", u.id},
              {"name", u.name},
              {"roles", Json::array({u.role})},
              {"permissions", PermissionsOf(u.role)}};
}

namespace {

// Marks an account's sign-in as being checked until destroyed.
class InFlight {
 public:
  InFlight(Context& context, std::string name) : context_(context), name_(std::move(name)) {
    context_.sign_ins_in_flight().insert(name_);
  }
  ~InFlight() { context_.sign_ins_in_flight().erase(name_); }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  Context& context_;
  std::string name_;
};

void LogSignIn(const std::string& outcome, const std::string& name, const std::string& address) {
  spdlog::info("security_event type=mis.sign_in outcome={} user={} client={}", outcome,
               server::EscapeForLog(name), server::EscapeForLog(address));
}

Awaitable<HttpResponse> SignIn(Context& context, Call& call) {
  const std::string name = call.body["user"].get<std::string>();
  const std::string password = call.body["password"].get<std::string>();
  const std::string address = server::AddressOnly(call.request.client);
  // One check per account at a time: parallel guesses meet the throttle that the
  // first one's outcome sets.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (context.sign_ins_in_flight().count(name)) {
    if (std::chrono::steady_clock::now() > give_up)
      co_return ProblemResponse(Error::Make(ErrorCode::kResourceExhausted,
                                            "another sign-in of this account is in progress"));
    http::asio::steady_timer pause(context.io(), std::chrono::milliseconds(10));
    boost::system::error_code ec;
    auto paused = pause.async_wait(http::asio::redirect_error(http::asio::use_awaitable, ec));
    co_await std::move(paused);
  }
  const TimeMicros now = context.clock().NowMicros();
  if (std::int64_t wait = context.login_throttle().RetryAfterSeconds(name, address, now);
      wait > 0) {
    if (context.login_throttle().FirstThrottledAttempt(name, address))
      LogSignIn("throttled", name, address);
    co_return server::ThrottledResponse(
        "too many failed sign-ins; wait " + std::to_string(wait) + " s before trying again", wait);
  }
  if (static_cast<int>(context.sign_ins_in_flight().size()) >= Context::kMaxSignInsInFlight)
    co_return ProblemResponse(Error::Make(ErrorCode::kResourceExhausted,
                                          "too many sign-ins in progress; retry in a moment"));
  auto user = FindUserByName(context.db(), name);
  if (!user.ok()) co_return ProblemResponse(user.error());
  std::string hash = context.dummy_hash();
  if (*user) {
    auto stored = PasswordHashOf(context.db(), (*user)->id);
    if (!stored.ok()) co_return ProblemResponse(stored.error());
    if (*stored) hash = **stored;
  }
  InFlight mark(context, name);
  std::function<Json()> work = [hash, password] { return Json(VerifyPassword(hash, password)); };
  auto checking = context.OffThread(std::move(work));
  const Json verified = co_await std::move(checking);
  const TimeMicros checked = context.clock().NowMicros();
  if (*user && (*user)->enabled && verified.get<bool>()) {
    context.login_throttle().RecordSuccess(name);
    server::Session s;
    s.user_id = (*user)->id;
    s.user_name = (*user)->name;
    s.roles = {(*user)->role};
    s.client = address;
    const std::string token = context.sessions().Create(s, checked);
    auto live = context.sessions().Use(token, checked);
    LogSignIn("succeeded", name, address);
    co_return JsonResponse(200, Json{{"token", token},
                                     {"expires_at", FormatUtcMicros(live->expires_us)},
                                     {"user", SessionUserJson(**user)}});
  }
  context.login_throttle().RecordFailure(name, address, checked);
  LogSignIn(!*user              ? "unknown_user"
            : !(*user)->enabled ? "user_disabled"
                                : "wrong_password",
            name, address);
  co_return ProblemResponse(Error::Make(
      ErrorCode::kUnauthenticated, "user name or password is wrong, or the account is disabled"));
}

Awaitable<HttpResponse> CurrentSession(Context& context, Call& call) {
  auto user = FindUserById(context.db(), call.session->user_id);
  if (!user.ok()) co_return ProblemResponse(user.error());
  if (!*user) co_return ProblemResponse(Error::Make(ErrorCode::kNotFound, "user no longer exists"));
  co_return JsonResponse(200, Json{{"user", SessionUserJson(**user)},
                                   {"expires_at", FormatUtcMicros(call.session->expires_us)}});
}

Awaitable<HttpResponse> SignOut(Context& context, Call& call) {
  context.sessions().Remove(call.token);
  LogSignIn("signed_out", call.session->user_name, server::AddressOnly(call.request.client));
  HttpResponse r;
  r.status = 204;
  r.body.clear();
  co_return r;
}

}  // namespace

std::vector<http::Route> SessionRoutes() {
  using F = server::FieldType;
  http::Route sign_in{"POST", "/api/v1/session", "", "Sign in; returns a bearer token", &SignIn};
  sign_in.schema = {{{"user", F::kString, true, 64, "login name"},
                     {"password", F::kString, true, 1024, "password"}}};
  http::Route current{"GET", "/api/v1/session", kRead, "The current session", &CurrentSession};
  http::Route sign_out{"DELETE", "/api/v1/session", kRead, "Sign out", &SignOut};
  return {sign_in, current, sign_out};
}

}  // namespace ordo::mis::access
