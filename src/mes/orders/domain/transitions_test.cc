// Unit tests of the supervisor's state commands with operations under way (pure): a hold
// pauses every running operation in the same command, a resume restarts none, and a
// cancellation closes out every operation not completed.
#include "mes/orders/domain/transitions.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/orders/events.h"

namespace ordo::orders {
namespace {

using O = OperationState;

const std::vector<OperationOfOrder> kUnderWay = {{"10", O::kVerified},   {"20", O::kCompleted},
                                                 {"30", O::kInProgress}, {"40", O::kPaused},
                                                 {"50", O::kPending},    {"60", O::kInProgress}};

TEST(OrderStateCommands, HoldPausesEveryRunningOperationWithTheHoldsReason) {
  ORDO_VERIFIES("P11-06", "ORDO-ORDER-20");
  auto events = DecideStateCommand("WO-1", OrderState::kInProgress, std::nullopt,
                                   OrderAction::kHold, "label artwork query", kUnderWay);
  ASSERT_TRUE(events.ok()) << events.error().message;
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].type, OrderHeld::kType);
  EXPECT_EQ((*events)[0].payload["reason"], "label artwork query");
  EXPECT_EQ((*events)[0].reason, "label artwork query");
  std::vector<std::string> paused;
  for (std::size_t i = 1; i < events->size(); ++i) {
    const auto& e = (*events)[i];
    EXPECT_EQ(e.type, OperationPaused::kType);
    EXPECT_EQ(e.subject_id, "WO-1");
    EXPECT_EQ(e.payload["order_id"], "WO-1");
    EXPECT_EQ(e.payload["reason"], "order held: label artwork query");
    EXPECT_EQ(e.reason, "order held: label artwork query");
    paused.push_back(e.payload["operation"]);
  }
  // Only the running ones: the paused one stays paused, the others are untouched.
  EXPECT_EQ(paused, (std::vector<std::string>{"30", "60"}));
  EXPECT_EQ(HeldPauseReason("x"), "order held: x");
}

TEST(OrderStateCommands, HoldOfAReleasedOrderPausesNothing) {
  ORDO_VERIFIES("ORDO-ORDER-20");
  auto events = DecideStateCommand("WO-1", OrderState::kReleased, std::nullopt, OrderAction::kHold,
                                   "waiting", {{"10", O::kPending}});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, OrderHeld::kType);
}

TEST(OrderStateCommands, ResumeRestartsNoOperation) {
  ORDO_VERIFIES("ORDO-ORDER-22");
  auto events = DecideStateCommand("WO-1", OrderState::kOnHold, OrderState::kInProgress,
                                   OrderAction::kResume, "", {{"30", O::kPaused}});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, OrderResumed::kType);
  EXPECT_FALSE((*events)[0].reason.has_value());
}

TEST(OrderStateCommands, CancelClosesOutEveryOperationNotCompleted) {
  ORDO_VERIFIES("P11-06", "ORDO-ORDER-23");
  auto events = DecideStateCommand("WO-1", OrderState::kOnHold, OrderState::kInProgress,
                                   OrderAction::kCancel, "customer withdrew", kUnderWay);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  const auto& e = (*events)[0];
  EXPECT_EQ(e.type, OrderCancelled::kType);
  EXPECT_EQ(e.payload["operations"], Json::array({"30", "40", "50", "60"}));
  OrderCancelled back;
  from_json(e.payload, back);
  EXPECT_EQ(back.operations.size(), 4u);
}

TEST(OrderStateCommands, ACancellationRecordedBeforeTheFieldExistedStaysReadable) {
  ORDO_VERIFIES("ORDO-ORDER-23");
  OrderCancelled old;
  from_json(Json{{"order_id", "WO-1"}, {"reason", "r"}}, old);
  EXPECT_EQ(old.order_id, "WO-1");
  EXPECT_TRUE(old.operations.empty());
}

TEST(OrderStateCommands, ARefusedCommandDecidesNoEvent) {
  ORDO_VERIFIES("P11-06", "ORDO-ORDER-10");
  auto cancel = DecideStateCommand("WO-1", OrderState::kInProgress, std::nullopt,
                                   OrderAction::kCancel, "no", kUnderWay);
  ASSERT_FALSE(cancel.ok());
  EXPECT_EQ(cancel.error().reason, "invalid_transition");
  EXPECT_NE(cancel.error().message.find("in_progress"), std::string::npos);
  auto hold = DecideStateCommand("WO-1", OrderState::kInProgress, std::nullopt, OrderAction::kHold,
                                 "  ", kUnderWay);
  ASSERT_FALSE(hold.ok());
  EXPECT_EQ(hold.error().field, "reason");
}

}  // namespace
}  // namespace ordo::orders
