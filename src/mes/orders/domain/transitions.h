// The supervisor's state commands on an order (hold, resume, cancel, close), decided on
// the order's current state (pure). Release has its own decision (release.h);
// execution's start and completion use NextOrderState (states.h) directly.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/orders/domain/states.h"

namespace ordo::orders {

inline constexpr std::size_t kMaxReason = 1000;

// `reason` checked alone: at most kMaxReason bytes, and 1 or more (after trimming
// blanks) for hold and cancel (invalid_argument, field "reason"). `action` is kHold,
// kResume, kCancel or kClose.
Status CheckStateCommand(OrderAction action, const std::string& reason);

// The event of `action` (OrderHeld, OrderResumed, OrderCancelled, OrderClosed) on the
// order `order_id` in `state` (held from `held_from`), with the reason as the event's
// payload and the ledger entry's reason (when not empty). Refuses as CheckStateCommand,
// then with invalid_transition (NextOrderState) naming the current state.
Result<ledger::Event> DecideStateCommand(const std::string& order_id, OrderState state,
                                         std::optional<OrderState> held_from, OrderAction action,
                                         const std::string& reason);

}  // namespace ordo::orders
