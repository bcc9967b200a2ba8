// A work unit's availability for new operations: the block decision and the override.
#include "mes/equipment/domain/availability.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/equipment/events.h"

namespace ordo::equipment {
namespace {

constexpr TimeMicros kSecond = 1'000'000;
constexpr TimeMicros kSince = 1'796'025'600LL * kSecond;
constexpr TimeMicros kThreshold = 600 * kSecond;

CurrentState Down(std::string reason = "UNP-JAM") {
  return {State::kDown, std::move(reason), kSince};
}

TEST(Availability, DownForLongerThanTheThresholdBlocks) {
  ORDO_VERIFIES("ORDO-EQ-23");
  Availability a = DecideAvailability(Down(), kSince + kThreshold + 1, kThreshold, std::nullopt);
  EXPECT_TRUE(a.blocked);
  EXPECT_FALSE(a.overridden);
  EXPECT_EQ(a.reason_code, "UNP-JAM");
  EXPECT_EQ(a.since_us, kSince);
  EXPECT_EQ(a.threshold_us, kThreshold);
}

TEST(Availability, DownForTheThresholdOrLessDoesNotBlock) {
  ORDO_VERIFIES("ORDO-EQ-23");
  EXPECT_FALSE(DecideAvailability(Down(), kSince + kThreshold, kThreshold, std::nullopt).blocked);
  EXPECT_FALSE(DecideAvailability(Down(), kSince, kThreshold, std::nullopt).blocked);
  // A device clock ahead of the server's: the spell has not begun yet as ordo sees it.
  EXPECT_FALSE(DecideAvailability(Down(), kSince - kSecond, kThreshold, std::nullopt).blocked);
  // The threshold is the work unit's own.
  EXPECT_TRUE(
      DecideAvailability(Down(), kSince + 61 * kSecond, 60 * kSecond, std::nullopt).blocked);
}

TEST(Availability, OtherStatesAndNoMachineDataNeverBlock) {
  ORDO_VERIFIES("ORDO-EQ-24");
  const TimeMicros late = kSince + 100 * kThreshold;
  EXPECT_FALSE(DecideAvailability(std::nullopt, late, kThreshold, std::nullopt).blocked);
  for (State s :
       {State::kRunning, State::kIdle, State::kSetup, State::kPlannedStop, State::kOffline}) {
    Availability a =
        DecideAvailability(CurrentState{s, "", kSince}, late, kThreshold, std::nullopt);
    EXPECT_FALSE(a.blocked) << StateName(s);
    EXPECT_EQ(a.since_us, 0) << StateName(s);
  }
}

TEST(Availability, AnOverrideOfTheSpellLetsStartsThroughAndEndsWithIt) {
  ORDO_VERIFIES("ORDO-EQ-25");
  const TimeMicros late = kSince + 2 * kThreshold;
  Availability a = DecideAvailability(Down(), late, kThreshold, kSince);
  EXPECT_FALSE(a.blocked);
  EXPECT_TRUE(a.overridden);
  // An override given for an earlier spell does not cover a new one.
  CurrentState later_spell{State::kDown, "", kSince + kThreshold};
  Availability b = DecideAvailability(later_spell, late + kThreshold, kThreshold, kSince);
  EXPECT_TRUE(b.blocked);
  EXPECT_FALSE(b.overridden);
  EXPECT_EQ(b.reason_code, "");
}

TEST(Availability, TheOverrideEventNamesTheSpellAndTheReason) {
  ORDO_VERIFIES("ORDO-EQ-25");
  Availability blocked =
      DecideAvailability(Down(), kSince + 2 * kThreshold, kThreshold, std::nullopt);
  auto e = DecideOverride("WU-A", blocked, "jam cleared by hand, sensor still reports down");
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, AvailabilityOverridden::kType);
  EXPECT_EQ(e->subject_kind, kWorkUnitSubject);
  EXPECT_EQ(e->subject_id, "WU-A");
  EXPECT_EQ(e->payload["down_since_us"], kSince);
  EXPECT_EQ(e->payload["reason_code"], "UNP-JAM");
  EXPECT_EQ(e->payload["reason"], "jam cleared by hand, sensor still reports down");
}

TEST(Availability, AnOverrideIsRefusedWithoutABlockOrAReason) {
  ORDO_VERIFIES("ORDO-EQ-26");
  Availability blocked =
      DecideAvailability(Down(), kSince + 2 * kThreshold, kThreshold, std::nullopt);
  auto none = DecideOverride("WU-A", Availability{}, "why");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kConflict);
  EXPECT_EQ(none.error().reason, "not_blocked");
  Availability overridden = DecideAvailability(Down(), kSince + 2 * kThreshold, kThreshold, kSince);
  auto again = DecideOverride("WU-A", overridden, "why");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "not_blocked");
  EXPECT_NE(again.error().message.find("already overridden"), std::string::npos);
  for (const std::string& bad : {std::string(), std::string("  \n"), std::string(1001, 'x')}) {
    auto e = DecideOverride("WU-A", blocked, bad);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(e.error().field, "reason");
  }
}

}  // namespace
}  // namespace ordo::equipment
