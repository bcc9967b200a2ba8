// The lots capability's published events: material lots received, dispositioned by
// quality (signed), held and lifted, and consumed by execution. Subject kind "lot",
// subject id the lot id. Quantities are in the unit given and in the material's base
// unit (base_quantity, base_unit). docs/event-schema.md describes each field.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::lots {

// A lot arrived (quarantined). expiry and retest are YYYY-MM-DD or "" (none).
struct LotReceived {
  static constexpr const char* kType = "lots.lot_received";
  static constexpr int kVersion = 1;
  std::string lot, material, supplier, supplier_lot;
  double quantity = 0;
  std::string unit;
  double base_quantity = 0;
  std::string base_unit;
  std::string expiry, retest;
  std::string source;  // "api" | "import"
};

// Quality released a quarantined lot; the signature.applied entry (meaning released) is
// written just before it in the same command.
struct LotReleased {
  static constexpr const char* kType = "lots.lot_released";
  static constexpr int kVersion = 1;
  std::string lot;
};

// Quality rejected a quarantined lot (signature meaning rejected, just before it).
struct LotRejected {
  static constexpr const char* kType = "lots.lot_rejected";
  static constexpr int kVersion = 1;
  std::string lot, reason;
};

// A quarantined or released lot was put on hold.
struct LotHeld {
  static constexpr const char* kType = "lots.lot_held";
  static constexpr int kVersion = 1;
  std::string lot, reason;
};

// A hold was lifted: the lot returns to the state it was held from.
struct LotHoldLifted {
  static constexpr const char* kType = "lots.lot_hold_lifted";
  static constexpr int kVersion = 1;
  std::string lot, reason;
};

// Execution consumed material of a lot for an operation of an order. The lot's quantity
// goes down by base_quantity (never below zero); at zero the lot is consumed.
// bom_material: the BOM item's material the lot was consumed for; alternate: the lot's
// material is an approved alternate of it; over_consumption: beyond the BOM quantity plus
// its scrap factor (recorded as an exception by execution).
struct MaterialConsumed {
  static constexpr const char* kType = "lots.material_consumed";
  static constexpr int kVersion = 1;
  std::string lot, material;
  double quantity = 0;
  std::string unit;
  double base_quantity = 0;
  std::string base_unit;
  std::string order_id, operation, work_unit, bom_material;
  bool alternate = false;
  bool over_consumption = false;
  std::int64_t user_id = 0;  // who consumed it (a performer of the operation)
};

// Execution produced an output lot of the order's product material at an operation. The
// lot is born quarantined (origin produced); quality releases it after the batch record.
// location: where it was put ("" = the work unit); expiry YYYY-MM-DD or "".
struct LotProduced {
  static constexpr const char* kType = "lots.lot_produced";
  static constexpr int kVersion = 1;
  std::string lot, material;
  double quantity = 0;
  std::string unit;
  double base_quantity = 0;
  std::string base_unit;
  std::string order_id, operation, work_unit, expiry, location;
};

// A sublot was split off a lot: base_quantity (in the lot's base unit) moves to the new
// lot `sublot`, which inherits material, supplier, supplier lot, expiry, retest, status
// and order; it is at `location` ("" = the parent's location).
struct LotSplit {
  static constexpr const char* kType = "lots.lot_split";
  static constexpr int kVersion = 1;
  std::string lot, sublot;
  double base_quantity = 0;
  std::string location, reason;
};

// One source of a merge: its whole quantity left, in the base unit.
struct MergedFrom {
  std::string lot;
  double base_quantity = 0;
};

// Lots of the same material and status were merged into `into`: each source's quantity
// is added to it and the source ends consumed (quantity 0).
struct LotsMerged {
  static constexpr const char* kType = "lots.lots_merged";
  static constexpr int kVersion = 1;
  std::string into;
  std::vector<MergedFrom> from;
  std::string reason;
};

// A lot was moved between locations.
struct LotMoved {
  static constexpr const char* kType = "lots.lot_moved";
  static constexpr int kVersion = 1;
  std::string lot, from_location, to_location, reason;
};

// Execution produced one serialized unit of the order's product at an operation (one
// event per serial; subject kind "serial", subject id the serial). source: generated (from
// the material's serial_pattern; `stem` is the pattern with its date filled and `number`
// the counter value, masterdata/domain/serial_pattern.h) or scanned (stem "", number 0).
// Serials are unique: a serial id is never produced twice (for any material).
struct SerialProduced {
  static constexpr const char* kType = "lots.serial_produced";
  static constexpr int kVersion = 1;
  std::string serial, material, order_id, operation, work_unit, source;
  std::string stem;
  std::int64_t number = 0;
};

