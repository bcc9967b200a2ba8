// Handlers of user administration: list, create (the password is hashed off the io
// thread), disable and rename.
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
  if (password.size() < 8)
    co_return ProblemResponse(
        Error::Invalid("password", "the password must be at least 8 characters"));
  std::function<Json()> work = [password] {
    auto h = HashPassword(password);
    return h.ok() ? Json(*h) : Json(nullptr);
  };
  auto hashing = api.OffThread(std::move(work));
  Json hash = co_await std::move(hashing);
  if (!hash.is_string())
    co_return ProblemResponse(
        Error::Make(ErrorCode::kUnavailable, "password hashing failed; retry"));
  engine::Command command =
      CreateUserCommand(api.ActorOf(call), std::move(user), hash.get<std::string>());
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
