// GET /api/v1/kpi/trend (permission mis.read): one KPI of a scope over time, for the web
// UI's trend page (docs/mis.md, "Trends and targets"). Parameters: those of GET
// /api/v1/kpi with exactly one `kpi` (required), plus `step` = day (default) | shift.
// Each bucket (trend.h) is computed by ComputeKpis, the one engine; the answer carries
// the target of (scope, kpi) when one is set (../targets/), else null: {"value",
// "set_by", "set_at"}. Refusals: ParseTrendQuery's (400 naming the parameter), 400
// too_many_buckets (more than 400), 404 unknown_scope. Loads on the io thread, computes on
// the context's pool.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::kpi_source {

std::vector<http::Route> TrendRoutes();

}  // namespace ordo::mis::kpi_source
