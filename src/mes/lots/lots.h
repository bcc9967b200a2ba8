// The lots capability's public read API: a lot as decisions see it (seal-checked), for
// execution and the views of other capabilities. The Lot struct, its states,
// EffectiveLotStatus (expired derived from the clock) are pure and
// live in domain/lot.h. Implemented in store/lots_read.cc. Not thread-safe per
// storage::Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/lots/domain/lot.h"
#include "mes/lots/domain/serial.h"
#include "storage/database.h"

namespace ordo::lots {

// The lot `lot` (ids are exact), or nullopt. Fails with integrity_violation when its row
// does not match its seal (store/row_seal.h).
Result<std::optional<Lot>> FindLot(storage::Database& db, const std::string& lot);

// Every lot of `material` with supplier lot `supplier_lot` (what a scanned supplier label
// names), oldest receipt first; each row seal-checked as FindLot.
Result<std::vector<Lot>> LotsOfSupplierLot(storage::Database& db, const std::string& material,
                                           const std::string& supplier_lot);

// One consumption of a lot for an order (lots.material_consumed), in the lot's base unit.
struct Consumption {
  std::int64_t seq = 0;
  std::string lot, material, order_id, operation, bom_material, actor;
  double base_quantity = 0;
  std::int64_t user_id = 0;
};
// Every consumption for `order_id`, oldest first; each row seal-checked (guarded table
// lot_consumption): what the over-consumption check adds up per BOM item.
Result<std::vector<Consumption>> ConsumedByOrder(storage::Database& db,
                                                 const std::string& order_id);

// The serial `serial` (ids are exact and unique across materials), or nullopt; fails with
// integrity_violation when its row does not match its seal. Implemented in
// store/serials_store.cc.
Result<std::optional<SerialUnit>> FindSerial(storage::Database& db, const std::string& serial);

// The serials consumed into `order_id` (serial_unit.consumed_order_id), oldest produced
// first; each seal-checked: what the over-consumption check counts per BOM item (one
// unit each, consumed_bom_material).
Result<std::vector<SerialUnit>> SerialsConsumedInto(storage::Database& db,
                                                    const std::string& order_id);

// The serials produced by `order_id` that are quarantined now, oldest first; each
// seal-checked: what the order's batch release releases (lots.serials_released).
Result<std::vector<SerialUnit>> QuarantinedSerialsOfOrder(storage::Database& db,
                                                          const std::string& order_id);

// The last number generated for `material` under pattern stem `stem`
// (masterdata/domain/serial_pattern.h: SerialStem), 0 when none; seal-checked. Counted
// from lots.serial_produced entries, so a replay gives the same next number.
Result<std::int64_t> LastSerialNumber(storage::Database& db, const std::string& material,
                                      const std::string& stem);

}  // namespace ordo::lots
