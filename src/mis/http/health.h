// The MIS's open platform route: GET /api/v1/health -> {"status": "ok" (or "stopping"
// during shutdown), "service": "ordo-mis", "version", "commit", "time_zone" (the site's,
// e.g. "Europe/Berlin")}. No session needed.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::http {

std::vector<Route> HealthRoutes();

}  // namespace ordo::mis::http
