// Start, pause, resume and the recording precondition (start.h).
#include "mes/execution/domain/start.h"

#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/readiness.h"

namespace ordo::execution {

namespace {

Error Transition(const std::string& field, std::string message) {
  return Refuse(ErrorCode::kFailedPrecondition, kInvalidTransition, field, std::move(message));
}

std::string OpName(const OperationFacts& op) {
  return "Operation " + op.operation + " of order " + op.order_id;
}

Status CheckOrderStartable(const OperationFacts& op) {
  if (op.order_state != kOrderReleased && op.order_state != kOrderInProgress)
    return Transition("order_id", "Order " + op.order_id + " is " + op.order_state +
                                      "; it must be released or in progress to start an "
                                      "operation.");
  return Ok();
}

Status CheckPredecessors(const OperationFacts& op) {
  for (const OperationStatus& p : op.predecessors) {
    if (OperationDone(p.state, p.needs_verification)) continue;
    if (p.state == kOpCompleted)
      return Refuse(ErrorCode::kFailedPrecondition, kVerificationRequired, "operation",
                    "Operation " + p.operation +
                        " is completed but awaits its second-person verification; it must be "
                        "verified before operation " +
                        op.operation + " can start.");
    return Refuse(ErrorCode::kFailedPrecondition, kSequenceViolation, "operation",
                  "Operation " + p.operation + " is " + p.state +
                      "; it must be completed before "
                      "operation " +
                      op.operation + " can start.");
  }
  return Ok();
}

Status CheckNotDown(const EquipmentFacts& unit) {
  if (!unit.down_blocked) return Ok();
  const std::string reason =
      unit.down_reason_code.empty() ? "no reason given yet" : unit.down_reason_code;
  return Refuse(ErrorCode::kConflict, kEquipmentDown, "work_unit",
                "Work unit " + unit.work_unit + " is down (" + reason + ") since " +
                    FormatUtcMicros(unit.down_since_us) + ", longer than its " +
                    std::to_string(unit.down_block_seconds) +
                    " s; it takes no new operation until it runs again or a supervisor "
                    "overrides the block.");
}

}  // namespace

Result<StartDecision> DecideStart(const OperationFacts& op, const OperatorFacts& person,
                                  const EquipmentFacts& unit, TimeMicros now) {
  ORDO_TRY(CheckOrderStartable(op));
  if (op.state != kOpPending)
    return Transition(
        "operation", OpName(op) + " is " + op.state + "; only a pending operation can be started.");
  ORDO_TRY(CheckPredecessors(op));
  const std::string today = UtcDay(now);
  ORDO_TRY(CheckQualifications(op.spec.qualifications, person, today, "Operator", "user"));
  ORDO_TRY(CheckEquipment(op, unit, today));
  ORDO_TRY(CheckNotDown(unit));
  return StartDecision{unit.work_unit, op.order_state == kOrderReleased,
                       QualificationsUsed(op.spec.qualifications, person, today)};
}

Status DecidePause(const OperationFacts& op, const std::string& reason) {
  if (reason.size() > 1000)
    return Error::Invalid("reason", "The reason must be at most 1000 characters long.");
  if (op.state != kOpInProgress)
    return Transition("operation", OpName(op) + " is " + op.state +
                                       "; only an operation in progress can be paused.");
  if (op.order_state != kOrderInProgress)
    return Transition("order_id", "Order " + op.order_id + " is " + op.order_state +
                                      "; it must be in progress to pause an operation.");
  return Ok();
}

Status DecideResume(const OperationFacts& op, const OperatorFacts& person,
                    const EquipmentFacts& unit, TimeMicros now) {
  if (op.state != kOpPaused)
    return Transition("operation",
                      OpName(op) + " is " + op.state + "; only a paused operation can be resumed.");
  if (op.order_state != kOrderInProgress)
    return Transition("order_id", "Order " + op.order_id + " is " + op.order_state +
                                      "; it must be in progress to resume an operation.");
  const std::string today = UtcDay(now);
  ORDO_TRY(CheckQualifications(op.spec.qualifications, person, today, "Operator", "user"));
  ORDO_TRY(CheckEquipment(op, unit, today));
  return Ok();
}

Status CheckRunning(const OperationFacts& op) {
  if (op.order_state != kOrderInProgress)
    return Transition("order_id", "Order " + op.order_id + " is " + op.order_state +
                                      "; nothing can be recorded until it is in progress.");
  if (op.state == kOpPaused)
    return Transition("operation", OpName(op) + " is paused; resume it first.");
  if (op.state != kOpInProgress)
    return Transition("operation", OpName(op) + " is " + op.state +
                                       "; it must be started (in progress) to record on it.");
  return Ok();
}

Status CheckMayRecord(const OperationFacts& op,
                      const std::optional<std::string>& acknowledged_hash) {
  ORDO_TRY(CheckRunning(op));
  if (!op.spec.instruction_hash.empty() &&
      (!acknowledged_hash || *acknowledged_hash != op.spec.instruction_hash))
    return Refuse(ErrorCode::kFailedPrecondition, kInstructionsNotAcknowledged, "operation",
                  "Read and acknowledge the work instructions of operation " + op.operation +
                      " before recording anything.");
  return Ok();
}

}  // namespace ordo::execution
