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
  RegisterPermission(
      {kSiteConfigure, "change site settings and publish the signature policy", {"admin"}});
  server::RegisterEndpoints("site", Endpoints());
}

}  // namespace ordo::site
