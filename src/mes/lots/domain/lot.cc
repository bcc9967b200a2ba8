// Lot states, the derived status and the consumption check (lot.h).
#include "mes/lots/domain/lot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ordo::lots {

namespace {

constexpr LotState kStates[] = {LotState::kQuarantined, LotState::kReleased, LotState::kRejected,
                                LotState::kOnHold, LotState::kConsumed};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::string Number(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

}  // namespace

const char* LotStateName(LotState state) {
  switch (state) {
    case LotState::kQuarantined:
      return "quarantined";
    case LotState::kReleased:
      return "released";
    case LotState::kRejected:
      return "rejected";
    case LotState::kOnHold:
      return "on_hold";
    case LotState::kConsumed:
      return "consumed";
  }
  return "quarantined";
}

std::optional<LotState> ParseLotState(const std::string& name) {
  for (LotState s : kStates)
    if (name == LotStateName(s)) return s;
  return std::nullopt;
}

bool IsLotStatus(const std::string& name) {
  return name == "expired" || ParseLotState(name).has_value();
}

bool IsDate(const std::string& t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return false;
  const int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(5, 2)),
            d = std::stoi(t.substr(8, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

std::string UtcDay(TimeMicros now) { return FormatUtcMicros(now).substr(0, 10); }

std::string UseByDate(const Lot& lot) {
  if (lot.expiry.empty()) return lot.retest;
  if (lot.retest.empty()) return lot.expiry;
  return std::min(lot.expiry, lot.retest);
}

std::string EffectiveLotStatus(const Lot& lot, TimeMicros now) {
  const auto state = ParseLotState(lot.state);
  const bool usable_state =
      state == LotState::kQuarantined || state == LotState::kReleased || state == LotState::kOnHold;
  const std::string use_by = UseByDate(lot);
  if (usable_state && !use_by.empty() && use_by < UtcDay(now)) return "expired";
  return lot.state;
}

double QuantityTolerance(const Lot& lot) {
  return std::max(1e-9, std::fabs(lot.received_quantity) * 1e-9);
}

Result<double> DecideConsumption(const Lot& lot, TimeMicros now, double base_quantity) {
  if (!std::isfinite(base_quantity) || base_quantity <= 0)
    return Error::Invalid("quantity", "the quantity to consume must be a number greater than 0",
                          "invalid_quantity");
  const double tolerance = QuantityTolerance(lot);
  if (lot.state == LotStateName(LotState::kConsumed) || lot.quantity <= tolerance)
    return Error{ErrorCode::kFailedPrecondition,
                 "lot " + lot.lot + " is consumed: nothing is left (0 " + lot.base_unit + ")",
                 "quantity", "insufficient_quantity"};
  if (lot.state != LotStateName(LotState::kReleased))
    return Error{ErrorCode::kFailedPrecondition,
                 "lot " + lot.lot + " is " + lot.state +
                     ", not released: only a lot quality released may be consumed",
                 "lot", "lot_not_released"};
  if (EffectiveLotStatus(lot, now) == "expired") {
    const std::string date = UseByDate(lot);
    const char* which = date == lot.expiry ? "expired on" : "was due for retest on";
    return Error{ErrorCode::kFailedPrecondition,
                 "lot " + lot.lot + " " + which + " " + date + " (today is " + UtcDay(now) +
                     "); an expired lot may not be consumed",
                 "lot", "lot_expired"};
  }
  if (base_quantity > lot.quantity + tolerance)
    return Error{ErrorCode::kFailedPrecondition,
                 "lot " + lot.lot + " has " + Number(lot.quantity) + " " + lot.base_unit +
                     " left; " + Number(base_quantity) + " " + lot.base_unit +
                     " cannot be consumed",
                 "quantity", "insufficient_quantity"};
  const double left = lot.quantity - base_quantity;
  return left <= tolerance ? 0.0 : left;
}

}  // namespace ordo::lots
