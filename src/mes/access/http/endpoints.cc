// The access endpoint table: sign-in, session and user administration.
#include "core/permissions.h"
#include "mes/access/http/access_http.h"
#include "mes/access/permissions.h"
#include "server/response_schema.h"

namespace ordo::access {

namespace {

using namespace server::schema;

Json Roles() { return Array(Enum(String("a role"), AllRoles())); }

// A user as the user administration shows it (ToJson(User), store/user_queries.cc).
Json UserSchema() {
  return Object({{"id", Integer()},
                 {"name", String("login name")},
                 {"display_name", String("printed name")},
                 {"roles", Roles()},
                 {"disabled", Boolean()}});
}

// The signed-in user (UserJson, http/session_http.cc): the roles and the permissions they
// grant.
Json SessionUserSchema() {
  return Object({{"id", Integer()},
                 {"name", String("login name")},
                 {"display_name", String("printed name")},
                 {"roles", Roles()},
                 {"permissions", Array(String("a permission the roles grant"))}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  // session.own: every role, the feed account's too, sees and ends its own session.
  server::Endpoint login{"POST",
                         "/api/v1/session",
                         "",
                         {{{"user", F::kString, true, 64, "login name"},
                           {"password", F::kString, true, 1024, "password"}}},
                         "auth",
                         "Sign in; returns a bearer token",
                         &Login};
  server::Endpoint current{"GET",  "/api/v1/session",     kSessionOwn,    {},
                           "read", "The current session", &CurrentSession};
  server::Endpoint logout{"DELETE", "/api/v1/session", kSessionOwn, {},
                          "auth",   "Sign out",        &Logout};
  server::Endpoint list{"GET",  "/api/v1/users", kUserManage,      {},
                        "read", "List users",    &ListUsersHandler};
  server::Endpoint create{
      "POST",
      "/api/v1/users",
      kUserManage,
      {{{"name", F::kString, true, 64, "login name"},
        {"display_name", F::kString, true, 200, "printed name"},
        {"roles", F::kStringArray, true, 6,
         "operator, supervisor, quality, engineer, admin, feed_reader"},
        {"password", F::kString, true, 1024,
         "one-time password, changed at the first sign-in (the password rules apply)"}}},
      "command",
      "Create a user",
      &CreateUserHandler};
  create.success_status = 201;
  server::Endpoint disable{"POST",
                           "/api/v1/users/{id}/disable",
                           kUserManage,
                           {{{"reason", F::kString, true, 1000, "why"}}},
                           "command",
                           "Disable a user",
                           &DisableUserHandler};
  server::Endpoint rename{"PATCH",
                          "/api/v1/users/{id}",
                          kUserManage,
                          {{{"display_name", F::kString, true, 200, "new printed name"},
                            {"reason", F::kString, true, 1000, "why"}}},
                          "command",
                          "Change a user's printed name (old signatures keep theirs)",
                          &RenameUserHandler};
  server::Endpoint change_password{
      "POST",
      "/api/v1/session/password",
      "",
      {{{"user", F::kString, true, 64, "login name"},
        {"password", F::kString, true, 1024, "current (or one-time) password"},
        {"new_password", F::kString, true, 1024, "new password (the password rules apply)"}}},
      "auth",
      "Change your own password (ends your other sessions)",
      &ChangeOwnPassword};
  change_password.success_status = 200;
  server::Endpoint reset{"POST",
                         "/api/v1/users/{id}/password",
                         kUserManage,
                         {{{"password", F::kString, true, 1024,
                            "one-time password the user must change at the next sign-in"},
                           {"reason", F::kString, true, 1000, "why"}}},
                         "command",
                         "Reset a user's password to a one-time password (ends their sessions)",
                         &ResetPasswordHandler};
  change_password.response_schema =
      Object({{"user", UserSchema()}, {"seq", Integer("the ledger entry of the change")}});
  reset.response_schema =
      Object({{"user", UserSchema()}, {"seq", Integer("the ledger entry of the reset")}});
  login.response_schema = Object({{"token", String("the bearer token")},
                                  {"expires_at", Time("when the session ends unless used")},
                                  {"user", SessionUserSchema()}});
  current.response_schema =
      Object({{"user", SessionUserSchema()}, {"expires_at", Time("when the session ends")}});
  logout.success_status = 204;  // no body
  list.response_schema = Object({{"users", Array(UserSchema())}});
  create.response_schema =
      Object({{"user", UserSchema()}, {"seq", Integer("the ledger entry of the creation")}});
  disable.response_schema =
      Object({{"user", UserSchema()}, {"seq", Integer("the ledger entry of the disabling")}});
  rename.response_schema = Object({{"user", UserSchema()}});
  return {login, current, logout, list, create, disable, rename, change_password, reset};
}

}  // namespace ordo::access
