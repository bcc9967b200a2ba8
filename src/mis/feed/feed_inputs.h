// The KPI engine's inputs from the MES ledger feed: the rows the consumer stored
// (store/feed_store.h) as state intervals and counts, each with the ledger entry it came
// from (SourceRef::Ledger). The rules (docs/mis.md, "The MES ledger feed"):
// - a work unit's state changes are ordered by device time (then source, source seq and
//   position in the batch), so late data lands in place; each interval runs to the next
//   change; the last one is open and runs to the time the MIS last found the feed
//   current (or its own start when that is later);
// - a downtime reason assigned after the fact replaces the reason of the interval that
//   starts at that time (the latest assignment wins);
// - counts of an `increment` source are taken as they are; those of a `cumulative`
//   source become increments by the MES's own rule (equipment::IncrementsFromCumulative,
//   per source and work unit, with the source's rollover modulus), so the MIS counts
//   exactly what the MES counts;
// - the equipment hierarchy and ideal cycle times are the MES's master data in force when
//   the feed was last current: per equipment id, the approved version with the latest
//   effective_from not after that time (ties: the higher version), as its last saved
//   draft; a version that obsoletes the object removes it. Each node and cycle time has
//   the draft's ledger entry as its source;
// - the MES's work orders (orders.order_created, less the cancelled ones: customer = the
//   customer order; due: a due date alone (YYYY-MM-DD) is the last microsecond of that
//   local day of the site's time zone, as the orders import's due_date, while a date-time
//   with its offset is the MES's due_us) and operation completions as operation yields:
//   units in = good + scrap + rework, good first pass = good, at the completion's server
//   time.
#pragma once

#include "core/result.h"
#include "mis/calendar/time_zone.h"
#include "mis/kpi/inputs.h"
#include "storage/database.h"

namespace ordo::mis::feed {

// Appends the feed's state intervals, counts, equipment nodes, ideal cycle times, orders
// and operation yields to `in`; `zone` is the site's time zone (for due dates alone).
// Failures: the store's error; internal when a stored state is not of the MES vocabulary
// or stored master data does not parse.
Status AppendFeedInputs(storage::Database& db, const calendar::TimeZone& zone, Inputs& in);

}  // namespace ordo::mis::feed
