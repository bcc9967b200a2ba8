// Handlers of user administration: list, create (with a one-time password that must
// satisfy the password rules, hashed off the io thread), disable and rename.
#include "core/crypto.h"
#include "mes/access/commands/users.h"
#include "mes/access/http/access_http.h"
#include "mes/access/users.h"
#include "server/query_params.h"

namespace ordo::access {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

Awaitable<HttpResponse> ListUsersHandler(Api& api, Call&) {
  auto users = ListUsers(api.reader());
  if (!users.ok()) co_return ProblemResponse(users.error());
  Json out = Json::array();
  for (const auto& u : *users) out.push_back(ToJson(u));
  co_return JsonResponse(200, Json{{"users", out}});
}

Awaitable<HttpResponse> CreateUserHandler(Api& api, Call& call) {
  CreateUser user{call.body["name"].get<std::string>(),
                  call.body["display_name"].get<std::string>(),
                  call.body["roles"].get<std::vector<std::string>>()};
  const std::string password = call.body["password"].get<std::string>();
  if (Status s = ValidateCreateUser(user); !s.ok()) co_return ProblemResponse(s.error());
  if (Status s = CheckPasswordRules(api, password, user.name, "password"); !s.ok())
    co_return ProblemResponse(s.error());
  auto hashing = HashOffThread(api, password);
  Json hash = co_await std::move(hashing);
  if (!hash.is_string())
    co_return ProblemResponse(
        Error::Make(ErrorCode::kUnavailable, "password hashing failed; retry"));
  // The admin knows this password: it is one-time, changed at the first sign-in.
  engine::Command command = CreateUserCommand(api.ActorOf(call), std::move(user),
                                              hash.get<std::string>(), /*one_time=*/true);
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> DisableUserHandler(Api& api, Call& call) {
  std::map<std::string, std::string> params(call.params.begin(), call.params.end());
  auto id = server::IntParam(params, "id", 0, 1, INT64_MAX);
  if (!id.ok()) co_return ProblemResponse(id.error());
  engine::Command command = DisableUserCommand(
      api.ActorOf(call), DisableUser{*id, call.body["reason"].get<std::string>()});
  auto running = api.RunCommand(call, std::move(command));
  HttpResponse r = co_await std::move(running);
  if (r.status == 200) api.sessions().RemoveUser(*id);
  co_return r;
}

Awaitable<HttpResponse> RenameUserHandler(Api& api, Call& call) {
  auto id = server::IntParam(call.params, "id", 0, 1, INT64_MAX);
  if (!id.ok()) co_return ProblemResponse(id.error());
  engine::Command command = RenameUserCommand(
      api.ActorOf(call), RenameUser{*id, call.body["display_name"].get<std::string>(),
                                    call.body["reason"].get<std::string>()});
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

}  // namespace ordo::access
