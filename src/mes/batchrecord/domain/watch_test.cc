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

}  // namespace
}  // namespace ordo::batchrecord
