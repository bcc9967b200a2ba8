// GET /api/v1/kpi/losses (permission mis.read), for the web UI's loss waterfall and
// downtime Pareto; the parameters of GET /api/v1/kpi (kpi_query.h; `kpi` is accepted and
// ignored). Answers {"profile", "scope", "window", "policy", "elements": {every element
// total of the scope: times in seconds, quantities}, "waterfall": [{"step", "seconds"}],
// "downtime": [{"state", "reason", "seconds", "intervals"}]}, all computed by the engine
// (ComputeKpis, ComputeUnitElements), never in the browser:
// - waterfall: planned_busy_time (PBT), availability_loss (PBT − run time), run_time (APT;
//   practitioner: APT + micro_stop), performance_loss (run time − ideal_time_pq),
//   net_productive_time (ideal_time_pq), quality_loss (ideal_time_pq − ideal_time_gq),
//   fully_productive_time (ideal_time_gq). A loss may be negative (faster than ideal).
// - downtime: the `down` and `idle` time inside PBT (not PDOT, not outside POT;
//   micro-stops included: the time of the KPI npt, split) of the scope's work
//   units, by state and reason ("" = unassigned), most seconds first (a Pareto), with the
//   number of classified pieces.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::kpi_source {

std::vector<http::Route> LossRoutes();

}  // namespace ordo::mis::kpi_source
