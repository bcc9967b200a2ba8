// The batch release gate on a lot's own release (release_gate.h).
#include "mes/batchrecord/domain/release_gate.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/batchrecord/domain/review.h"

namespace ordo::batchrecord {
namespace {

lots::Lot LotOf(const std::string& order_id) {
  lots::Lot l;
  l.lot = "L-TAB-01";
  l.material = "TAB";
  l.state = "quarantined";
  l.origin = order_id.empty() ? "received" : "produced";
  l.order_id = order_id;
  return l;
}

TEST(BatchReleaseGateRuleTest, AReceivedLotIsNotGated) {
  ORDO_VERIFIES("ORDO-LOT-43");
  EXPECT_TRUE(CheckBatchReleased(LotOf(""), "").ok());
  EXPECT_TRUE(CheckBatchReleased(LotOf(""), kInProgress).ok());
}

TEST(BatchReleaseGateRuleTest, ALotOfAReleasedUnchangedRecordMayBeReleased) {
  ORDO_VERIFIES("ORDO-LOT-43");
  EXPECT_TRUE(CheckBatchReleased(LotOf("PO-1"), kReleased).ok());
}

TEST(BatchReleaseGateRuleTest, ALotOfAnUnreleasedRecordIsRefused) {
  ORDO_VERIFIES("ORDO-LOT-41", "A11-13");
  for (const std::string state : {kInProgress, kAwaitingReview, kReadyForRelease, ""}) {
    auto refused = CheckBatchReleased(LotOf("PO-1"), state);
    ASSERT_FALSE(refused.ok()) << state;
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(refused.error().reason, "batch_release_required");
    EXPECT_EQ(refused.error().field, "lot");
    const std::string& m = refused.error().message;
    EXPECT_NE(m.find("order PO-1"), std::string::npos) << m;
    EXPECT_NE(m.find("release the batch record of PO-1"), std::string::npos) << m;
    EXPECT_NE(m.find("L-TAB-01"), std::string::npos) << m;
  }
}

TEST(BatchReleaseGateRuleTest, ALotOfAnAmendedRecordIsRefused) {
  ORDO_VERIFIES("ORDO-LOT-42", "A11-06");
  auto refused = CheckBatchReleased(LotOf("PO-1"), kAmended);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "batch_release_required");
  EXPECT_NE(refused.error().message.find("amended"), std::string::npos);
  EXPECT_NE(refused.error().message.find("release the batch record of PO-1"), std::string::npos);
}

}  // namespace
}  // namespace ordo::batchrecord
