// GET /api/v1/data-quality?scope=&from=&to=[&policy.micro_stop_threshold_s=] (permission
// mis.read): the data quality report of a scope and window (docs/mis.md, "Data quality"):
// {"scope", "window", "issues": [{"kind", "subject", "start", "end", "detail", "sources"}],
// "findings": [the KPI engine's findings for the scope and window], "counts": {kind: n}}.
// Issues: ERP orders against the MES's, unassigned downtime, refused import rows (the
// newest 500); findings: gaps in machine data, overlaps, counts outside states, missing
// cycle times, ... Parameters and refusals as GET /api/v1/kpi (`kpi` is not taken).
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::data_quality {

std::vector<http::Route> Routes();

}  // namespace ordo::mis::data_quality
