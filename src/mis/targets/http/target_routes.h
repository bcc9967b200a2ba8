// KPI targets over HTTP (docs/mis.md, "Trends and targets"):
// - GET /api/v1/targets (mis.read): {"targets": [{"scope", "kpi", "target", "set_by",
//   "set_at"}]}, by scope then KPI;
// - PUT /api/v1/targets {"scope", "kpi", "target"} (mis.imports): sets the target of
//   (scope, kpi) ("" = the plant), replacing one set before; 200 {"target": {...}}. 400
//   naming the field: `kpi` not a KPI id of either profile (unknown_kpi), `target` not a
//   finite number, `scope` longer than 128 bytes;
// - DELETE /api/v1/targets?scope=&kpi= (mis.imports): 204; 404 unknown_target when none
//   is set; 400 missing_parameter (kpi) or unknown_parameter.
// A target is in the KPI's unit: a fraction for ratios (0.85 for 85 %), seconds for times.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::targets {

std::vector<http::Route> Routes();

}  // namespace ordo::mis::targets
