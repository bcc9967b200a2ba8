// POST /api/v1/snapshots/refresh[?days=N] (permission mis.imports): computes and stores
// the KPI snapshot of the last N days (1 to 92, default 7) now, for the SQL views
// (docs/mis.md, "SQL views"); answers {"from", "to", "figures", "elements"} (what was
// stored). Computes on the context's pool, stores on the io thread.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::snapshots {

std::vector<http::Route> Routes();

}  // namespace ordo::mis::snapshots
