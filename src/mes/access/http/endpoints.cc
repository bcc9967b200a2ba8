// The access endpoint table: sign-in, session and user administration.
#include "mes/access/http/access_http.h"
#include "mes/access/permissions.h"
#include "mes/logbook/permissions.h"

namespace ordo::access {

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  // Every role holds logbook.read, so it serves as "signed in" for the session.
  using logbook::kLogbookRead;
  server::Endpoint login{"POST",
                         "/api/v1/session",
                         "",
                         {{{"user", F::kString, true, 64, "login name"},
                           {"password", F::kString, true, 1024, "password"}}},
                         "auth",
                         "Sign in; returns a bearer token",
                         &Login};
  server::Endpoint current{"GET",  "/api/v1/session",     kLogbookRead,   {},
                           "read", "The current session", &CurrentSession};
  server::Endpoint logout{"DELETE", "/api/v1/session", kLogbookRead, {},
                          "auth",   "Sign out",        &Logout};
  server::Endpoint list{"GET",  "/api/v1/users", kUserManage,      {},
                        "read", "List users",    &ListUsersHandler};
  server::Endpoint create{
      "POST",
      "/api/v1/users",
      kUserManage,
      {{{"name", F::kString, true, 64, "login name"},
        {"display_name", F::kString, true, 200, "printed name"},
        {"roles", F::kStringArray, true, 5, "operator, supervisor, quality, engineer, admin"},
        {"password", F::kString, true, 1024, "initial password (at least 8 characters)"}}},
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
  return {login, current, logout, list, create, disable, rename};
}

}  // namespace ordo::access