// Execution consumed a component serial into an operation of an order (a component went
// into a device): bom_material is the BOM item's material it was consumed for. The serial
// ends consumed. over_consumption: counting the serial (one unit of the BOM item's unit)
// takes the item beyond its BOM quantity plus scrap factor (execution records the
// exception and opens the deviation; absent in entries written before it was added).
struct SerialConsumed {
  static constexpr const char* kType = "lots.serial_consumed";
  static constexpr int kVersion = 1;
  std::string serial, material, order_id, operation, work_unit, bom_material;
  bool alternate = false;
  std::int64_t user_id = 0;  // who consumed it (a performer of the operation)
  bool over_consumption = false;
};

// The batch release of order `order_id` released its quarantined serials, `serials`
// (subject kind "order_serials", subject id the order id). One entry for all the serials
// of the release, in the batch release's command: it carries the release's signature
// (signatures: the seq of the signature.applied meaning released), so a 500-serial order
// adds one entry, not 500. Each serial listed ends released.
struct SerialsReleased {
  static constexpr const char* kType = "lots.serials_released";
  static constexpr int kVersion = 1;
  std::string order_id;
  std::vector<std::string> serials;
};

// Quality put one serial on hold (subject kind "serial"): it was quarantined or released;
// lifting the hold returns it to that state (the projection remembers it as held_from).
struct SerialHeld {
  static constexpr const char* kType = "lots.serial_held";
  static constexpr int kVersion = 1;
  std::string serial, reason;
};

// Quality lifted a serial's hold: it returns to the state it was held from.
struct SerialHoldLifted {
  static constexpr const char* kType = "lots.serial_hold_lifted";
  static constexpr int kVersion = 1;
  std::string serial, reason;
};

// Quality rejected a quarantined serial with a reason; the signature.applied entry
// (meaning rejected, record serial/<serial>) is written just before it in the same command.
struct SerialRejected {
  static constexpr const char* kType = "lots.serial_rejected";
  static constexpr int kVersion = 1;
  std::string serial, reason;
};

// Quality released one quarantined serial on its own (signature meaning released just
// before it), allowed only while its order's batch release is in force and no open
// deviation names the serial or its order: a serial left out of the batch release (on
// hold then) catches up.
struct SerialReleased {
  static constexpr const char* kType = "lots.serial_released";
  static constexpr int kVersion = 1;
  std::string serial;
};

// Quality put a list of serials on hold in one entry (subject kind "serial_list", subject
// id "SH-<seq>" of this entry): each was quarantined or released and ends on_hold,
// remembering that state. All or none: the decision refused the whole list otherwise.
struct SerialsHeld {
  static constexpr const char* kType = "lots.serials_held";
  static constexpr int kVersion = 1;
  std::vector<std::string> serials;
  std::string reason;
};

void to_json(Json& j, const LotReceived& e);
void from_json(const Json& j, LotReceived& e);
void to_json(Json& j, const LotReleased& e);
void from_json(const Json& j, LotReleased& e);
void to_json(Json& j, const LotRejected& e);
void from_json(const Json& j, LotRejected& e);
void to_json(Json& j, const LotHeld& e);
void from_json(const Json& j, LotHeld& e);
void to_json(Json& j, const LotHoldLifted& e);
void from_json(const Json& j, LotHoldLifted& e);
void to_json(Json& j, const MaterialConsumed& e);
void from_json(const Json& j, MaterialConsumed& e);
void to_json(Json& j, const LotProduced& e);
void from_json(const Json& j, LotProduced& e);
void to_json(Json& j, const LotSplit& e);
void from_json(const Json& j, LotSplit& e);
void to_json(Json& j, const LotsMerged& e);
void from_json(const Json& j, LotsMerged& e);
void to_json(Json& j, const LotMoved& e);
void from_json(const Json& j, LotMoved& e);
void to_json(Json& j, const SerialProduced& e);
void from_json(const Json& j, SerialProduced& e);
void to_json(Json& j, const SerialConsumed& e);
void from_json(const Json& j, SerialConsumed& e);
void to_json(Json& j, const SerialsReleased& e);
void from_json(const Json& j, SerialsReleased& e);
void to_json(Json& j, const SerialHeld& e);
void from_json(const Json& j, SerialHeld& e);
void to_json(Json& j, const SerialHoldLifted& e);
void from_json(const Json& j, SerialHoldLifted& e);
void to_json(Json& j, const SerialRejected& e);
void from_json(const Json& j, SerialRejected& e);
void to_json(Json& j, const SerialReleased& e);
void from_json(const Json& j, SerialReleased& e);
void to_json(Json& j, const SerialsHeld& e);
void from_json(const Json& j, SerialsHeld& e);

}  // namespace ordo::lots
