// Consuming a component serial into a running operation (issue 11 section 1: a component
// goes into a device): the serial's material is a BOM item's (or an approved alternate)
// that the operation may consume, and the serial was produced and not yet consumed. Pure
// decision; the serial must be released (its batch released by quality) and touched by no
// open deviation; one serial counts one unit of its BOM item toward over-consumption. The
// command runs the genealogy cycle check and emits lots.serial_consumed
// from the result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/execution/domain/facts.h"
#include "mes/execution/domain/recording.h"
#include "mes/execution/events.h"

namespace ordo::execution {

// A serial as the rule sees it (lots::FindSerial).
struct SerialFacts {
  std::string serial, material;
  std::string state;              // a lots::kSerial* state (mes/lots/domain/serial.h)
  std::string order_id;           // the order that produced it
  std::string consumed_order_id;  // consumed: the order it went into
  // The open deviations touching it: naming the serial, or of the order that produced it.
  std::vector<std::string> open_deviations;
};

struct SerialConsumeDecision {
  std::string serial, material, bom_material;
  bool alternate = false;
  bool over_consumption = false;
  std::optional<ExceptionRecorded> exception;  // the over-consumption to record
};

// The refusal codes of a serial consumed already, one not released, and one touched by an
// open deviation.
inline constexpr const char* kSerialConsumed = "serial_consumed";
inline constexpr const char* kOpenDeviation = "open_deviation";

// Decides consuming `serial` into `op`, whose order's pinned BOM is `bom`. Refusals, in
// this order: CheckMayRecord (start.h); wrong_material (failed_precondition, field
// serial, recorded) naming the serial's material and what the operation expects, when it
// is none of the items this operation may consume (BomItemsFor, consume.h);
// serial_consumed (failed_precondition, field serial) naming the order it went into, when
// it was consumed already; serial_not_released (failed_precondition, field serial,
// recorded as a refused attempt like lot_not_released) naming the serial and its state,
// when it is not released; open_deviation (failed_precondition, field serial) naming the
// serial and the DV ids, when an open deviation touches it. Otherwise the serial counts
// one unit (in the BOM item's base unit) toward its item: beyond the item's quantity plus
// scrap factor it is an over-consumption, with the exception to record (as lots). The
// serial's own material is preferred over an alternate.
Result<SerialConsumeDecision> DecideConsumeSerial(const OperationFacts& op,
                                                  const std::vector<BomFacts>& bom,
                                                  const SerialFacts& serial,
                                                  const RecordingContext& context);

}  // namespace ordo::execution
