// Split, merge, move (handling.h).
#include "mes/lots/domain/handling.h"

#include <cctype>
#include <cmath>
#include <set>

namespace ordo::lots {

namespace {

std::string Num(double v) {
  std::string s = Json(v).dump();
  return s;
}

// Consumed and rejected lots are at the end of their life: nothing handles them.
Status CheckHandleable(const Lot& lot, const std::string& field) {
  if (lot.state == LotStateName(LotState::kConsumed) ||
      lot.state == LotStateName(LotState::kRejected))
    return Error{ErrorCode::kFailedPrecondition,
                 "lot " + lot.lot + " is " + lot.state + "; it cannot be split, merged or moved",
                 field, "invalid_transition"};
  return Ok();
}

}  // namespace

bool IsLotId(const std::string& id) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  bool ok = !id.empty() && id.size() <= 64 && alnum(id[0]);
  for (char c : id) ok = ok && (alnum(c) || c == '.' || c == '_' || c == '-');
  return ok;
}

Result<LotSplit> DecideSplit(const Lot& parent, const std::string& sublot, bool sublot_exists,
                             double base_quantity, const std::string& location,
                             const std::string& reason) {
  if (!IsLotId(sublot))
    return Error::Invalid("sublot",
                          "sublot must be 1 to 64 letters, digits, '.', '_' or '-', starting "
                          "with a letter or digit",
                          sublot.empty() ? "missing_field" : "malformed_id");
  if (!std::isfinite(base_quantity) || base_quantity <= 0 ||
      base_quantity >= parent.quantity - QuantityTolerance(parent))
    return Error::Invalid("quantity",
                          "the quantity split off must be above 0 and below the " +
                              Num(parent.quantity) + " " + parent.base_unit + " lot " + parent.lot +
                              " holds (move a whole lot instead)",
                          "invalid_quantity");
  ORDO_TRY(CheckHandleable(parent, "lot"));
  if (sublot_exists || sublot == parent.lot)
    return Error{ErrorCode::kConflict, "lot " + sublot + " exists already; lot ids are unique",
                 "sublot", "duplicate_lot"};
  return LotSplit{parent.lot, sublot, base_quantity, location.empty() ? parent.location : location,
                  reason};
}

Result<LotsMerged> DecideMerge(const Lot& into, const std::vector<Lot>& from,
                               const std::string& reason, TimeMicros now) {
  if (from.empty())
    return Error::Invalid("from", "name at least one lot to merge into " + into.lot,
                          "missing_field");
  ORDO_TRY(CheckHandleable(into, "into"));
  const std::string status = EffectiveLotStatus(into, now);
  std::set<std::string> seen;
  LotsMerged merged{into.lot, {}, reason};
  for (std::size_t i = 0; i < from.size(); ++i) {
    const Lot& l = from[i];
    const std::string field = "from[" + std::to_string(i) + "]";
    auto refuse = [&](const std::string& why) {
      return Error{ErrorCode::kFailedPrecondition,
                   "lot " + l.lot + " cannot merge into " + into.lot + ": " + why, field,
                   "invalid_merge"};
    };
    if (l.lot == into.lot) return refuse("a lot does not merge into itself");
    if (!seen.insert(l.lot).second) return refuse("it is named twice");
    ORDO_TRY(CheckHandleable(l, field));
    if (l.material != into.material)
      return refuse("it is material " + l.material + ", " + into.lot + " is " + into.material);
    if (l.base_unit != into.base_unit)
      return refuse("it counts in " + l.base_unit + ", " + into.lot + " in " + into.base_unit);
    const std::string other = EffectiveLotStatus(l, now);
    if (other != status) return refuse("it is " + other + ", " + into.lot + " is " + status);
    // The same effective status is not enough: two held (or expired) lots may come from
    // different decisions, and lifting the hold would release what quality never did.
    if (l.state != into.state || l.held_from != into.held_from)
      return refuse("its quality decision differs from " + into.lot + "'s (" + l.state +
                    (l.held_from.empty() ? "" : " from " + l.held_from) + " against " + into.state +
                    (into.held_from.empty() ? "" : " from " + into.held_from) + ")");
    // Dates are never extended: material keeps the expiry and retest it arrived with.
    if (l.expiry != into.expiry || l.retest != into.retest)
      return refuse("its expiry/retest " + (l.expiry.empty() ? "-" : l.expiry) + "/" +
                    (l.retest.empty() ? "-" : l.retest) + " differs from " + into.lot + "'s " +
                    (into.expiry.empty() ? "-" : into.expiry) + "/" +
                    (into.retest.empty() ? "-" : into.retest));
    merged.from.push_back({l.lot, l.quantity});
  }
  return merged;
}

Result<LotMoved> DecideMove(const Lot& lot, const std::string& to_location,
                            const std::string& reason) {
  if (to_location.empty())
    return Error::Invalid("location", "name the location the lot goes to", "missing_field");
  if (to_location.size() > 64)
    return Error::Invalid("location", "location must be at most 64 bytes", "too_long");
  ORDO_TRY(CheckHandleable(lot, "lot"));
  if (to_location == lot.location)
    return Error{ErrorCode::kFailedPrecondition,
                 "lot " + lot.lot + " is at " + to_location + " already", "location",
                 "same_location"};
  return LotMoved{lot.lot, lot.location, to_location, reason};
}

}  // namespace ordo::lots
