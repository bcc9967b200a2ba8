// Consuming a component serial into a running operation (issue 11 section 1: a component
// goes into a device): the serial's material is a BOM item's (or an approved alternate)
// that the operation may consume, and the serial was produced and not yet consumed. Pure
// decision; the command runs the genealogy cycle check and emits lots.serial_consumed
// from the result.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "mes/execution/domain/facts.h"
#include "mes/execution/domain/recording.h"

namespace ordo::execution {

// A serial as the rule sees it (lots::FindSerial).
struct SerialFacts {
  std::string serial, material;
  std::string state;              // produced | consumed
  std::string order_id;           // the order that produced it
  std::string consumed_order_id;  // consumed: the order it went into
};

struct SerialConsumeDecision {
  std::string serial, material, bom_material;
  bool alternate = false;
};

// The refusal code of a serial consumed already.
inline constexpr const char* kSerialConsumed = "serial_consumed";

// Decides consuming `serial` into `op`, whose order's pinned BOM is `bom`. Refusals, in
// this order: CheckMayRecord (start.h); wrong_material (failed_precondition, field
// serial, recorded) naming the serial's material and what the operation expects, when it
// is none of the items this operation may consume (BomItemsFor, consume.h);
// serial_consumed (failed_precondition, field serial) naming the order it went into, when
// it was consumed already. The serial's own material is preferred over an alternate.
Result<SerialConsumeDecision> DecideConsumeSerial(const OperationFacts& op,
                                                  const std::vector<BomFacts>& bom,
                                                  const SerialFacts& serial,
                                                  const RecordingContext& context);

}  // namespace ordo::execution
