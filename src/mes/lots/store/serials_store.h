// The serials' tables (owner "serials", registered by the lots capability):
// serial_unit, one row per serial (guarded: consumption decides on it), and
// serial_sequence, the last generated number per material and pattern stem (guarded:
// generation counts on it). Both are projections of lots.serial_produced and
// lots.serial_consumed, so a replay gives the same rows and the same next numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/lots/domain/serial.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::lots {

store::TableSet SerialTables();
void RegisterSerialProjectors();
void RegisterSerialGuards();

// The row of `serial`, not seal-checked (views).
Result<std::optional<SerialUnit>> FindSerialRow(storage::Database& db, const std::string& serial);
// Serials produced by `order_id`, by ledger order, not seal-checked (views).
Result<std::vector<SerialUnit>> SerialRowsOfOrder(storage::Database& db,
                                                  const std::string& order_id);

// What GET /api/v1/serials filters on ("" = any); rows after produced seq `after_seq`,
// at most `limit`, oldest first.
struct SerialFilter {
  std::string material, order_id, state;
  std::int64_t after_seq = 0;
  std::int64_t limit = 100;
};
// The serials matching `filter`, not seal-checked (views).
Result<std::vector<SerialUnit>> ListSerialRows(storage::Database& db, const SerialFilter& filter);

}  // namespace ordo::lots
