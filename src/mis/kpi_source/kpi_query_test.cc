// ParseKpiQuery and the answers' JSON: parameters, refusals naming the field, the explain
// link that asks for the same figure.
#include "mis/kpi_source/kpi_query.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::mis::kpi_source {
namespace {

using Query = std::map<std::string, std::string>;

Query Shift(Query extra = {}) {
  Query q{{"from", "2026-01-05T06:00:00+01:00"}, {"to", "2026-01-05T14:00:00+01:00"}};
  for (auto& [k, v] : extra) q[k] = v;
  return q;
}

TEST(KpiQuery, ReadsEveryParameter) {
  ORDO_VERIFIES("ORDO-MIS-71", "ORDO-MIS-78");
  auto q = ParseKpiQuery(Shift({{"kpi", "oee,availability"},
                                {"scope", "line1"},
                                {"profile", "practitioner"},
                                {"policy", "ordo-default"},
                                {"policy.planned_stops", "loss"},
                                {"policy.micro_stop_threshold_s", "60"}}),
                         QueryKind::kFigures);
  ASSERT_TRUE(q.ok()) << q.error().message;
  const KpiRequest& r = q->request;
  EXPECT_EQ(r.kpis, (std::vector<std::string>{"oee", "availability"}));
  EXPECT_EQ(r.scope, "line1");
  EXPECT_EQ(r.profile, Profile::kPractitioner);
  EXPECT_EQ(r.to - r.from, 8LL * 3600 * 1'000'000);
  EXPECT_EQ(r.policy.planned_stops, PlannedStops::kLoss);
  EXPECT_EQ(r.policy.micro_stop_threshold_s, 60);
  EXPECT_EQ(r.policy.overridden.size(), 2u);
}

TEST(KpiQuery, RefusalsNameTheParameter) {
  ORDO_VERIFIES("ORDO-MIS-72");
  struct Case {
    Query query;
    QueryKind kind;
    std::string field, reason;
  };
  const std::vector<Case> cases = {
      {Shift({{"kpi", "oee"}}), QueryKind::kFigures, "kpi", "unknown_kpi"},  // iso22400
      {Shift({{"bogus", "1"}}), QueryKind::kFigures, "bogus", "unknown_parameter"},
      {Shift({{"drilldown", "true"}}), QueryKind::kFigures, "drilldown", "unknown_parameter"},
      {Query{{"to", "2026-01-05T14:00:00Z"}}, QueryKind::kFigures, "from", "missing_parameter"},
      {Shift({{"to", "2026-01-05T14:00:00"}}), QueryKind::kFigures, "to", "invalid_time"},
      {Shift({{"to", "2026-01-05T06:00:00+01:00"}}), QueryKind::kFigures, "to", "invalid_window"},
      {Shift({{"profile", "x"}}), QueryKind::kFigures, "profile", "invalid_profile"},
      {Shift({{"policy", "smrp"}}), QueryKind::kFigures, "policy", "unknown_policy"},
      {Shift({{"policy.x", "1"}}), QueryKind::kFigures, "policy.x", "unknown_policy_knob"},
      {Shift({{"policy.performance_cap", "2"}}), QueryKind::kFigures, "policy.performance_cap",
       "invalid_policy_value"},
      {Shift(), QueryKind::kExplain, "kpi", "missing_parameter"},
      {Shift({{"kpi", "oee_index,quality_ratio"}}), QueryKind::kExplain, "kpi", "too_many_kpis"},
      {Shift({{"kpi", "oee_index"}, {"drilldown", "yes"}}), QueryKind::kExplain, "drilldown",
       "invalid_drilldown"},
  };
  for (const Case& c : cases) {
    auto q = ParseKpiQuery(c.query, c.kind);
    ASSERT_FALSE(q.ok()) << c.reason;
    EXPECT_EQ(q.error().code, ErrorCode::kInvalidArgument) << c.reason;
    EXPECT_EQ(q.error().field, c.field) << q.error().message;
    EXPECT_EQ(q.error().reason, c.reason) << q.error().message;
    EXPECT_NE(q.error().message.find(c.field), std::string::npos) << q.error().message;
  }
}

TEST(KpiQuery, TheExplainLinkAsksForTheSameFigure) {
  ORDO_VERIFIES("ORDO-MIS-71", "ORDO-MIS-74");
  auto q = ParseKpiQuery(Shift({{"kpi", "oee,quality"},
                                {"scope", "line 1"},
                                {"profile", "practitioner"},
                                {"policy.planned_stops", "loss"}}),
                         QueryKind::kFigures);
  ASSERT_TRUE(q.ok()) << q.error().message;
  Figure f;
  f.kpi = "quality";
  const std::string link = ExplainQuery(f, q->request);
  EXPECT_NE(link.find("kpi=quality&"), std::string::npos) << link;
  EXPECT_NE(link.find("scope=line%201"), std::string::npos) << link;
  EXPECT_NE(link.find("profile=practitioner"), std::string::npos) << link;
  EXPECT_NE(link.find("policy.planned_stops=loss"), std::string::npos) << link;
  EXPECT_EQ(link.find("oee"), std::string::npos) << link;
}

}  // namespace
}  // namespace ordo::mis::kpi_source
