// The rule of overdue checkpoints: more entries taken past the newest verified checkpoint
// than the limit, or the oldest of them waiting longer than the limit, is overdue; at or
// under both limits, or nothing waiting, is not; a limit of 0 is off.
#include "mis/feed/checkpoint_overdue.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::mis::feed {
namespace {

constexpr TimeMicros kOneSecond = 1'000'000;
constexpr TimeMicros kNow = 1'800'000'000'000'000;

TEST(CheckpointOverdueTest, MoreEntriesThanTheLimitPastTheNewestVerifiedCheckpointIsOverdue) {
  ORDO_VERIFIES("ORDO-MISFEED-36");
  const OverdueLimits limits{3000, 1800};
  EXPECT_FALSE(CheckpointOverdue(limits, 1000, 4000, kNow, kNow));  // 3,000: at the limit
  auto overdue = CheckpointOverdue(limits, 1000, 4001, kNow, kNow);
  ASSERT_TRUE(overdue);
  EXPECT_EQ(overdue->kind, "checkpoint_overdue");
  EXPECT_EQ(overdue->seq, 4001);  // the cursor
  EXPECT_NE(overdue->detail.find(
                "3001 entries taken without a verified checkpoint (ledger entries 1001 to 4001)"),
            std::string::npos)
      << overdue->detail;
  EXPECT_NE(overdue->detail.find("--checkpoint-overdue-entries"), std::string::npos)
      << overdue->detail;
  // No checkpoint verified at all counts from the first entry.
  auto never = CheckpointOverdue(limits, 0, 3001, kNow, kNow);
  ASSERT_TRUE(never);
  EXPECT_NE(never->detail.find("(ledger entries 1 to 3001)"), std::string::npos) << never->detail;
}

TEST(CheckpointOverdueTest, EntriesWaitingLongerThanTheLimitAreOverdue) {
  ORDO_VERIFIES("ORDO-MISFEED-36");
  const OverdueLimits limits{3000, 1800};
  EXPECT_FALSE(CheckpointOverdue(limits, 10, 12, kNow, kNow + 1800 * kOneSecond));  // at the limit
  auto overdue = CheckpointOverdue(limits, 10, 12, kNow, kNow + 1800 * kOneSecond + 1);
  ASSERT_TRUE(overdue);
  EXPECT_EQ(overdue->seq, 12);
  EXPECT_NE(overdue->detail.find("--checkpoint-overdue-seconds"), std::string::npos)
      << overdue->detail;
  EXPECT_NE(overdue->detail.find("the oldest waiting 1800 s"), std::string::npos)
      << overdue->detail;
}

TEST(CheckpointOverdueTest, NothingWaitingOrALimitOfZeroIsNeverOverdue) {
  ORDO_VERIFIES("ORDO-MISFEED-36");
  const OverdueLimits limits{3000, 1800};
  // The cursor at (or, after a checkpoint at the cursor, not past) the newest verified one.
  EXPECT_FALSE(CheckpointOverdue(limits, 9000, 9000, kNow, kNow + 86400 * kOneSecond));
  EXPECT_FALSE(CheckpointOverdue({0, 1800}, 0, 1'000'000, kNow, kNow));
  EXPECT_FALSE(CheckpointOverdue({3000, 0}, 10, 12, kNow, kNow + 86400 * kOneSecond));
  EXPECT_FALSE(CheckpointOverdue({0, 0}, 0, 1'000'000, kNow, kNow + 86400 * kOneSecond));
  // No time known yet (0): only the count can say so.
  EXPECT_FALSE(CheckpointOverdue(limits, 10, 12, 0, kNow));
}

TEST(CheckpointOverdueTest, TheWaitStartsAtTheFirstEntryPastTheNewestVerifiedCheckpoint) {
  ORDO_VERIFIES("ORDO-MISFEED-36");
  // Nothing past it: no wait.
  EXPECT_EQ(UncoveredSince(0, 5, 5, 5, kNow), 0);
  EXPECT_EQ(UncoveredSince(kNow, 5, 8, 8, kNow + kOneSecond), 0);
  // The first entry past it: the wait starts now, and goes on while no newer one verifies.
  EXPECT_EQ(UncoveredSince(0, 5, 5, 6, kNow), kNow);
  EXPECT_EQ(UncoveredSince(kNow, 5, 5, 900, kNow + 60 * kOneSecond), kNow);
  // A newer checkpoint verified that leaves entries after it: a new wait starts.
  EXPECT_EQ(UncoveredSince(kNow, 5, 700, 900, kNow + 60 * kOneSecond), kNow + 60 * kOneSecond);
}

TEST(CheckpointOverdueTest, EntriesBeforeACheckpointTheMesServesAfterThePageAreNotWaiting) {
  ORDO_VERIFIES("ORDO-MISFEED-36");
  // Catching up: the MES signed at 1,000, the page ends at 500 (none verified yet).
  EXPECT_EQ(CoveredUpTo(0, 1000, 500), 500);
  EXPECT_FALSE(CheckpointOverdue({5, 1}, CoveredUpTo(0, 1000, 500), 500, 0, kNow));
  // The newest the MES serves is verified already, or none: the verified one counts.
  EXPECT_EQ(CoveredUpTo(400, 400, 500), 400);
  EXPECT_EQ(CoveredUpTo(400, 0, 500), 400);
  EXPECT_EQ(CoveredUpTo(900, 1000, 500), 900);
}

}  // namespace
}  // namespace ordo::mis::feed
