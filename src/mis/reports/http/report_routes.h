// The report endpoints of ordo-mis (docs/mis.md, "Reports"), permission mis.read:
// - GET /api/v1/reports/shift?date=YYYY-MM-DD&scope=&kpi=&profile=&policy.<knob>=&format=:
//   the scope's shifts of that UTC day (its calendar), then the day's total;
// - GET /api/v1/reports/daily?from=YYYY-MM-DD&to=YYYY-MM-DD&...: each UTC day from `from`
//   to `to` (inclusive, at most 92 days), then the total.
// `format`: json (default), csv (text/csv, an attachment) or html (a page to print).
// kpi, scope, profile and policy are those of GET /api/v1/kpi, with the same refusals
// (kpi_query.h); a bad date is 400 invalid_date naming it, an unknown format 400
// invalid_format. Loads on the io thread, computes and renders on the context's pool.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::reports {

std::vector<http::Route> Routes();

}  // namespace ordo::mis::reports
