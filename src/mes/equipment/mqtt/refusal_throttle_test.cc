// Unit tests of the MQTT refusal throttle (refusal_throttle.h).
#include "mes/equipment/mqtt/refusal_throttle.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::equipment::mqtt {
namespace {

constexpr TimeMicros kSecond = 1'000'000;

TEST(RefusalThrottle, RecordsTheFirstOfAWindowAndCarriesTheCountOfTheRestIntoTheNext) {
  ORDO_VERIFIES("ORDO-MQTT-17");
  RefusalThrottle t(3, 60 * kSecond);
  const TimeMicros t0 = 1000 * kSecond;
  for (int i = 0; i < 3; ++i) {
    auto d = t.Admit("dev|invalid_json", t0 + i);
    EXPECT_TRUE(d.record) << i;
    EXPECT_EQ(d.suppressed, 0) << i;
  }
  for (int i = 0; i < 7; ++i) EXPECT_FALSE(t.Admit("dev|invalid_json", t0 + 10 * kSecond).record);
  EXPECT_EQ(t.Pending(), 7);
  // Still inside the window: not recorded either.
  EXPECT_FALSE(t.Admit("dev|invalid_json", t0 + 59 * kSecond).record);
  // The next window: recorded, carrying the 8 left out.
  auto next = t.Admit("dev|invalid_json", t0 + 60 * kSecond);
  EXPECT_TRUE(next.record);
  EXPECT_EQ(next.suppressed, 8);
  EXPECT_EQ(t.Pending(), 0);
  auto after = t.Admit("dev|invalid_json", t0 + 61 * kSecond);
  EXPECT_TRUE(after.record);
  EXPECT_EQ(after.suppressed, 0);
}

TEST(RefusalThrottle, KeysAreCountedApart) {
  ORDO_VERIFIES("ORDO-MQTT-17");
  RefusalThrottle t(1, 60 * kSecond);
  EXPECT_TRUE(t.Admit("a|invalid_json", 0).record);
  EXPECT_FALSE(t.Admit("a|invalid_json", 1).record);
  EXPECT_TRUE(t.Admit("a|unknown_work_unit", 2).record);
  EXPECT_TRUE(t.Admit("(unknown)|topic_not_owned", 3).record);
  EXPECT_FALSE(t.Admit("(unknown)|topic_not_owned", 4).record);
  EXPECT_EQ(t.Pending(), 2);
}

TEST(RefusalThrottle, EveryRefusalIsEitherRecordedOrCountedInTheNextRecordedOne) {
  ORDO_VERIFIES("ORDO-MQTT-17");
  RefusalThrottle t(2, 10 * kSecond);
  std::int64_t recorded = 0, carried = 0;
  for (int i = 0; i < 1000; ++i) {
    auto d = t.Admit(i % 3 ? "x|a" : "y|b", static_cast<TimeMicros>(i) * kSecond / 7);
    if (d.record) ++recorded, carried += d.suppressed;
  }
  EXPECT_EQ(recorded + carried + t.Pending(), 1000);
  EXPECT_LT(recorded, 1000);
}

TEST(RefusalThrottle, ARecordNotWrittenGivesItsCountBack) {
  ORDO_VERIFIES("ORDO-MQTT-17");
  RefusalThrottle t(1, 60 * kSecond);
  EXPECT_TRUE(t.Admit("k", 0).record);
  EXPECT_FALSE(t.Admit("k", 1).record);
  EXPECT_FALSE(t.Admit("k", 2).record);
  auto d = t.Admit("k", 60 * kSecond);
  ASSERT_TRUE(d.record);
  EXPECT_EQ(d.suppressed, 2);
  t.Restore("k", d);  // the ledger write failed
  EXPECT_EQ(t.Pending(), 2);
  auto again = t.Admit("k", 60 * kSecond + 1);
  EXPECT_TRUE(again.record);
  EXPECT_EQ(again.suppressed, 2);
}

TEST(RefusalThrottle, AClockThatStepsBackOpensANewWindow) {
  ORDO_VERIFIES("ORDO-MQTT-17");
  RefusalThrottle t(1, 60 * kSecond);
  EXPECT_TRUE(t.Admit("k", 100 * kSecond).record);
  EXPECT_FALSE(t.Admit("k", 101 * kSecond).record);
  auto d = t.Admit("k", 50 * kSecond);
  EXPECT_TRUE(d.record);
  EXPECT_EQ(d.suppressed, 1);
}

}  // namespace
}  // namespace ordo::equipment::mqtt
