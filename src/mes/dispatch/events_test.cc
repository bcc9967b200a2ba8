// dispatch.operation_moved: the stored payload reads back to the same event.
#include "mes/dispatch/events.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::dispatch {
namespace {

TEST(DispatchEvents, OperationMovedRoundTrips) {
  ORDO_VERIFIES("ORDO-DISPATCH-07");
  OperationMoved e{"WC-OSD-COMP", "ORD-1", "20", "position", 1, "clinical batch first"};
  const Json j = e;
  EXPECT_EQ(j.at("work_center"), "WC-OSD-COMP");
  EXPECT_EQ(j.at("to_position"), 1);
  EXPECT_EQ(j.size(), 6u);
  const auto back = j.get<OperationMoved>();
  EXPECT_EQ(back.work_center, e.work_center);
  EXPECT_EQ(back.order_id, e.order_id);
  EXPECT_EQ(back.operation, e.operation);
  EXPECT_EQ(back.direction, e.direction);
  EXPECT_EQ(back.to_position, e.to_position);
  EXPECT_EQ(back.reason, e.reason);
  EXPECT_STREQ(OperationMoved::kType, "dispatch.operation_moved");
}

}  // namespace
}  // namespace ordo::dispatch
