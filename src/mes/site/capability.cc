// Registration of the site capability.
#include "mes/site/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/site/http/endpoints.h"
#include "mes/site/permissions.h"
#include "store/projector.h"
#include "store/projector_masterdata.h"
#include "store/schema.h"

namespace ordo::site {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS site_setting(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_seq INTEGER NOT NULL);
)sql";

}  // namespace

void Register() {
  ledger::RegisterEventType({"site.settings_changed", 1, "site", "Site settings were changed"});
  store::RegisterTables(
      store::TableSet{"site", {store::Migration{1, kTablesV1}}, {{"site_setting", "key"}}});
  store::RegisterProjector("site.settings_changed", &store::SettingsChanged);
  RegisterPermission(
      {kSiteConfigure, "change site settings and publish the signature policy", {"admin"}});
  server::RegisterEndpoints("site", Endpoints());
}

}  // namespace ordo::site
