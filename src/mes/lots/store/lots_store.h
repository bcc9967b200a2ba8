// The lots capability's tables (lot: one row per lot, guarded; lot_history: one row per
// lot event), their projectors and queries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mes/lots/domain/lot.h"
#include "mes/lots/events.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::lots {

// Tables lot and lot_history as migrations.
store::TableSet Tables();
// Registers the projectors of the six lot events.
void RegisterProjectors();
// Registers the seal on lot rows (decisions read them: release, consumption).
void RegisterGuards();

// A lot row: the lot and what it was received as.
struct LotRow {
  Lot lot;
  double given_quantity = 0;  // as received, in `unit`
  std::string unit, source;
  std::int64_t received_seq = 0;
  std::string reason;  // the rejection's or latest hold's reason ("" none)
};

// The receipt a row was made from (for comparing a second receipt of the same lot).
LotReceived ReceiptOf(const LotRow& row);

// The row of `lot`, not seal-checked (views); CheckedLot checks it (decisions).
Result<std::optional<LotRow>> FindLotRow(storage::Database& db, const std::string& lot);
Result<std::optional<LotRow>> CheckedLot(storage::Database& db, const std::string& lot);

// Lots of `material` ("" any) whose effective status is `status` ("" any) on UTC day
// `today` (YYYY-MM-DD), newest receipt first, at most `limit`.
Result<std::vector<LotRow>> ListLots(storage::Database& db, const std::string& material,
                                     const std::string& status, const std::string& today,
                                     std::int64_t limit);
// Quarantined lots of no order (received, or split or merged from received ones), oldest
// receipt first: quality's worklist; a lot of an order waits for its batch release instead.
Result<std::vector<LotRow>> QuarantinedLotsOfNoOrder(storage::Database& db, std::int64_t limit);
// Lots of `material` with `supplier_lot`, oldest first (not seal-checked).
Result<std::vector<LotRow>> LotRowsOfSupplierLot(storage::Database& db, const std::string& material,
                                                 const std::string& supplier_lot);

// One event in a lot's life.
struct HistoryRow {
  std::int64_t seq = 0;
  TimeMicros time_us = 0;
  std::string actor, role;
  std::string event;    // received, released, rejected, held, hold_lifted, consumed
  std::string state;    // the stored state after it
  double quantity = 0;  // the quantity left after it (base unit)
  double change = 0;    // base quantity received (+) or consumed (-); 0 otherwise
  std::string reason;
  Json detail;  // consumed: {quantity, unit, order_id, operation, work_unit, ...}; else {}
};
// The lot's history, newest first.
Result<std::vector<HistoryRow>> HistoryOf(storage::Database& db, const std::string& lot);

}  // namespace ordo::lots
