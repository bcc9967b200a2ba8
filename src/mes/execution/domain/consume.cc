// Material consumption (consume.h).
#include "mes/execution/domain/consume.h"

#include <algorithm>
#include <cmath>

#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/start.h"

namespace ordo::execution {

namespace {

std::string Quantity(double q, const std::string& unit) {
  return FormatNumber(q) + (unit.empty() ? "" : " " + unit);
}

// "M-A" or "M-A (or its approved alternate M-B)" or "one of M-A, M-C (...)".
std::string Expected(const std::vector<BomFacts>& bom) {
  std::string text;
  for (const BomFacts& item : bom) {
    std::string one = item.material;
    if (!item.alternates.empty()) {
      std::string alternates;
      for (const auto& a : item.alternates) alternates += (alternates.empty() ? "" : ", ") + a;
      one += " (or its approved alternate" + std::string(item.alternates.size() > 1 ? "s " : " ") +
             alternates + ")";
    }
    text += (text.empty() ? "" : "; ") + one;
  }
  if (bom.size() > 1) text = "one of " + text;
  return bom.empty() ? "no material (the order has no bill of materials)" : text;
}

bool Matches(const BomFacts& item, const std::string& material) {
  return item.material == material || std::find(item.alternates.begin(), item.alternates.end(),
                                                material) != item.alternates.end();
}

}  // namespace

std::vector<BomFacts> BomItemsFor(const std::string& operation, const std::vector<BomFacts>& bom) {
  std::vector<BomFacts> out;
  for (const BomFacts& b : bom)
    if (b.operation.empty() || b.operation == operation) out.push_back(b);
  return out;
}

Result<ConsumeDecision> DecideConsume(const OperationFacts& op, const std::vector<BomFacts>& bom,
                                      const LotFacts& lot, double base_quantity,
                                      const RecordingContext& context) {
  ORDO_TRY(CheckMayRecord(op, context.acknowledged_hash));
  if (!std::isfinite(base_quantity) || base_quantity <= 0)
    return Refuse(ErrorCode::kInvalidArgument, kInvalidQuantity, "quantity",
                  "The quantity to consume must be a number above 0.");
  // Only the items this operation may consume: those tied to it or to no operation.
  const std::vector<BomFacts> usable = BomItemsFor(op.operation, bom);
  const BomFacts* item = nullptr;
  bool alternate = false;
  for (const BomFacts& b : usable)
    if (b.material == lot.material) {
      item = &b;
      break;
    }
  if (!item)
    for (const BomFacts& b : usable)
      if (std::find(b.alternates.begin(), b.alternates.end(), lot.material) != b.alternates.end()) {
        item = &b;
        alternate = true;
        break;
      }
  if (!item) {
    if (usable.size() == bom.size())
      return Refuse(ErrorCode::kFailedPrecondition, kWrongMaterial, "lot",
                    "Wrong material: lot " + lot.lot + " is material " + lot.material +
                        ", but order " + op.order_id + " expects " + Expected(bom) + ".");
    std::string elsewhere;  // the operation the lot's material is tied to, if any
    for (const BomFacts& b : bom)
      if (elsewhere.empty() && !b.operation.empty() && Matches(b, lot.material))
        elsewhere = b.operation;
    return Refuse(
        ErrorCode::kFailedPrecondition, kWrongMaterial, "lot",
        "Wrong material: lot " + lot.lot + " is material " + lot.material + ", but operation " +
            op.operation + " of order " + op.order_id + " expects " +
            (usable.empty() ? std::string("no material (the bill of materials is consumed at "
                                          "other operations)")
                            : Expected(usable)) +
            "." +
            (elsewhere.empty()
                 ? std::string()
                 : " " + lot.material + " is consumed at operation " + elsewhere + "."));
  }
  const std::string today = UtcDay(context.now);
  // The date that limits use: the earlier of expiry and retest (as lots::UseByDate).
  std::string date = lot.expiry;
  if (!lot.retest.empty() && (date.empty() || lot.retest < date)) date = lot.retest;
  if (lot.status == "expired" || (!date.empty() && date < today))
    return Refuse(ErrorCode::kFailedPrecondition, kLotExpired, "lot",
                  "Lot " + lot.lot + " expired on " + (date.empty() ? "(unknown date)" : date) +
                      (date == lot.retest && date != lot.expiry ? " (retest date)" : "") +
                      "; use a lot that has not expired.");
  // A lot used up is short of quantity, not a compliance matter: two terminals may race
  // for its last kilogram.
  if (lot.status == "consumed")
    return Refuse(ErrorCode::kFailedPrecondition, kInsufficientQuantity, "quantity",
                  "Lot " + lot.lot + " is used up: nothing is left; scan another lot.");
  if (lot.status != "released")
    return Refuse(
        ErrorCode::kFailedPrecondition, kLotNotReleased, "lot",
        "Lot " + lot.lot + " is " + lot.status + "; only a released lot can be consumed.");
  if (!lot.base_unit.empty() && !item->base_unit.empty() && lot.base_unit != item->base_unit)
    return Refuse(ErrorCode::kFailedPrecondition, kUnitMismatch, "lot",
                  "Lot " + lot.lot + " counts in " + lot.base_unit + ", but the order plans " +
                      item->material + " in " + item->base_unit +
                      "; an alternate must count in the same unit.");
  if (base_quantity > lot.quantity * (1 + kQuantityTolerance) + kQuantityTolerance)
    return Refuse(ErrorCode::kFailedPrecondition, kInsufficientQuantity, "quantity",
                  "Lot " + lot.lot + " has only " + Quantity(lot.quantity, lot.base_unit) +
                      " left; " + Quantity(base_quantity, lot.base_unit) + " was asked for.");

  ConsumeDecision d;
  d.lot = lot.lot;
  d.material = lot.material;
  d.bom_material = item->material;
  d.base_unit = lot.base_unit.empty() ? item->base_unit : lot.base_unit;
  d.base_quantity = base_quantity;
  d.alternate = alternate;
  const double allowed = item->base_quantity * (1 + item->scrap_factor);
  const double total = item->consumed + base_quantity;
  if (total > allowed * (1 + kQuantityTolerance) + kQuantityTolerance) {
    d.over_consumption = true;
    d.exception = ExceptionRecorded{
        op.order_id,
        op.operation,
        kOverConsumption,
        item->material,
        "Consumption of " + item->material + " reaches " + Quantity(total, d.base_unit) +
            ", more than the " + Quantity(allowed, d.base_unit) +
            " the bill of materials allows (" + Quantity(item->base_quantity, d.base_unit) +
            " plus " + FormatNumber(item->scrap_factor * 100) + " % scrap).",
        Json{{"lot", lot.lot},
             {"material", lot.material},
             {"bom_material", item->material},
             {"quantity", base_quantity},
             {"consumed_before", item->consumed},
             {"planned", item->base_quantity},
             {"allowed", allowed},
             {"base_unit", d.base_unit}},
        false};
  }
  return d;
}

}  // namespace ordo::execution
