// The operator's qualifications at the start travel in orders.operation_started; events
// recorded before that field existed stay readable.
#include "mes/orders/events.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::orders {
namespace {

TEST(OperationStartedEvent, CarriesTheQualificationsHeldAtTheStart) {
  ORDO_VERIFIES("ORDO-EXEC-41");
  OperationStarted started{"WO-1", "10", "WU-1", 7, {{"GMP-BASIC", 42, "2027-10-31"}}};
  Json j;
  to_json(j, started);
  EXPECT_EQ(
      j["qualifications"],
      Json::parse(R"([{"qualification":"GMP-BASIC","grant_id":42,"valid_until":"2027-10-31"}])"));
  OperationStarted back;
  from_json(j, back);
  ASSERT_EQ(back.qualifications.size(), 1u);
  EXPECT_EQ(back.qualifications[0].grant_id, 42);
  EXPECT_EQ(back.qualifications[0].valid_until, "2027-10-31");
}

TEST(OperationStartedEvent, AnEventRecordedBeforeTheFieldExistedStaysReadable) {
  ORDO_VERIFIES("ORDO-EXEC-42");
  OperationStarted old;
  from_json(Json{{"order_id", "WO-1"}, {"operation", "10"}, {"work_unit", "WU-1"}, {"user_id", 7}},
            old);
  EXPECT_EQ(old.user_id, 7);
  EXPECT_TRUE(old.qualifications.empty());
}

}  // namespace
}  // namespace ordo::orders
