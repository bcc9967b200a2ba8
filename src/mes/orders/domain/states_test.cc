// Unit tests of the order and operation state machines (pure).
#include "mes/orders/domain/states.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/orders/domain/transitions.h"

namespace ordo::orders {
namespace {

using A = OrderAction;
using S = OrderState;

TEST(OrderStates, LegalTransitionsFollowTheLifeOfAnOrder) {
  ORDO_VERIFIES("P11-06", "ORDO-ORDER-10");
  EXPECT_EQ(NextOrderState(S::kCreated, A::kRelease).value(), S::kReleased);
  EXPECT_EQ(NextOrderState(S::kReleased, A::kStart).value(), S::kInProgress);
  EXPECT_EQ(NextOrderState(S::kInProgress, A::kComplete).value(), S::kCompleted);
  EXPECT_EQ(NextOrderState(S::kCompleted, A::kClose).value(), S::kClosed);
  EXPECT_EQ(NextOrderState(S::kReleased, A::kHold).value(), S::kOnHold);
  EXPECT_EQ(NextOrderState(S::kInProgress, A::kHold).value(), S::kOnHold);
  EXPECT_EQ(NextOrderState(S::kCreated, A::kCancel).value(), S::kCancelled);
  EXPECT_EQ(NextOrderState(S::kReleased, A::kCancel).value(), S::kCancelled);
  EXPECT_EQ(NextOrderState(S::kOnHold, A::kCancel).value(), S::kCancelled);
}

TEST(OrderStates, ResumeReturnsToTheStateItWasHeldFrom) {
  ORDO_VERIFIES("ORDO-ORDER-11");
  EXPECT_EQ(NextOrderState(S::kOnHold, A::kResume, S::kReleased).value(), S::kReleased);
  EXPECT_EQ(NextOrderState(S::kOnHold, A::kResume, S::kInProgress).value(), S::kInProgress);
  EXPECT_FALSE(NextOrderState(S::kOnHold, A::kResume, std::nullopt).ok());
}

TEST(OrderStates, EveryIllegalTransitionIsRefusedNamingTheCurrentState) {
  ORDO_VERIFIES("P11-06", "ORDO-ORDER-10");
  int refused = 0;
  for (int s = 0; s <= static_cast<int>(S::kCancelled); ++s) {
    for (int a = 0; a <= static_cast<int>(A::kCancel); ++a) {
      const auto state = static_cast<S>(s);
      const auto action = static_cast<A>(a);
      auto next = NextOrderState(state, action, S::kReleased);
      if (next.ok()) continue;
      ++refused;
      EXPECT_EQ(next.error().code, ErrorCode::kFailedPrecondition);
      EXPECT_EQ(next.error().reason, "invalid_transition");
      EXPECT_NE(next.error().message.find(std::string("is ") + ToString(state)), std::string::npos)
          << next.error().message;
    }
  }
  // 7 states x 7 actions = 49; legal: the 10 above (resume from on_hold counted once).
  EXPECT_EQ(refused, 49 - 10);
  EXPECT_FALSE(NextOrderState(S::kClosed, A::kCancel).ok());
  EXPECT_FALSE(NextOrderState(S::kCancelled, A::kRelease).ok());
  EXPECT_FALSE(NextOrderState(S::kCompleted, A::kHold).ok());
  EXPECT_FALSE(NextOrderState(S::kInProgress, A::kCancel).ok());
}

TEST(OrderStates, StringFormsRoundTrip) {
  ORDO_VERIFIES("ORDO-ORDER-10");
  for (int s = 0; s <= static_cast<int>(S::kCancelled); ++s)
    EXPECT_EQ(ParseOrderState(ToString(static_cast<S>(s))), static_cast<S>(s));
  for (int s = 0; s <= static_cast<int>(OperationState::kCancelled); ++s)
    EXPECT_EQ(ParseOperationState(ToString(static_cast<OperationState>(s))),
              static_cast<OperationState>(s));
  EXPECT_FALSE(ParseOrderState("Released"));
  EXPECT_FALSE(ParseOperationState("done"));
}

TEST(StateCommands, HoldAndCancelNeedAReasonAndMakeTheirEvents) {
  ORDO_VERIFIES("ORDO-ORDER-11");
  auto hold = DecideStateCommand("PO-1", S::kReleased, std::nullopt, A::kHold, " ");
  ASSERT_FALSE(hold.ok());
  EXPECT_EQ(hold.error().field, "reason");
  EXPECT_FALSE(DecideStateCommand("PO-1", S::kCreated, std::nullopt, A::kCancel, "").ok());
  EXPECT_FALSE(
      DecideStateCommand("PO-1", S::kCompleted, std::nullopt, A::kClose, std::string(1001, 'x'))
          .ok());
  auto held = DecideStateCommand("PO-1", S::kReleased, std::nullopt, A::kHold, "line down");
  ASSERT_TRUE(held.ok()) << held.error().message;
  ASSERT_EQ(held->size(), 1u);
  EXPECT_EQ(held->front().type, "orders.order_held");
  EXPECT_EQ(held->front().subject_kind, "order");
  EXPECT_EQ(held->front().subject_id, "PO-1");
  EXPECT_EQ(held->front().payload["reason"], "line down");
  EXPECT_EQ(held->front().reason, "line down");
  auto closed = DecideStateCommand("PO-1", S::kCompleted, std::nullopt, A::kClose, "");
  ASSERT_TRUE(closed.ok());
  ASSERT_EQ(closed->size(), 1u);
  EXPECT_EQ(closed->front().type, "orders.order_closed");
  EXPECT_FALSE(closed->front().reason.has_value());
  auto wrong = DecideStateCommand("PO-1", S::kClosed, std::nullopt, A::kResume, "");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().reason, "invalid_transition");
  EXPECT_NE(wrong.error().message.find("closed"), std::string::npos);
}

}  // namespace
}  // namespace ordo::orders
