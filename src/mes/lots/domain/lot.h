// A material lot as decisions see it, its states, the status derived from the clock
// (expired) and the consumption check execution calls before it consumes a lot. Pure:
// time arrives as an argument.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"

namespace ordo::lots {

// The subject kind of lots in the ledger (and the record kind of their signatures).
inline constexpr const char* kSubjectKind = "lot";

// The stored states. `expired` is not stored: EffectiveLotStatus derives it.
enum class LotState { kQuarantined, kReleased, kRejected, kOnHold, kConsumed };
const char* LotStateName(LotState state);
std::optional<LotState> ParseLotState(const std::string& name);
// The statuses GET /api/v1/lots?status= filters on: the stored states and "expired".
bool IsLotStatus(const std::string& name);

// A lot (the public read API's form, src/mes/lots/lots.h). Quantities are in base_unit.
struct Lot {
  std::string lot, material, supplier, supplier_lot, base_unit;
  std::string expiry, retest;  // YYYY-MM-DD or "" (none)
  std::string state;           // LotStateName
  double received_quantity = 0;
  double quantity = 0;  // left
  TimeMicros received_us = 0;
  std::string held_from;            // on_hold: the state the hold returns to; "" otherwise
  std::string location;             // where it is ("" = unknown; a produced lot: its work unit)
  std::string origin = "received";  // received | produced | split | merge
  std::string order_id;             // produced: the order that made it; "" otherwise
};

// True for a calendar date YYYY-MM-DD.
bool IsDate(const std::string& text);
// The UTC day of `now`, YYYY-MM-DD.
std::string UtcDay(TimeMicros now);

// The date that limits the lot's use: the earlier of expiry and retest ("" for neither).
std::string UseByDate(const Lot& lot);
// "expired" when the lot is quarantined, released or on hold and its UseByDate is before
// the UTC day of `now` (a lot is usable through its expiry day); else its state.
std::string EffectiveLotStatus(const Lot& lot, TimeMicros now);

// Quantities within this many base units (relative to the received quantity, at least
// 1e-9) count as equal: a lot consumed in decimal steps reaches exactly zero.
double QuantityTolerance(const Lot& lot);

}  // namespace ordo::lots
