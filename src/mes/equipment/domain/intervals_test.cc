// State intervals from state changes: order by device time, duplicates, micro-stops.
#include "mes/equipment/domain/intervals.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::equipment {
namespace {

constexpr TimeMicros kS = 1'000'000;

StateChange Change(TimeMicros t, State s, std::int64_t seq, std::string code = "") {
  StateChange c;
  c.device_time_us = t;
  c.state = s;
  c.reason_code = std::move(code);
  c.source = "press";
  c.source_seq = seq;
  return c;
}

TEST(Intervals, EachEndsWhereTheNextBeginsAndTheLastStaysOpen) {
  ORDO_VERIFIES("ORDO-EQ-03");
  auto out = DeriveIntervals({Change(0, State::kRunning, 1), Change(600 * kS, State::kDown, 2),
                              Change(900 * kS, State::kRunning, 3)},
                             kDefaultMicroStopMicros);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].end_us, 600 * kS);
  EXPECT_EQ(out[1].state, State::kDown);
  EXPECT_EQ(out[1].end_us, 900 * kS);
  EXPECT_FALSE(out[1].micro_stop);  // 300 s: real downtime
  EXPECT_FALSE(out[2].end_us.has_value());
}

TEST(Intervals, ALateChangeLandsInPlace) {
  ORDO_VERIFIES("ORDO-EQ-03", "ORDO-EQ-06");
  std::vector<StateChange> in_order = {Change(0, State::kRunning, 1),
                                       Change(100 * kS, State::kSetup, 2),
                                       Change(200 * kS, State::kRunning, 3)};
  std::vector<StateChange> late = {in_order[0], in_order[2], in_order[1], in_order[1]};
  EXPECT_EQ(DeriveIntervals(late, kDefaultMicroStopMicros),
            DeriveIntervals(in_order, kDefaultMicroStopMicros));
}

TEST(Intervals, ARepeatedStateExtendsTheOpenInterval) {
  ORDO_VERIFIES("ORDO-EQ-03");
  auto out = DeriveIntervals({Change(0, State::kRunning, 1), Change(50 * kS, State::kRunning, 2),
                              Change(100 * kS, State::kDown, 3, "UNP-JAM"),
                              Change(400 * kS, State::kDown, 4, "UNP-MECH-FAILURE")},
                             kDefaultMicroStopMicros);
  ASSERT_EQ(out.size(), 3u);  // the second running extends the first; a new code is new
  EXPECT_EQ(out[0].source_seq, 1);
  EXPECT_EQ(out[1].reason_code, "UNP-JAM");
  EXPECT_EQ(out[2].reason_code, "UNP-MECH-FAILURE");
}

TEST(Intervals, ShortStopsBelowTheThresholdAreMicroStopsOfTheirOwn) {
  ORDO_VERIFIES("ORDO-EQ-04");
  std::vector<StateChange> changes = {
      Change(0, State::kRunning, 1),        Change(100 * kS, State::kDown, 2),
      Change(219 * kS, State::kRunning, 3),                                         // 119 s down
      Change(300 * kS, State::kDown, 4),    Change(420 * kS, State::kRunning, 5),   // 120 s
      Change(500 * kS, State::kSetup, 6),   Change(510 * kS, State::kRunning, 7)};  // 10 s setup
  auto out = DeriveIntervals(changes, kDefaultMicroStopMicros);
  ASSERT_EQ(out.size(), 7u);
  EXPECT_TRUE(out[1].micro_stop);
  EXPECT_FALSE(out[3].micro_stop);  // at the threshold: downtime
  EXPECT_FALSE(out[5].micro_stop);  // a short setup is no stop
  // The threshold is the work unit's: at 60 s the 119 s stop is downtime.
  EXPECT_FALSE(DeriveIntervals(changes, 60 * kS)[1].micro_stop);
  // An open stop is no micro-stop yet.
  auto open = DeriveIntervals({Change(0, State::kIdle, 1)}, kDefaultMicroStopMicros);
  EXPECT_FALSE(open[0].micro_stop);
}

}  // namespace
}  // namespace ordo::equipment
