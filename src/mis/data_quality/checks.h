// The data quality report's cross-checks (issue 13 section 6): what the KPI engine's own
// findings (gaps, overlaps, counts outside states, ...) cannot see because it takes one
// row per key: ERP orders against the MES's, downtime without a reason, and the rows the
// imports refused. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "mis/kpi/inputs.h"

namespace ordo::mis::data_quality {

// One issue. `kind`:
//   erp_order_not_in_mes       an imported (ERP) order the MES has no order for
//   mes_order_not_in_erp       an MES order no imported order names (only when orders
//                              were imported at all)
//   order_quantity_mismatch    the ERP's and the MES's quantity of an order differ
//   unassigned_downtime        a `down` interval of at least the micro-stop threshold
//                              without a reason, in the window
//   import_row_refused         a row an import refused (its line, field and reason)
// `subject`: the order id, work unit, or import kind; `sources`: the rows behind it.
struct Issue {
  std::string kind;
  std::string subject;
  TimeMicros start = 0, end = 0;  // the interval, for unassigned_downtime (else 0)
  std::string detail;
  std::vector<SourceRef> sources;
};

// ERP against MES orders: `erp` are the imported orders, `mes` the feed's (both as
// loaded, before either side is preferred). Nothing when `mes` is empty and `feed_used`
// is false (no MES: nothing to compare). Sorted by kind, then order id.
std::vector<Issue> CheckOrders(const std::vector<Order>& erp, const std::vector<Order>& mes,
                               bool feed_used);

// The `down` intervals of `units` overlapping [from, to) with no reason and lasting at
// least `threshold_s` seconds (shorter ones are micro-stops: no reason is asked for them).
std::vector<Issue> UnassignedDowntime(const std::vector<StateInterval>& states,
                                      const std::vector<std::string>& units, TimeMicros from,
                                      TimeMicros to, double threshold_s);

// A refused import row, as the store keeps it.
struct RefusedRow {
  std::string kind, file_hash;
  std::int64_t line = 0;
  std::string field, reason, message;
  TimeMicros imported_at = 0;
};
std::vector<Issue> RefusedRows(const std::vector<RefusedRow>& rows);

}  // namespace ordo::mis::data_quality
