// The MIS's settings route (docs/mis.md, "Site time zone"):
//   GET /api/v1/settings/history -> 200 {"changes": [{"id", "at", "key", "old_value",
//     "new_value", "by_os_user", "reason"}]}, oldest first (permission mis.settings:
//     mis_admin): every change of a store setting after init, as recorded by the offline
//     command that made it (`ordo-mis set-time-zone`; store/setting_change.h).
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::http {

std::vector<Route> SettingsRoutes();

}  // namespace ordo::mis::http
