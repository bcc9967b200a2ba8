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
//   exactly what the MES counts.
#pragma once

#include "core/result.h"
#include "mis/kpi/inputs.h"
#include "storage/database.h"

namespace ordo::mis::feed {

// Appends the feed's state intervals and counts to `in`. Failures: the store's error;
// internal when a stored state is not of the MES vocabulary.
Status AppendFeedInputs(storage::Database& db, Inputs& in);

}  // namespace ordo::mis::feed
