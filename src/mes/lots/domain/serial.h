// A serial number (one serialized unit: a device, a supplier-serialised component) as
// decisions see it, and its states. Serials of a material are produced at an operation
// (lots.serial_produced, born quarantined), released with their order's batch release
// (lots.serials_released) or on their own (lots.serial_released), held and lifted,
// rejected, and may be consumed once into another order's device (lots.serial_consumed).
// Pure values; the quality decisions are in serial_actions.h.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"

namespace ordo::lots {

// The subject kind of serials in the ledger.
inline constexpr const char* kSerialSubjectKind = "serial";
// The subject kind of events about all serials of one order (subject id the order id):
// lots.serials_released.
inline constexpr const char* kOrderSerialsSubjectKind = "order_serials";
// The subject kind of a list hold (lots.serials_held), subject id "SH-<seq>".
inline constexpr const char* kSerialListSubjectKind = "serial_list";

// Stored states, as for lots: quarantined (produced, not yet released by quality),
// released (its batch was released; it may be consumed), on_hold, rejected, and
// consumed (built into a device of another order; never again).
inline constexpr const char* kSerialQuarantined = "quarantined";
inline constexpr const char* kSerialReleased = "released";
inline constexpr const char* kSerialOnHold = "on_hold";
inline constexpr const char* kSerialRejected = "rejected";
inline constexpr const char* kSerialConsumed = "consumed";

// True when `state` is one of the five stored states.
bool IsSerialState(const std::string& state);

struct SerialUnit {
  std::string serial, material;
  std::string order_id, operation, work_unit;  // where it was produced
  std::string source;                          // generated | scanned
  std::string state;                           // one of the stored states above
  TimeMicros produced_us = 0;
  std::int64_t produced_seq = 0;
  std::string consumed_order_id, consumed_operation;  // "" until consumed
  std::string consumed_bom_material;                  // the BOM item it was consumed for
  std::string held_from;  // on_hold: the state lift-hold returns to; "" otherwise
  std::string reason;     // the reason of its latest hold, lift-hold or rejection ("" none)
};

}  // namespace ordo::lots
