// A serial number (one serialized unit: a device, a supplier-serialised component) as
// decisions see it, and its states. Serials of a material are produced at an operation
// (lots.serial_produced) and may be consumed once into another order's device
// (lots.serial_consumed). Pure values.
#pragma once

#include <string>

#include "core/clock.h"

namespace ordo::lots {

// The subject kind of serials in the ledger.
inline constexpr const char* kSerialSubjectKind = "serial";

// Stored states: produced (made, not yet built into anything) and consumed (built into a
// device of another order; never again).
inline constexpr const char* kSerialProduced = "produced";
inline constexpr const char* kSerialConsumed = "consumed";

struct SerialUnit {
  std::string serial, material;
  std::string order_id, operation, work_unit;  // where it was produced
  std::string source;                          // generated | scanned
  std::string state;                           // kSerialProduced | kSerialConsumed
  TimeMicros produced_us = 0;
  std::int64_t produced_seq = 0;
  std::string consumed_order_id, consumed_operation;  // "" until consumed
};

}  // namespace ordo::lots
