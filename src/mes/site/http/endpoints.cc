// The site endpoint table (handlers in http/ and, until they move, src/server).
#include "mes/site/http/endpoints.h"

#include "mes/masterdata/permissions.h"
#include "mes/site/permissions.h"
#include "server/legacy_handlers.h"

namespace ordo::site {

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  using masterdata::kMasterdataRead;
  std::vector<server::Endpoint> table;
  {
    server::Endpoint e{"GET",  "/api/v1/site/settings", kMasterdataRead,         {},
                       "read", "Site settings",         &server::GetSiteSettings};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"PUT",
                       "/api/v1/site/settings",
                       kSiteConfigure,
                       {{{"approvals_required", F::kInteger, false, 0, "1 to 5"},
                         {"signing_password_only", F::kBoolean, false, 0,
                          "password alone after the first signing of a session"},
                         {"reason", F::kString, true, 1000, "why"}}},
                       "command",
                       "Change site settings",
                       &server::ChangeSiteSettings};
    table.push_back(std::move(e));
  }
  return table;
}

}  // namespace ordo::site
