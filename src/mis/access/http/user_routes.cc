// User administration: list and create (mis.users, i.e. mis_admin). The new password is
// checked against the MIS password rules and hashed (Argon2id) off the io thread.
#include <spdlog/spdlog.h>

#include <utility>

#include "core/crypto.h"
#include "mis/access/http/access_routes.h"
#include "mis/access/password_policy.h"
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

std::vector<http::Route> SessionRoutes();  // session_routes.cc

namespace {

Awaitable<HttpResponse> ListUsersHandler(Context& context, Call&) {
  auto users = ListUsers(context.db());
  if (!users.ok()) co_return ProblemResponse(users.error());
  Json list = Json::array();
  for (const MisUser& u : *users) list.push_back(ToJson(u));
  co_return JsonResponse(200, Json{{"users", std::move(list)}});
}

Awaitable<HttpResponse> CreateUserHandler(Context& context, Call& call) {
  const std::string name = call.body["name"].get<std::string>();
  const std::string role = call.body["role"].get<std::string>();
  const std::string password = call.body["password"].get<std::string>();
  if (auto bad = CheckUserName(name); !bad.ok()) co_return ProblemResponse(bad.error());
  if (!IsRole(role))
    co_return ProblemResponse(Error::Invalid(
        "role", "role must be one of mis_admin, mis_analyst, mis_viewer", "unknown_role"));
  if (auto weak = CheckNewPassword(password, name); !weak.ok())
    co_return ProblemResponse(weak.error());
  auto existing = FindUserByName(context.db(), name);
  if (!existing.ok()) co_return ProblemResponse(existing.error());
  if (*existing)
    co_return ProblemResponse(Error{
        ErrorCode::kConflict, "a user named '" + name + "' exists already", "name", "name_taken"});
  std::function<Json()> work = [password] {
    auto hash = HashPassword(password);
    return hash.ok() ? Json(*hash) : Json();
  };
  auto hashing = context.OffThread(std::move(work));
  const Json hash = co_await std::move(hashing);
  if (!hash.is_string())
    co_return ProblemResponse(
        Error::Make(ErrorCode::kInternal, "the password could not be hashed"));
  // CreateUser checks the name again: another request may have taken it meanwhile.
  auto created = CreateUser(context.db(), name, role, hash.get<std::string>(),
                            call.session->user_name, context.clock().NowMicros());
  if (!created.ok()) co_return ProblemResponse(created.error());
  spdlog::info("security_event type=mis.user_created user={} role={} by={}",
               server::EscapeForLog(name), role, server::EscapeForLog(call.session->user_name));
  co_return JsonResponse(201, Json{{"user", ToJson(*created)}});
}

}  // namespace

std::vector<http::Route> Routes() {
  using F = server::FieldType;
  std::vector<http::Route> routes = SessionRoutes();
  routes.push_back({"GET", "/api/v1/users", kUsersManage, "List the MIS users", &ListUsersHandler});
  http::Route create{"POST", "/api/v1/users", kUsersManage, "Create an MIS user",
                     &CreateUserHandler};
  create.schema = {
      {{"name", F::kString, true, 64, "login name (a-z, 0-9, '.', '_', '-')"},
       {"role", F::kString, true, 32, "mis_admin, mis_analyst or mis_viewer"},
       {"password", F::kString, true, 1024, "the user's password (at least 12 characters)"}}};
  routes.push_back(std::move(create));
  return routes;
}

}  // namespace ordo::mis::access
