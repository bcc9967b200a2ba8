// The policy: defaults, the stamp, and overrides with their errors.
#include "mis/kpi/policy.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::mis {
namespace {

TEST(KpiPolicy, DefaultIsOrdoDefaultV1WithTheIssuesDefaults) {
  ORDO_VERIFIES("ORDO-MIS-46");
  const PolicyStamp stamp = StampOf(DefaultPolicy());
  EXPECT_EQ(stamp.name, "ordo-default");
  EXPECT_EQ(stamp.version, 1);
  const std::map<std::string, std::string> expected = {
      {"planned_stops", "excluded"}, {"micro_stop_threshold_s", "120"}, {"performance_cap", "none"},
      {"cycle_time", "ideal"},       {"mtbf_basis", "operating_time"},  {"failure_count", "n"}};
  EXPECT_EQ(stamp.knobs, expected);
  EXPECT_TRUE(stamp.overridden.empty());
}

TEST(KpiPolicy, OverridesSetEveryKnobAndAreStamped) {
  ORDO_VERIFIES("ORDO-MIS-46", "ORDO-MIS-47");
  Policy p = DefaultPolicy();
  for (const char* o :
       {"policy.planned_stops=loss", "policy.micro_stop_threshold_s=300",
        "policy.performance_cap=1", "policy.cycle_time=planned", "policy.mtbf_basis=calendar_time",
        "policy.failure_count=n_plus_1", "policy.planned_stops=loss"}) {
    ASSERT_TRUE(ApplyPolicyOverride(&p, o).ok()) << o;
  }
  EXPECT_EQ(p.planned_stops, PlannedStops::kLoss);
  EXPECT_EQ(p.micro_stop_threshold_s, 300);
  EXPECT_EQ(p.micro_stop_threshold_micros(), 300000000);
  EXPECT_EQ(p.performance_cap, PerformanceCap::kOne);
  EXPECT_EQ(p.cycle_time, CycleTimeBasis::kPlanned);
  EXPECT_EQ(p.mtbf_basis, MtbfBasis::kCalendarTime);
  EXPECT_EQ(p.failure_count, FailureCount::kNPlus1);
  const PolicyStamp stamp = StampOf(p);
  EXPECT_EQ(stamp.knobs.at("planned_stops"), "loss");
  EXPECT_EQ(stamp.knobs.at("micro_stop_threshold_s"), "300");
  EXPECT_EQ(stamp.knobs.at("failure_count"), "n_plus_1");
  EXPECT_EQ(stamp.overridden.size(), 6u);  // planned_stops once
  EXPECT_EQ(stamp.overridden.front(), "planned_stops");
}

TEST(KpiPolicy, BadOverridesGetClearErrorsAndChangeNothing) {
  ORDO_VERIFIES("ORDO-MIS-47");
  struct Case {
    const char* text;
    const char* reason;
    const char* field;
    const char* in_message;
  };
  const Case cases[] = {
      {"policy.speed=fast", "unknown_policy_knob", "policy.speed", "planned_stops"},
      {"policy.planned_stops=maybe", "invalid_policy_value", "policy.planned_stops",
       "excluded or loss"},
      {"policy.micro_stop_threshold_s=-1", "invalid_policy_value", "policy.micro_stop_threshold_s",
       "0 to 86400"},
      {"policy.micro_stop_threshold_s=12s", "invalid_policy_value", "policy.micro_stop_threshold_s",
       "whole number"},
      {"policy.micro_stop_threshold_s=86401", "invalid_policy_value",
       "policy.micro_stop_threshold_s", "86400"},
      {"policy.performance_cap=100", "invalid_policy_value", "policy.performance_cap", "none or 1"},
      {"policy.cycle_time=", "invalid_policy_value", "policy.cycle_time", "ideal or planned"},
      {"policy.mtbf_basis=uptime", "invalid_policy_value", "policy.mtbf_basis", "calendar_time"},
      {"policy.failure_count=2", "invalid_policy_value", "policy.failure_count", "n_plus_1"},
      {"planned_stops=loss", "invalid_policy_override", "policy", "policy.<knob>=<value>"},
      {"policy.planned_stops", "invalid_policy_override", "policy", "policy.<knob>=<value>"},
      {"policy.=x", "invalid_policy_override", "policy", "policy.<knob>=<value>"},
  };
  for (const Case& c : cases) {
    Policy p = DefaultPolicy();
    const Status s = ApplyPolicyOverride(&p, c.text);
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument) << c.text;
    EXPECT_EQ(s.error().reason, c.reason) << c.text;
    EXPECT_EQ(s.error().field, c.field) << c.text;
    EXPECT_NE(s.error().message.find(c.in_message), std::string::npos)
        << c.text << ": " << s.error().message;
    EXPECT_EQ(StampOf(p).knobs, StampOf(DefaultPolicy()).knobs) << c.text;
    EXPECT_TRUE(p.overridden.empty()) << c.text;
  }
}

}  // namespace
}  // namespace ordo::mis
