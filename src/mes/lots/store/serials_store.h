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

}  // namespace ordo::lots
