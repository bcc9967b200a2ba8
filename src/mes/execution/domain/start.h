// Starting, pausing and resuming an operation, and the precondition of every recording
// command (the operation runs, and its instructions are acknowledged). Pure decisions on
// facts (facts.h) and the server's time; the commands emit the orders events
// (orders.operation_started, orders.order_started, ...) from what these return.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "mes/execution/domain/facts.h"
#include "mes/execution/domain/readiness.h"

namespace ordo::execution {

// What a start decides: the operation starts on `work_unit`; `order_started` when this is
// the order's first start (the order was released: orders.order_started goes with it).
// `qualifications`: the operator's grants that satisfied the operation's requirements
// (QualificationsUsed), recorded with the start for the batch record.
struct StartDecision {
  std::string work_unit;
  bool order_started = false;
  std::vector<QualificationUsed> qualifications;
};

// Decides the start of `op` by `person` on `unit` at `now`. Refusals, in this order:
// - invalid_transition (failed_precondition, field order_id): the order is not released
//   or in progress (the message names its state);
// - invalid_transition (field operation): the operation is not pending (names its state);
// - verification_required (field operation): a predecessor is completed but awaits its
//   second-person verification (named);
// - sequence_violation (field operation): a predecessor is not completed (named, with
//   its state);
// - not_qualified / qualification_expired (field user): CheckQualifications;
// - the equipment refusals of CheckEquipment (field work_unit);
// - equipment_down (conflict, field work_unit): the unit's machine is down for longer
//   than its down_block_seconds and no supervisor overrode the block (the message names
//   the work unit, the reason code and since when). A resume is not refused for it: the
//   block keeps new operations off the unit.
Result<StartDecision> DecideStart(const OperationFacts& op, const OperatorFacts& person,
                                  const EquipmentFacts& unit, TimeMicros now);

// Decides a pause: the operation must be in progress (else invalid_transition, field
// operation) and the order too (a held order's operations were paused by the hold; else
// invalid_transition, field order_id, naming its state); `reason` (optional) at most
// 1000 bytes (invalid_argument, field reason).
Status DecidePause(const OperationFacts& op, const std::string& reason);

// Decides a resume: the operation must be paused and the order in progress (not held);
// else invalid_transition. The operator and the work unit are checked again as for a
// start (time may have passed: a qualification or calibration may have expired); `unit`
// is the work unit the operation runs on (busy_with must not name this operation).
Status DecideResume(const OperationFacts& op, const OperatorFacts& person,
                    const EquipmentFacts& unit, TimeMicros now);

// The precondition of acknowledging and of every recording command (consume, parameters,
// characteristics, complete): the order is in progress (invalid_transition, field
// order_id, naming its state) and the operation in progress (invalid_transition, field
// operation; a paused one says to resume it first).
Status CheckRunning(const OperationFacts& op);

// CheckRunning, then: when the operation has instructions, `acknowledged_hash` (the hash
// this user acknowledged for this operation, if any) must equal the pinned
// instruction_hash; else instructions_not_acknowledged (failed_precondition, field
// operation).
Status CheckMayRecord(const OperationFacts& op,
                      const std::optional<std::string>& acknowledged_hash);

}  // namespace ordo::execution
