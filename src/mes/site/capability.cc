// Registration of the site capability.
#include "mes/site/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/site/events.h"
#include "mes/site/http/site_http.h"
#include "mes/site/permissions.h"
#include "mes/site/store/site_store.h"

namespace ordo::site {

void Register() {
  ledger::RegisterEventType<SettingsChanged>("site", "Site settings were changed");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterPermission({kSiteConfigure,
                      "draft changes of the site settings and the signature policy in change "
                      "requests",
                      {"engineer"}});
  server::RegisterEndpoints("site", Endpoints());
}

}  // namespace ordo::site
