// The state model: names and which reason each state takes.
#include "mes/equipment/domain/state.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::equipment {
namespace {

DowntimeCodes Codes() {
  DowntimeCodes c;
  c.version = 3;
  c.unplanned = {"UNP-JAM", "UNP-MECH-FAILURE"};
  c.planned = {"PLN-CLEANING"};
  return c;
}

std::string ReasonOf(const Result<StateReason>& r) { return r.ok() ? "" : r.error().reason; }

TEST(EquipmentState, EveryStateHasOneWireName) {
  ORDO_VERIFIES("ORDO-EQ-01");
  for (const char* name : {"running", "idle", "setup", "down", "planned_stop", "offline"}) {
    auto s = ParseState(name);
    ASSERT_TRUE(s.has_value()) << name;
    EXPECT_STREQ(StateName(*s), name);
  }
  EXPECT_FALSE(ParseState("Running").has_value());
  EXPECT_FALSE(ParseState("").has_value());
  EXPECT_FALSE(ParseState("stopped").has_value());
}

TEST(EquipmentState, IdleAndPlannedStopNeedTheirSubReason) {
  ORDO_VERIFIES("ORDO-EQ-01");
  for (const auto& r : IdleReasons()) {
    auto ok = CheckReason(State::kIdle, r, Codes(), "states[0].reason");
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->sub_reason, r);
  }
  for (const auto& r : PlannedStopReasons())
    EXPECT_TRUE(CheckReason(State::kPlannedStop, r, Codes(), "f").ok()) << r;
  auto missing = CheckReason(State::kIdle, std::nullopt, Codes(), "states[2].reason");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "states[2].reason");
  EXPECT_EQ(missing.error().reason, "invalid_reason");
  EXPECT_NE(missing.error().message.find("starved, blocked, no_order"), std::string::npos);
  EXPECT_EQ(ReasonOf(CheckReason(State::kIdle, "maintenance", Codes(), "f")), "invalid_reason");
  EXPECT_EQ(ReasonOf(CheckReason(State::kPlannedStop, "starved", Codes(), "f")), "invalid_reason");
}

TEST(EquipmentState, DownTakesAnUnplannedCodeOfTheDowntimeListOrNone) {
  ORDO_VERIFIES("ORDO-EQ-02");
  auto unassigned = CheckReason(State::kDown, std::nullopt, Codes(), "f");
  ASSERT_TRUE(unassigned.ok());
  EXPECT_EQ(unassigned->reason_code, "");
  auto jam = CheckReason(State::kDown, "UNP-JAM", Codes(), "f");
  ASSERT_TRUE(jam.ok());
  EXPECT_EQ(jam->reason_code, "UNP-JAM");
  auto planned = CheckReason(State::kDown, "PLN-CLEANING", Codes(), "states[1].reason");
  ASSERT_FALSE(planned.ok());
  EXPECT_NE(planned.error().message.find("planned"), std::string::npos);
  auto unknown = CheckReason(State::kDown, "UNP-NOPE", Codes(), "f");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("version 3"), std::string::npos);
  auto no_list = CheckReason(State::kDown, "UNP-JAM", DowntimeCodes{}, "f");
  EXPECT_EQ(ReasonOf(no_list), "invalid_reason");
}

TEST(EquipmentState, RunningSetupAndOfflineTakeNoReason) {
  ORDO_VERIFIES("ORDO-EQ-01");
  for (State s : {State::kRunning, State::kSetup, State::kOffline}) {
    EXPECT_TRUE(CheckReason(s, std::nullopt, Codes(), "f").ok());
    EXPECT_EQ(ReasonOf(CheckReason(s, "UNP-JAM", Codes(), "f")), "invalid_reason");
  }
}

}  // namespace
}  // namespace ordo::equipment
