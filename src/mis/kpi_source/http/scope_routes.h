// GET /api/v1/scopes (permission mis.read): the scopes a KPI can be asked for, for the web
// UI's hierarchy: every equipment node of the current `equipment` import rows (id, name,
// parent, level: enterprise, site, area, work_center, work_unit) and every work unit with
// state or count rows that the hierarchy lacks (level work_unit, no parent, "in_hierarchy":
// false). Sorted by id. Reads the rows as the KPI routes do (LoadKpiInputs), so the
// list is exactly the scopes /api/v1/kpi knows.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::kpi_source {

std::vector<http::Route> ScopeRoutes();

}  // namespace ordo::mis::kpi_source
