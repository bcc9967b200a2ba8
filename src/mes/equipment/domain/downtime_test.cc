// Assigning a downtime reason after the fact.
#include "mes/equipment/domain/downtime.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/equipment/events.h"

namespace ordo::equipment {
namespace {

DowntimeCodes Codes() {
  DowntimeCodes c;
  c.version = 4;
  c.unplanned = {"UNP-JAM"};
  c.planned = {"PLN-CLEANING"};
  return c;
}

TEST(Downtime, AReasonIsAssignedToAnExistingDownInterval) {
  ORDO_VERIFIES("ORDO-EQ-21");
  auto e = DecideAssignReason("WU-A", 1000, "UNP-JAM", "hopper bridged", true, Codes());
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, DowntimeReasonAssigned::kType);
  EXPECT_EQ(e->subject_id, "WU-A");
  EXPECT_EQ(e->payload["reason_code"], "UNP-JAM");
  EXPECT_EQ(e->payload["reason_list_version"], 4);
  EXPECT_EQ(e->payload["interval_start_us"], 1000);
}

TEST(Downtime, AMissingIntervalOrABadCodeIsRefused) {
  ORDO_VERIFIES("ORDO-EQ-21");
  auto missing = DecideAssignReason("WU-A", 1000, "UNP-JAM", "", false, Codes());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().reason, "interval_missing");
  EXPECT_EQ(missing.error().field, "start");
  for (const char* code : {"PLN-CLEANING", "NOPE", ""}) {
    auto bad = DecideAssignReason("WU-A", 1000, code, "", true, Codes());
    ASSERT_FALSE(bad.ok()) << code;
    EXPECT_EQ(bad.error().field, "reason_code") << code;
  }
  EXPECT_EQ(DecideAssignReason("WU-A", 1000, "UNP-JAM", std::string(1001, 'x'), true, Codes())
                .error()
                .field,
            "comment");
}

}  // namespace
}  // namespace ordo::equipment
