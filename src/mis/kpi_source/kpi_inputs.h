// Everything the KPI engine reads from the MIS store: the current imported rows
// (imported_inputs.h) and the rows taken from the MES ledger feed (feed/feed_inputs.h),
// side by side in one Inputs value, each row with its own source. Where both name the same
// equipment id, or the same (work unit, product) ideal cycle time, the MES's master data
// from the feed is kept and the imported row is left out: in a plant that runs ordo the
// MES is the master; imports add what the MES does not have. The one loader behind
// GET /api/v1/kpi and its explain and OpenLineage forms.
#pragma once

#include "core/result.h"
#include "mis/kpi/inputs.h"
#include "storage/database.h"

namespace ordo::mis::kpi_source {

// Failures as LoadImportedInputs and AppendFeedInputs. Not thread-safe: the connection's
// owner thread only.
Result<Inputs> LoadKpiInputs(storage::Database& db);

}  // namespace ordo::mis::kpi_source
