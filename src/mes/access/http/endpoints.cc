// The access endpoint table (handlers in http/ and, until they move, src/server).
#include "mes/access/http/endpoints.h"

#include "mes/access/permissions.h"
#include "mes/logbook/permissions.h"
#include "server/legacy_handlers.h"

namespace ordo::access {

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  using logbook::kLogbookRead;
  std::vector<server::Endpoint> table;
  {
    server::Endpoint e{"POST",
                       "/api/v1/session",
                       "",
                       {{{"user", F::kString, true, 64, "login name"},
                         {"password", F::kString, true, 1024, "password"}}},
                       "auth",
                       "Sign in; returns a bearer token",
                       &server::Login};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",  "/api/v1/session",     kLogbookRead,           {},
                       "read", "The current session", &server::CurrentSession};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"DELETE", "/api/v1/session", kLogbookRead,   {},
                       "auth",   "Sign out",        &server::Logout};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",  "/api/v1/users", kUserManage,       {},
                       "read", "List users",    &server::ListUsers};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{
        "POST",
        "/api/v1/users",
        kUserManage,
        {{{"name", F::kString, true, 64, "login name"},
          {"display_name", F::kString, true, 200, "printed name"},
          {"roles", F::kStringArray, true, 5, "operator, supervisor, quality, engineer, admin"},
          {"password", F::kString, true, 1024, "initial password (at least 8 characters)"}}},
        "command",
        "Create a user",
        &server::CreateUser};
    e.success_status = 201;
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/users/{id}/disable",
                       kUserManage,
                       {{{"reason", F::kString, true, 1000, "why"}}},
                       "command",
                       "Disable a user",
                       &server::DisableUser};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"PATCH",
                       "/api/v1/users/{id}",
                       kUserManage,
                       {{{"display_name", F::kString, true, 200, "new printed name"},
                         {"reason", F::kString, true, 1000, "why"}}},
                       "command",
                       "Change a user's printed name (old signatures keep theirs)",
                       &server::RenameUser};
    table.push_back(std::move(e));
  }
  return table;
}

}  // namespace ordo::access
