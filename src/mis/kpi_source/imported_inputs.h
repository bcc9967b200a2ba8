// The KPI engine's inputs read from the MIS store: the current rows of every accepted
// import (refused rows are never stored; superseded rows are skipped) as kpi::Inputs,
// each row's SourceRef = (the import file's SHA-256, the row's line in the file).
// The one loader behind GET /api/v1/kpi and ordo-mis kpi (docs/mis.md, "KPIs").
#pragma once

#include "core/result.h"
#include "mis/calendar/time_zone.h"
#include "mis/kpi/inputs.h"
#include "storage/database.h"

namespace ordo::mis::kpi_source {

// Reads every import kind into one Inputs value. Conversions (docs/mis.md, "KPIs"):
// dates are local days of the site's time zone `zone` (mis/calendar/time_zone.h): a
// quality cost is dated at the local 00:00 of its day, a sales period runs from the local
// 00:00 of period_start to the local 00:00 after period_end (inclusive), an order whose
// due_date is a day is due at the last microsecond of that local day (the instant before
// the next local midnight: 04:59:59.999999 UTC the next day in New York in winter), one
// whose due_date is a time with an offset at that instant; the
// maintenance kind condition_based counts as predictive (not a failure); a maintenance
// row without failure_start has it at repair_start. Cost rates have no import kind yet
// (empty). Failures: the store's error; internal when a stored value does not convert
// (a bug: the import checked it).
// Not thread-safe: the connection's owner thread only.
Result<Inputs> LoadImportedInputs(storage::Database& db, const calendar::TimeZone& zone);

}  // namespace ordo::mis::kpi_source
