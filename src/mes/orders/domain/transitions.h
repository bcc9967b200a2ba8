// The supervisor's state commands on an order (hold, resume, cancel, close), decided on
// the order's current state (pure). Release has its own decision (release.h);
// execution's start and completion use NextOrderState (states.h) directly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/orders/domain/states.h"

namespace ordo::orders {

inline constexpr std::size_t kMaxReason = 1000;

// `reason` checked alone: at most kMaxReason bytes, and 1 or more (after trimming
// blanks) for hold and cancel (invalid_argument, field "reason"). `action` is kHold,
// kResume, kCancel or kClose.
Status CheckStateCommand(OrderAction action, const std::string& reason);

// An operation of the order as the state commands see it.
struct OperationOfOrder {
  std::string operation;
  OperationState state = OperationState::kPending;
};

// The reason of the pause a hold puts on a running operation: "order held: <reason>".
std::string HeldPauseReason(const std::string& reason);

// The events of `action` on the order `order_id` in `state` (held from `held_from`),
// whose operations are `operations`. The first is the order's event (OrderHeld,
// OrderResumed, OrderCancelled, OrderClosed) with the reason as its payload and as the
// ledger entry's reason (when not empty). Then, in the same command
// (docs/orders-and-lots.md, "Holding and cancelling with operations under way"):
// - hold: an OperationPaused for every operation in progress, with the reason
//   HeldPauseReason(reason), so that nothing runs on a held order;
// - resume: nothing more: paused operations stay paused until their operator resumes them;
// - cancel: OrderCancelled names in `operations` every operation pending, in progress or
//   paused, which the cancellation closes out (state cancelled).
// Refuses as CheckStateCommand, then with invalid_transition (NextOrderState) naming the
// current state.
Result<std::vector<ledger::Event>> DecideStateCommand(
    const std::string& order_id, OrderState state, std::optional<OrderState> held_from,
    OrderAction action, const std::string& reason,
    const std::vector<OperationOfOrder>& operations = {});

}  // namespace ordo::orders
