// Lot states, the derived status and the consumption check (lot.h).
#include "mes/lots/domain/lot.h"

#include <algorithm>
#include <cmath>

namespace ordo::lots {

namespace {

constexpr LotState kStates[] = {LotState::kQuarantined, LotState::kReleased, LotState::kRejected,
                                LotState::kOnHold, LotState::kConsumed};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

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

}  // namespace ordo::lots
