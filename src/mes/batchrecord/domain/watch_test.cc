// The br_watch rule: which order's record an entry may change.
#include "mes/batchrecord/domain/watch.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::batchrecord {
namespace {

TEST(RecordTouchTest, OrderEntriesPayloadOrdersAndDeviationsTouchABatchRecordReviewDoesNot) {
  ORDO_VERIFIES("ORDO-BR-55");
  // The order's own entries (orders and execution events).
  EXPECT_EQ(TouchOf("execution.parameter_recorded", "order", "WO-1", Json::object()).order_id,
            "WO-1");
  // A consumption, a produced lot or serial names the order in its payload.
  const Json consumed{{"lot", "L-1"}, {"order_id", "WO-2"}};
  EXPECT_EQ(TouchOf("lots.material_consumed", "lot", "L-1", consumed).order_id, "WO-2");
  // A deviation opened on the order names it; its later events name only the deviation.
  const Json opened{{"id", "DV-000003"}, {"order_id", "WO-3"}};
  EXPECT_EQ(TouchOf("deviations.deviation_opened", "deviation", "DV-000003", opened).order_id,
            "WO-3");
  const RecordTouch closed =
      TouchOf("deviations.deviation_closed", "deviation", "DV-000003", Json{{"id", "DV-000003"}});
  EXPECT_EQ(closed.order_id, "");
  EXPECT_EQ(closed.deviation_id, "DV-000003");
  // Review and release are not content; a lot released on its own touches no record.
  const RecordTouch reviewed = TouchOf("batchrecord.exceptions_reviewed", "batch_record", "WO-1",
                                       Json{{"order_id", "WO-1"}});
  EXPECT_TRUE(reviewed.order_id.empty() && reviewed.deviation_id.empty());
  const RecordTouch lot = TouchOf("lots.lot_released", "lot", "L-1", Json{{"lot", "L-1"}});
  EXPECT_TRUE(lot.order_id.empty() && lot.deviation_id.empty());
  // A deviation opened by hand on no order: its own events carry an empty order.
  EXPECT_EQ(TouchOf("deviations.deviation_opened", "deviation", "DV-9", Json{{"order_id", ""}})
                .deviation_id,
            "DV-9");
}

TEST(RecordTouchTest, LifecycleEntriesThatChangeNoContentTouchNoRecord) {
  ORDO_VERIFIES("ORDO-BR-57");
  for (const char* type : {"orders.order_closed", "orders.order_held", "orders.order_resumed",
                           "orders.order_started", "orders.order_cancelled"})
    EXPECT_TRUE(TouchOf(type, "order", "WO-1", Json{{"order_id", "WO-1"}}).order_id.empty())
        << type;
  const RecordTouch serials =
      TouchOf("lots.serials_released", "order", "WO-1", Json{{"order_id", "WO-1"}});
  EXPECT_TRUE(serials.order_id.empty() && serials.deviation_id.empty());
  // The entries the compile reads do.
  for (const auto& type : RecordEntryTypes()) {
    EXPECT_EQ(TouchOf(type, "order", "WO-1", Json::object()).order_id, "WO-1") << type;
  }
  EXPECT_FALSE(IsRecordEntryType("batchrecord.released"));
}

TEST(FirstAmendedTest, PagesPastCandidatesFoundUnchangedUntilEnoughOrNoneLeft) {
  ORDO_VERIFIES("ORDO-BR-55", "ORDO-BR-57");
  // 450 candidates; only every 150th one (and the last) is amended.
  std::vector<Candidate> all;
  for (int i = 1; i <= 450; ++i) all.push_back({"WO-" + std::to_string(i), i * 10, i});
  int pages = 0;
  auto page = [&](std::int64_t after, std::int64_t limit) -> Result<std::vector<Candidate>> {
    ++pages;
    std::vector<Candidate> out;
    for (const auto& c : all)
      if (c.seq > after && static_cast<std::int64_t>(out.size()) < limit) out.push_back(c);
    return out;
  };
  auto amended = [](const Candidate& c) { return c.seq % 150 == 0; };
  auto found = FirstAmended(page, amended, 200, 200);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 3u);
  EXPECT_EQ((*found)[0].order_id, "WO-150");
  EXPECT_EQ((*found)[2].order_id, "WO-450");
  EXPECT_EQ((*found)[2].since_us, 4500);
  EXPECT_EQ(pages, 3);  // 200, 200, then a short page of 50
  // Stops as soon as it has enough.
  pages = 0;
  auto two = FirstAmended(page, amended, 2, 200);
  ASSERT_TRUE(two.ok());
  ASSERT_EQ(two->size(), 2u);
  EXPECT_EQ((*two)[1].order_id, "WO-300");
  EXPECT_EQ(pages, 2);
}

}  // namespace
}  // namespace ordo::batchrecord
