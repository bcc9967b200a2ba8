// Handlers of sign-in, the current session and sign-out. Sign-in passes the password
// gate (http/password_gate.h: throttled per account and address, one attempt per account
// at a time), refuses a one-time or expired password with password_change_required, and
// records every outcome on the ledger (LoginSucceeded / LoginFailed).
#include <utility>

#include "core/crypto.h"
#include "core/permissions.h"
#include "mes/access/commands/sessions.h"
#include "mes/access/http/access_http.h"
#include "mes/access/http/password_gate.h"
#include "mes/access/store/access_store.h"
#include "mes/site/settings.h"

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
  auto checking = CheckPasswordOf(api, name, password, server::OriginOf(call), "sign-in");
  auto checked = co_await std::move(checking);
  if (auto* refused = std::get_if<HttpResponse>(&checked)) co_return std::move(*refused);
  const PasswordAttempt& attempt = std::get<PasswordAttempt>(checked);
  const TimeMicros now = api.clock().NowMicros();
  std::string detail = attempt.FailureDetail(now);
  if (attempt.Usable(now)) {
    const User& u = *attempt.user;
    auto settings = site::GetSiteSettings(api.reader(), now);
    if (!settings.ok()) co_return ProblemResponse(settings.error());
    const PasswordStanding standing =
        StandingAt(attempt.state, now, settings->password_expiry_days);
    if (standing != PasswordStanding::kUsable) {
      // The password is right but may only be used to choose a new one: no session.
      api.login_throttle().RecordSuccess(name);
      engine::Command record = LoginFailedCommand(
          name, address, std::string("password change required (") + StandingName(standing) + ")");
      record.actor.origin = server::OriginOf(call);
      auto pending = api.Submit(std::move(record));
      auto recorded = co_await std::move(pending);
      if (!recorded.ok()) co_return ProblemResponse(recorded.error());
      co_return ProblemResponse(
          Error{ErrorCode::kPermissionDenied,
                std::string(standing == PasswordStanding::kOneTime ? "this is a one-time password"
                                                                   : "the password has expired") +
                    ": choose a new one with POST /api/v1/session/password {user, password, "
                    "new_password} before signing in",
                "password", "password_change_required"});
    }
    engine::Actor actor{u.id, u.name, u.roles.empty() ? "" : u.roles.front()};
    // The writer re-checks that the user is still enabled (a disable may have
    // committed while the password was being checked).
    actor.origin = server::OriginOf(call);
    engine::Command record = LoginSucceededCommand(actor, address);
    auto pending = api.Submit(std::move(record));
    auto recorded = co_await std::move(pending);
    if (recorded.ok()) {
      api.login_throttle().RecordSuccess(name);
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
  auto failing = FailAttempt(api, attempt, name, server::OriginOf(call), detail);
  co_return co_await std::move(failing);
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
