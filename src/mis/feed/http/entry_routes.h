// GET /api/v1/feed/entries?first=N&last=M (permission mis.read): the rows the MIS took
// from the MES ledger entries with first <= seq <= last, as stored (store/feed_entries.h):
// what a KPI source {"kind": "ledger", "first", "last"} names. Answers {"first", "last",
// "cursor": the seq of the last entry taken, "entries": [...]} in seq order, each entry
// {"seq", "type", ...} by type:
// - equipment.state_changed: "time" (device time, ISO 8601 UTC), "state", "reason",
//   "source", "source_seq", "item" (its index in the batch);
// - equipment.counted: "time", "source", "counter" (increment | cumulative), "source_seq",
//   "item", "total", "good", "scrap", "rework", "product", "order";
// - equipment.downtime_reason_assigned: "interval_start", "reason";
// - equipment.source_registered: "source", "counter", "rollover_modulus" (no work_unit);
// - masterdata.draft_saved (of equipment): "equipment", "version", "action" (define |
//   obsolete), "content" (the drafted object: id, name, level, parent, cycle times...);
// - change_request.approved: "equipment", "version", "effective_from", one entry per
//   equipment version the approval puts in force (so a seq may appear more than once).
// - orders.order_created: "order", "product", "quantity", "unit", "due" (ISO 8601 UTC),
//   "customer_order" ("" when none);
// - orders.order_cancelled: "order";
// - orders.operation_completed: "time" (the MES's server time), "order", "operation",
//   "work_unit", "good", "scrap", "rework" (quantities as numbers).
// A seq without an entry here is one the MIS does not take (another event type) or has not
// taken yet (after the cursor). Refusals (400 problem+json, the parameter as field):
// missing_parameter, invalid_argument (first, last: whole numbers from 1),
// invalid_range (last before first, or more than 1,000 seqs), unknown_parameter.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::feed {

std::vector<http::Route> EntryRoutes();

}  // namespace ordo::mis::feed
