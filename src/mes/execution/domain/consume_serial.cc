// Component serial consumption (consume_serial.h).
#include "mes/execution/domain/consume_serial.h"

#include <algorithm>

#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/consume.h"
#include "mes/execution/domain/start.h"
#include "mes/lots/domain/serial.h"

namespace ordo::execution {

Result<SerialConsumeDecision> DecideConsumeSerial(const OperationFacts& op,
                                                  const std::vector<BomFacts>& bom,
                                                  const SerialFacts& serial,
                                                  const RecordingContext& context) {
  ORDO_TRY(CheckMayRecord(op, context.acknowledged_hash));
  const std::vector<BomFacts> usable = BomItemsFor(op.operation, bom);
  const BomFacts* item = nullptr;
  bool alternate = false;
  for (const BomFacts& b : usable)
    if (!item && b.material == serial.material) item = &b;
  for (const BomFacts& b : usable)
    if (!item && std::find(b.alternates.begin(), b.alternates.end(), serial.material) !=
                     b.alternates.end()) {
      item = &b;
      alternate = true;
    }
  if (!item) {
    std::string expected;
    for (const BomFacts& b : usable) expected += (expected.empty() ? "" : ", ") + b.material;
    return Refuse(ErrorCode::kFailedPrecondition, kWrongMaterial, "serial",
                  "Wrong material: serial " + serial.serial + " is material " + serial.material +
                      ", but operation " + op.operation + " of order " + op.order_id + " expects " +
                      (expected.empty() ? std::string("no material") : expected) + ".");
  }
  if (serial.state == lots::kSerialConsumed)
    return Refuse(
        ErrorCode::kFailedPrecondition, kSerialConsumed, "serial",
        "Serial " + serial.serial + " was consumed already" +
            (serial.consumed_order_id.empty() ? std::string()
                                              : " into order " + serial.consumed_order_id) +
            "; a serial goes into one device only.");
  if (serial.state != lots::kSerialReleased)
    return Refuse(ErrorCode::kFailedPrecondition, kSerialNotReleased, "serial",
                  "Serial " + serial.serial + " is " + serial.state +
                      "; only a released serial can be consumed (its batch is released by "
                      "quality).");
  if (!serial.open_deviations.empty()) {
    std::string ids;
    for (const auto& id : serial.open_deviations) ids += (ids.empty() ? "" : ", ") + id;
    return Refuse(ErrorCode::kFailedPrecondition, kOpenDeviation, "serial",
                  "Serial " + serial.serial + " is touched by open deviation" +
                      (serial.open_deviations.size() > 1 ? "s " : " ") + ids +
                      ": it cannot be consumed until quality dispositions " +
                      (serial.open_deviations.size() > 1 ? "them." : "it."));
  }
  SerialConsumeDecision d;
  d.serial = serial.serial;
  d.material = serial.material;
  d.bom_material = item->material;
  d.alternate = alternate;
  const double allowed = item->base_quantity * (1 + item->scrap_factor);
  const double total = item->consumed + 1;
  if (total > allowed * (1 + kQuantityTolerance) + kQuantityTolerance) {
    const std::string unit = item->base_unit.empty() ? "pcs" : item->base_unit;
    auto amount = [&unit](double v) { return FormatNumber(v) + " " + unit; };
    d.over_consumption = true;
    d.exception = ExceptionRecorded{
        op.order_id,
        op.operation,
        kOverConsumption,
        item->material,
        "Consumption of " + item->material + " reaches " + amount(total) + ", more than the " +
            amount(allowed) + " the bill of materials allows (" + amount(item->base_quantity) +
            " plus " + FormatNumber(item->scrap_factor * 100) + " % scrap).",
        Json{{"serial", serial.serial},
             {"material", serial.material},
             {"bom_material", item->material},
             {"quantity", 1},
             {"consumed_before", item->consumed},
             {"planned", item->base_quantity},
             {"allowed", allowed},
             {"base_unit", unit}},
        false};
  }
  return d;
}

}  // namespace ordo::execution
