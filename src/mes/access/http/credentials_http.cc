// Handlers of credentials: a user's own password change (the old or one-time password
// required, through the password gate) and an admin's reset to a one-time password.
#include "core/crypto.h"
#include "mes/access/commands/credentials.h"
#include "mes/access/http/access_http.h"
#include "mes/access/http/password_gate.h"
#include "mes/access/store/cracklib_blocklist.h"
#include "mes/access/users.h"
#include "mes/site/settings.h"
#include "server/query_params.h"

namespace ordo::access {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

Status CheckPasswordRules(Api& api, const std::string& password, const std::string& login_name,
                          const std::string& field) {
  auto settings = site::GetSiteSettings(api.reader(), api.clock().NowMicros());
  if (!settings.ok()) return settings.error();
  PasswordRules rules;
  rules.min_length = settings->password_min_length;
  return CheckNewPassword(password, rules, {login_name, "ordo"}, SystemBlocklist(), field);
}

Awaitable<Json> HashOffThread(Api& api, std::string password) {
  std::function<Json()> work = [password] {
    auto h = HashPassword(password);
    return h.ok() ? Json(*h) : Json(nullptr);
  };
  auto hashing = api.OffThread(std::move(work));
  co_return co_await std::move(hashing);
}

Awaitable<HttpResponse> ChangeOwnPassword(Api& api, Call& call) {
  const std::string name = call.body["user"].get<std::string>();
  const std::string password = call.body["password"].get<std::string>();
  const std::string new_password = call.body["new_password"].get<std::string>();
  const std::string address = server::AddressOnly(call.request.client);
  // The new password alone first: it reveals nothing about the account.
  if (Status s = CheckPasswordRules(api, new_password, name, "new_password"); !s.ok())
    co_return ProblemResponse(s.error());
  if (new_password == password)
    co_return ProblemResponse(Error::Invalid(
        "new_password", "the new password must differ from the current one", "password_unchanged"));
  auto checking = CheckPasswordOf(api, name, password, server::OriginOf(call), "password change");
  auto checked = co_await std::move(checking);
  if (auto* refused = std::get_if<HttpResponse>(&checked)) co_return std::move(*refused);
  const PasswordAttempt& attempt = std::get<PasswordAttempt>(checked);
  const TimeMicros now = api.clock().NowMicros();
  if (!attempt.Usable(now)) {
    auto failing =
        FailAttempt(api, attempt, name, server::OriginOf(call), attempt.FailureDetail(now));
    co_return co_await std::move(failing);
  }
  const User& u = *attempt.user;
  auto hashing = HashOffThread(api, new_password);
  Json hash = co_await std::move(hashing);
  if (!hash.is_string())
    co_return ProblemResponse(
        Error::Make(ErrorCode::kUnavailable, "password hashing failed; retry"));
  engine::Actor actor{u.id, u.name, u.roles.empty() ? "" : u.roles.front(), server::OriginOf(call)};
  engine::Command change = ChangePasswordCommand(actor, u.id, hash.get<std::string>(), address);
  auto pending = api.Submit(std::move(change));
  auto changed = co_await std::move(pending);
  if (!changed.ok()) co_return ProblemResponse(changed.error());
  api.login_throttle().RecordSuccess(name);
  // Every other session of the user ends; the session that made the change (its bearer
  // token, when it is the same user's) stays.
  std::string keep;
  const std::string auth = call.request.Header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    const std::string token = auth.substr(7);
    auto session = api.sessions().Use(token, now);
    if (session && session->user_id == u.id) keep = token;
  }
  api.sessions().RemoveUserExcept(u.id, keep);
  co_return JsonResponse(200, changed->body);
}

Awaitable<HttpResponse> ResetPasswordHandler(Api& api, Call& call) {
  auto id = server::IntParam(call.params, "id", 0, 1, INT64_MAX);
  if (!id.ok()) co_return ProblemResponse(id.error());
  const std::string password = call.body["password"].get<std::string>();
  ResetPassword command{*id, call.body["reason"].get<std::string>()};
  auto target = FindUserById(api.reader(), *id);
  if (!target.ok()) co_return ProblemResponse(target.error());
  const std::string target_name = *target ? (*target)->name : std::string();
  if (Status s = CheckPasswordRules(api, password, target_name, "password"); !s.ok())
    co_return ProblemResponse(s.error());
  auto hashing = HashOffThread(api, password);
  Json hash = co_await std::move(hashing);
  if (!hash.is_string())
    co_return ProblemResponse(
        Error::Make(ErrorCode::kUnavailable, "password hashing failed; retry"));
  engine::Command reset =
      ResetPasswordCommand(api.ActorOf(call), std::move(command), hash.get<std::string>());
  auto running = api.RunCommand(call, std::move(reset));
  HttpResponse r = co_await std::move(running);
  if (r.status == 200) api.sessions().RemoveUser(*id);
  co_return r;
}

}  // namespace ordo::access
