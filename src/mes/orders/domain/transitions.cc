// Hold, resume, cancel and close.
#include "mes/orders/domain/transitions.h"

#include "mes/orders/events.h"

namespace ordo::orders {

Status CheckStateCommand(OrderAction action, const std::string& reason) {
  if (reason.size() > kMaxReason)
    return Error::Invalid(
        "reason", "reason must be at most " + std::to_string(kMaxReason) + " characters long");
  const bool required = action == OrderAction::kHold || action == OrderAction::kCancel;
  if (required && reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::Invalid("reason",
                          std::string("a reason is required to ") + ToString(action) + " an order",
                          "reason_required");
  if (action != OrderAction::kHold && action != OrderAction::kResume &&
      action != OrderAction::kCancel && action != OrderAction::kClose)
    return Error::Make(ErrorCode::kInternal, "not a state command");
  return Ok();
}

std::string HeldPauseReason(const std::string& reason) { return "order held: " + reason; }

Result<std::vector<ledger::Event>> DecideStateCommand(
    const std::string& order_id, OrderState state, std::optional<OrderState> held_from,
    OrderAction action, const std::string& reason,
    const std::vector<OperationOfOrder>& operations) {
  ORDO_TRY(CheckStateCommand(action, reason));
  ORDO_TRY(NextOrderState(state, action, held_from));
  std::vector<ledger::Event> events;
  std::vector<ledger::Event> paused;
  switch (action) {
    case OrderAction::kHold:
      events.push_back(ledger::MakeEvent(OrderHeld{order_id, reason}, kSubjectKind, order_id));
      for (const auto& op : operations)
        if (op.state == OperationState::kInProgress)
          paused.push_back(
              ledger::MakeEvent(OperationPaused{order_id, op.operation, HeldPauseReason(reason)},
                                kSubjectKind, order_id));
      break;
    case OrderAction::kResume:
      events.push_back(ledger::MakeEvent(OrderResumed{order_id, reason}, kSubjectKind, order_id));
      break;
    case OrderAction::kCancel: {
      OrderCancelled cancelled{order_id, reason, {}};
      for (const auto& op : operations)
        if (op.state == OperationState::kPending || op.state == OperationState::kInProgress ||
            op.state == OperationState::kPaused)
          cancelled.operations.push_back(op.operation);
      events.push_back(ledger::MakeEvent(cancelled, kSubjectKind, order_id));
      break;
    }
    default:
      events.push_back(ledger::MakeEvent(OrderClosed{order_id, reason}, kSubjectKind, order_id));
      break;
  }
  if (!reason.empty()) events.front().reason = reason;
  for (auto& e : paused) {
    e.reason = HeldPauseReason(reason);
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace ordo::orders
