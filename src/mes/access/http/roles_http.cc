// Handlers and endpoint table of role administration. A successful grant or revocation
// ends the user's sessions: roles are read at sign-in, so the user signs in again and
// works with the roles now recorded.
#include "mes/access/http/roles_http.h"

#include "core/permissions.h"
#include "mes/access/commands/roles.h"
#include "mes/access/permissions.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"

namespace ordo::access {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::ProblemResponse;

// Runs `command`; on success ends the sessions of user `id`.
Awaitable<HttpResponse> RunAndSignOut(Api& api, Call& call, engine::Command command,
                                      std::int64_t id) {
  auto running = api.RunCommand(call, std::move(command));
  HttpResponse r = co_await std::move(running);
  if (r.status == 200) api.sessions().RemoveUser(id);
  co_return r;
}

Awaitable<HttpResponse> GrantRoleHandler(Api& api, Call& call) {
  auto id = server::IntParam(call.params, "id", 0, 1, INT64_MAX);
  if (!id.ok()) co_return ProblemResponse(id.error());
  GrantRole grant{*id, call.body["role"].get<std::string>(),
                  call.body["reason"].get<std::string>()};
  engine::Command command = GrantRoleCommand(api.ActorOf(call), std::move(grant));
  auto running = RunAndSignOut(api, call, std::move(command), *id);
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> RevokeRoleHandler(Api& api, Call& call) {
  auto id = server::IntParam(call.params, "id", 0, 1, INT64_MAX);
  if (!id.ok()) co_return ProblemResponse(id.error());
  RevokeRole revoke{*id, call.params["role"], call.body["reason"].get<std::string>()};
  engine::Command command = RevokeRoleCommand(api.ActorOf(call), std::move(revoke));
  auto running = RunAndSignOut(api, call, std::move(command), *id);
  co_return co_await std::move(running);
}

using namespace server::schema;

// The user as projected after the change (ToJson(User), store/user_queries.cc; the same
// shape as the user administration's other answers) and the role entry's seq.
Json RoleChangeSchema(const std::string& what) {
  Json roles = Array(Enum(String("a role"), AllRoles()));
  return Object({{"user", Object({{"id", Integer()},
                                  {"name", String("login name")},
                                  {"display_name", String("printed name")},
                                  {"roles", roles},
                                  {"disabled", Boolean()}})},
                 {"seq", Integer("the ledger entry of the " + what)}});
}

}  // namespace

std::vector<server::Endpoint> RoleEndpoints() {
  using F = server::FieldType;
  server::Endpoint grant{"POST",
                         "/api/v1/users/{id}/roles",
                         kUserManage,
                         {{{"role", F::kString, true, 32,
                            "operator, supervisor, quality, engineer, admin or feed_reader"},
                           {"reason", F::kString, true, 1000, "why the role is granted"}}},
                         "command",
                         "Grant a role to a user (not to yourself); ends the user's sessions",
                         &GrantRoleHandler};
  server::Endpoint revoke{"POST",
                          "/api/v1/users/{id}/roles/{role}/revoke",
                          kUserManage,
                          {{{"reason", F::kString, true, 1000, "why the role is revoked"}}},
                          "command",
                          "Revoke a role from a user; ends the user's sessions",
                          &RevokeRoleHandler};
  grant.response_schema = RoleChangeSchema("grant");
  revoke.response_schema = RoleChangeSchema("revocation");
  return {grant, revoke};
}

}  // namespace ordo::access
