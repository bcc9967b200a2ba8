// The KPI endpoints of ordo-mis (docs/mis.md, "KPIs"), permission mis.read (every MIS
// role): GET /api/v1/kpi (figures), GET /api/v1/kpi/explain (one figure's formula,
// policy, element totals and sources, optionally the drill-down), GET
// /api/v1/kpi/openlineage (the job as an OpenLineage RunEvent). Each loads the current
// imported rows and the MES feed's rows (LoadKpiInputs) and calls ComputeKpis: the one code path.
// Bad parameters are 400 problem+json naming the field (kpi_query.h); an unknown scope 404. Loads
// on the io thread (the store connection is its own), then indexes, computes and renders on the
// context's pool, so other requests are served meanwhile.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::kpi_source {

std::vector<http::Route> Routes();

}  // namespace ordo::mis::kpi_source
