// Order and operation states and their transitions.
#include "mes/orders/domain/states.h"

#include <array>

namespace ordo::orders {

namespace {

constexpr std::array<const char*, 7> kOrderStates = {
    "created", "released", "in_progress", "completed", "closed", "on_hold", "cancelled"};
constexpr std::array<const char*, 7> kOrderActions = {"release", "start",  "complete", "close",
                                                      "hold",    "resume", "cancel"};
constexpr std::array<const char*, 6> kOperationStates = {"pending",   "in_progress", "paused",
                                                         "completed", "verified",    "cancelled"};
Error Illegal(const std::string& what, const char* state, const char* action,
              const std::string& allowed) {
  return Error{ErrorCode::kFailedPrecondition,
               what + " is " + state + "; '" + action + "' is allowed only " + allowed, "state",
               "invalid_transition"};
}

}  // namespace

const char* ToString(OrderState s) { return kOrderStates[static_cast<std::size_t>(s)]; }
const char* ToString(OrderAction a) { return kOrderActions[static_cast<std::size_t>(a)]; }
const char* ToString(OperationState s) { return kOperationStates[static_cast<std::size_t>(s)]; }

std::optional<OrderState> ParseOrderState(std::string_view text) {
  for (std::size_t i = 0; i < kOrderStates.size(); ++i)
    if (text == kOrderStates[i]) return static_cast<OrderState>(i);
  return std::nullopt;
}

std::optional<OperationState> ParseOperationState(std::string_view text) {
  for (std::size_t i = 0; i < kOperationStates.size(); ++i)
    if (text == kOperationStates[i]) return static_cast<OperationState>(i);
  return std::nullopt;
}

Result<OrderState> NextOrderState(OrderState s, OrderAction a,
                                  std::optional<OrderState> held_from) {
  using S = OrderState;
  const std::string what = "the order";
  switch (a) {
    case OrderAction::kRelease:
      if (s == S::kCreated) return S::kReleased;
      return Illegal(what, ToString(s), ToString(a), "from created");
    case OrderAction::kStart:
      if (s == S::kReleased) return S::kInProgress;
      return Illegal(what, ToString(s), ToString(a), "from released");
    case OrderAction::kComplete:
      if (s == S::kInProgress) return S::kCompleted;
      return Illegal(what, ToString(s), ToString(a), "from in_progress");
    case OrderAction::kClose:
      if (s == S::kCompleted) return S::kClosed;
      return Illegal(what, ToString(s), ToString(a), "from completed");
    case OrderAction::kHold:
      if (s == S::kReleased || s == S::kInProgress) return S::kOnHold;
      return Illegal(what, ToString(s), ToString(a), "from released or in_progress");
    case OrderAction::kResume:
      if (s == S::kOnHold && held_from &&
          (*held_from == S::kReleased || *held_from == S::kInProgress))
        return *held_from;
      return Illegal(what, ToString(s), ToString(a), "from on_hold");
    case OrderAction::kCancel:
      if (s == S::kCreated || s == S::kReleased || s == S::kOnHold) return S::kCancelled;
      return Illegal(what, ToString(s), ToString(a), "from created, released or on_hold");
  }
  return Illegal(what, ToString(s), "?", "never");
}

}  // namespace ordo::orders
