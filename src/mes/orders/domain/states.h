// The states of a work order and of its operations, each with its one string form (as
// stored, shown by the API and named in refusals), and the transitions between them
// (docs/orders-and-lots.md, "Work orders"). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo::orders {

// created -> released -> in_progress -> completed -> closed; on_hold from released or
// in_progress (resume returns to the state it was held from); cancelled from created,
// released or on_hold.
enum class OrderState {
  kCreated,
  kReleased,
  kInProgress,
  kCompleted,
  kClosed,
  kOnHold,
  kCancelled
};

// What moves an order: the supervisor's commands and execution's start and completion.
enum class OrderAction { kRelease, kStart, kComplete, kClose, kHold, kResume, kCancel };

// pending -> in_progress <-> paused; in_progress -> completed -> verified (only when the
// pinned operation asks for second-person verification). cancelled: closed out by the
// order's cancellation (from pending, in_progress or paused); no action leaves it.
// Execution decides these transitions and when an operation is done
// (mes/execution/domain: start.h, complete.h, facts.h OperationDone); orders stores the
// states.
enum class OperationState { kPending, kInProgress, kPaused, kCompleted, kVerified, kCancelled };

// "created", "released", "in_progress", "completed", "closed", "on_hold", "cancelled".
const char* ToString(OrderState state);
// "release", "start", "complete", "close", "hold", "resume", "cancel".
const char* ToString(OrderAction action);
// "pending", "in_progress", "paused", "completed", "verified", "cancelled".
const char* ToString(OperationState state);
std::optional<OrderState> ParseOrderState(std::string_view text);
std::optional<OperationState> ParseOperationState(std::string_view text);

// The state an order moves to when `action` is applied in `state`; `held_from` is the
// state an on_hold order was held from (used by resume). Refuses an illegal transition
// with failed_precondition, reason invalid_transition, field "state", and a message that
// names the current state and the action.
Result<OrderState> NextOrderState(OrderState state, OrderAction action,
                                  std::optional<OrderState> held_from = std::nullopt);

}  // namespace ordo::orders
