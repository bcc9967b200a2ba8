// Component serial consumption (consume_serial.h).
#include "mes/execution/domain/consume_serial.h"

#include <algorithm>

#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/consume.h"
#include "mes/execution/domain/start.h"

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
  if (serial.state == "consumed")
    return Refuse(
        ErrorCode::kFailedPrecondition, kSerialConsumed, "serial",
        "Serial " + serial.serial + " was consumed already" +
            (serial.consumed_order_id.empty() ? std::string()
                                              : " into order " + serial.consumed_order_id) +
            "; a serial goes into one device only.");
  SerialConsumeDecision d;
  d.serial = serial.serial;
  d.material = serial.material;
  d.bom_material = item->material;
  d.alternate = alternate;
  return d;
}

}  // namespace ordo::execution
