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

Result<ledger::Event> DecideStateCommand(const std::string& order_id, OrderState state,
                                         std::optional<OrderState> held_from, OrderAction action,
                                         const std::string& reason) {
  ORDO_TRY(CheckStateCommand(action, reason));
  ORDO_TRY(NextOrderState(state, action, held_from));
  ledger::Event e;
  switch (action) {
    case OrderAction::kHold:
      e = ledger::MakeEvent(OrderHeld{order_id, reason}, kSubjectKind, order_id);
      break;
    case OrderAction::kResume:
      e = ledger::MakeEvent(OrderResumed{order_id, reason}, kSubjectKind, order_id);
      break;
    case OrderAction::kCancel:
      e = ledger::MakeEvent(OrderCancelled{order_id, reason}, kSubjectKind, order_id);
      break;
    default:
      e = ledger::MakeEvent(OrderClosed{order_id, reason}, kSubjectKind, order_id);
      break;
  }
  if (!reason.empty()) e.reason = reason;
  return e;
}

}  // namespace ordo::orders
