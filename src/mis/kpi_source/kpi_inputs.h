// Everything the KPI engine reads from the MIS store: the current imported rows
// (imported_inputs.h) and the rows taken from the MES ledger feed (feed/feed_inputs.h),
// side by side in one Inputs value, each row with its own source. Where both have a row
// of the same key, one is kept: the MES's for an equipment id, a (work unit, product)
// ideal cycle time and an (order, operation, work unit) yield (the MES is the master of
// the plant and of execution); the import's for an order id (the ERP is the master of
// customer orders: due date, quantity, customer). Each side adds what the other lacks.
// The one loader behind GET /api/v1/kpi and its explain and OpenLineage forms.
#pragma once

#include "core/result.h"
#include "mis/calendar/time_zone.h"
#include "mis/kpi/inputs.h"
#include "storage/database.h"

namespace ordo::mis::kpi_source {

// `zone`: the site's time zone, for the imports' dates (LoadImportedInputs). Failures as
// LoadImportedInputs and AppendFeedInputs. Not thread-safe: the connection's owner thread
// only.
Result<Inputs> LoadKpiInputs(storage::Database& db, const calendar::TimeZone& zone);

}  // namespace ordo::mis::kpi_source
