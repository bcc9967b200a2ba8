// GET /api/v1/kpi/trend and the KPI targets (PUT/GET/DELETE /api/v1/targets) on the real
// ordo-mis: each point of a trend is the figure GET /api/v1/kpi gives for that day or
// shift (the one engine), the target set for (scope, KPI) comes with it, only holders of
// mis.imports set targets, and bad input is refused naming the parameter.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis_api_fixture.h"

namespace ordo::testing {
namespace {

using Json = nlohmann::json;

class MisTrendTest : public MisApiTest {
 protected:
  void SetUp() override {
    MisApiTest::SetUp();
    if (HasFatalFailure()) return;
    const char* imports[][2] = {{"equipment",
                                 "id,name,parent,level\nENT,Ent,,enterprise\nS1,Site,ENT,site\nL1,"
                                 "Line 1,S1,work_center\nWU1,Press 1,L1,"
                                 "work_unit\n"},
                                {"calendar",
                                 "scope,start,end,kind,label\n"
                                 "L1,2026-03-02T06:00:00Z,2026-03-02T14:00:00Z,shift,Early\n"
                                 "L1,2026-03-02T14:00:00Z,2026-03-02T22:00:00Z,shift,Late\n"
                                 "S1,2026-03-03T06:00:00Z,2026-03-03T14:00:00Z,shift,Early\n"
                                 "S1,2026-03-03T14:00:00Z,2026-03-03T22:00:00Z,shift,Late\n"},
                                {"states",
                                 "work_unit,start,end,state,reason\n"
                                 "WU1,2026-03-02T06:00:00Z,2026-03-02T10:00:00Z,running,\n"
                                 "WU1,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,down,JAM\n"
                                 "WU1,2026-03-02T11:00:00Z,2026-03-03T15:00:00Z,running,\n"
                                 "WU1,2026-03-03T15:00:00Z,2026-03-03T17:00:00Z,down,MOTOR\n"
                                 "WU1,2026-03-03T17:00:00Z,2026-03-03T22:00:00Z,running,\n"}};
    for (const auto& [kind, csv] : imports) {
      client::HttpReply r = Import(kind, csv);
      ASSERT_TRUE(r.ok()) << kind << ": " << r.Describe();
      ASSERT_EQ(r.json()["rows"].value("refused", -1), 0) << kind << ": " << r.body;
    }
  }
  client::HttpReply PutTarget(const Json& body, const std::string& token) {
    return server_->Client().Request("PUT", "/api/v1/targets", body.dump(), token,
                                     {{"Content-Type", "application/json"}});
  }
  client::HttpReply Get(const std::string& target, const std::string& token = "") {
    return server_->Client().Get(target, token.empty() ? admin_ : token);
  }
  // The figure GET /api/v1/kpi gives for the window.
  Json Figure(const std::string& kpi, const std::string& scope, const std::string& from,
              const std::string& to) {
    client::HttpReply r =
        Get("/api/v1/kpi?kpi=" + kpi + "&scope=" + scope + "&from=" + from + "&to=" + to);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["figures"][0]["value"];
  }
};

TEST_F(MisTrendTest, EachPointIsTheEnginesFigureOfItsDayOrShift) {
  ORDO_VERIFIES("ORDO-MISUI-14");
  client::HttpReply days =
      Get("/api/v1/kpi/trend?kpi=availability&scope=L1&from=2026-03-02T00:00:00Z&to=2026-03-04T00:"
          "00:00Z&step=day");
  ASSERT_EQ(days.status, 200) << days.Describe();
  const Json d = days.json();
  EXPECT_EQ(d["step"], "day");
  EXPECT_EQ(d["unit"], "1");
  EXPECT_TRUE(d["target"].is_null());
  ASSERT_EQ(d["points"].size(), 2u) << days.body;
  EXPECT_EQ(d["points"][0]["label"], "2026-03-02");
  EXPECT_DOUBLE_EQ(d["points"][0]["value"].get<double>(), 15.0 / 16.0);
  EXPECT_DOUBLE_EQ(d["points"][1]["value"].get<double>(), 14.0 / 16.0);
  for (const Json& p : d["points"])
    EXPECT_EQ(p["value"], Figure("availability", "L1", p["from"], p["to"])) << p.dump();

  // Per shift: the calendar's shifts of the line and of its site, each its own figure.
  client::HttpReply shifts =
      Get("/api/v1/kpi/trend?kpi=availability&scope=WU1&from=2026-03-02T00:00:00Z&to=2026-03-04T00:"
          "00:00Z&step=shift");
  ASSERT_EQ(shifts.status, 200) << shifts.Describe();
  const Json s = shifts.json();
  ASSERT_EQ(s["points"].size(), 4u) << shifts.body;
  const double expected[] = {7.0 / 8.0, 1.0, 1.0, 6.0 / 8.0};
  const char* labels[] = {"Early", "Late", "Early", "Late"};
  for (std::size_t i = 0; i < 4; ++i) {
    const Json& p = s["points"][i];
    EXPECT_EQ(p["label"], labels[i]) << p.dump();
    EXPECT_DOUBLE_EQ(p["value"].get<double>(), expected[i]) << p.dump();
    EXPECT_EQ(p["value"], Figure("availability", "WU1", p["from"], p["to"])) << p.dump();
    client::HttpReply explain = Get(p["explain"].get<std::string>());
    EXPECT_EQ(explain.status, 200) << explain.Describe();
    EXPECT_EQ(explain.json()["value"], p["value"]);
  }
  EXPECT_EQ(s["points"][1]["from"].get<std::string>().rfind("2026-03-02T14:00:00", 0), 0u);
}

TEST_F(MisTrendTest, ATargetSetForAScopeAndKpiComesWithItsTrend) {
  ORDO_VERIFIES("ORDO-MISUI-15");
  const std::string trend =
      "/api/v1/kpi/trend?kpi=availability&scope=L1&from=2026-03-02T00:00:00Z&to=2026-03-04T00:"
      "00:00Z";
  client::HttpReply put =
      PutTarget(Json{{"scope", "L1"}, {"kpi", "availability"}, {"target", 0.9}}, admin_);
  ASSERT_EQ(put.status, 200) << put.Describe();
  EXPECT_EQ(put.json()["target"]["set_by"], "admin");
  EXPECT_EQ(put.json()["target"]["target"], 0.9) << put.body;
  client::HttpReply other =
      PutTarget(Json{{"scope", "S1"}, {"kpi", "oee_index"}, {"target", 0.65}}, admin_);
  ASSERT_EQ(other.status, 200) << other.Describe();
  Json t = Get(trend).json()["target"];
  EXPECT_EQ(t["value"], 0.9) << t.dump();
  EXPECT_EQ(t["set_by"], "admin");
  // Set again: replaced. Listed by scope.
  ASSERT_EQ(
      PutTarget(Json{{"scope", "L1"}, {"kpi", "availability"}, {"target", 0.925}}, admin_).status,
      200);
  EXPECT_EQ(Get(trend).json()["target"]["value"], 0.925);
  Json list = Get("/api/v1/targets").json()["targets"];
  ASSERT_EQ(list.size(), 2u) << list.dump();
  EXPECT_EQ(list[0]["scope"], "L1");
  EXPECT_EQ(list[0]["target"], 0.925);
  EXPECT_EQ(list[1]["kpi"], "oee_index");

  // A viewer reads targets but does not set them.
  ASSERT_EQ(
      server_->Client()
          .Post("/api/v1/users",
                Json{{"name", "viewer"}, {"role", "mis_viewer"}, {"password", "viewer password 1"}},
                admin_)
          .status,
      201);
  const std::string viewer = SignIn("viewer", "viewer password 1");
  EXPECT_EQ(Get("/api/v1/targets", viewer).status, 200);
  EXPECT_EQ(
      PutTarget(Json{{"scope", "L1"}, {"kpi", "availability"}, {"target", 0.1}}, viewer).status,
      403);
  EXPECT_EQ(server_->Client()
                .Request("DELETE", "/api/v1/targets?scope=L1&kpi=availability", "", viewer)
                .status,
            403);

  // Removed: the trend has none.
  EXPECT_EQ(server_->Client()
                .Request("DELETE", "/api/v1/targets?scope=L1&kpi=availability", "", admin_)
                .status,
            204);
  EXPECT_TRUE(Get(trend).json()["target"].is_null());
  client::HttpReply again =
      server_->Client().Request("DELETE", "/api/v1/targets?scope=L1&kpi=availability", "", admin_);
  EXPECT_EQ(again.status, 404) << again.Describe();
  EXPECT_EQ(again.json()["reason"], "unknown_target");
}

TEST_F(MisTrendTest, BadTrendsAndTargetsAreRefusedNamingTheField) {
  ORDO_VERIFIES("ORDO-MISUI-14", "ORDO-MISUI-15");
  const std::string w = "&from=2026-03-02T00:00:00Z&to=2026-03-04T00:00:00Z";
  struct Case {
    std::string query, field, reason;
  } cases[] = {
      {"kpi=availability&scope=L1&step=week" + w, "step", "invalid_step"},
      {"scope=L1" + w, "kpi", "missing_parameter"},
      {"kpi=availability,quality_ratio" + w, "kpi", "too_many_kpis"},
      {"kpi=nope" + w, "kpi", "unknown_kpi"},
      {"kpi=availability&drilldown=true" + w, "drilldown", "unknown_parameter"},
      {"kpi=availability&from=2026-03-02T00:00:00Z", "to", "missing_parameter"},
      {"kpi=availability&from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from",
       "too_many_buckets"},
  };
  for (const Case& c : cases) {
    client::HttpReply r = Get("/api/v1/kpi/trend?" + c.query);
    EXPECT_EQ(r.status, 400) << c.query << ": " << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), c.field) << c.query << ": " << r.Describe();
    EXPECT_EQ(r.json().value("reason", ""), c.reason) << c.query << ": " << r.Describe();
  }
  EXPECT_EQ(Get("/api/v1/kpi/trend?kpi=availability&scope=NOPE" + w).status, 404);

  struct Put {
    Json body;
    std::string field;
  } puts[] = {
      {Json{{"scope", "L1"}, {"kpi", "nope"}, {"target", 0.5}}, "kpi"},
      {Json{{"scope", "L1"}, {"kpi", "availability"}, {"target", "0.5"}}, "target"},
      {Json{{"scope", "L1"}, {"kpi", "availability"}}, "target"},
      {Json{{"kpi", "availability"}, {"target", 0.5}}, "scope"},
  };
  for (const Put& p : puts) {
    client::HttpReply r = PutTarget(p.body, admin_);
    EXPECT_EQ(r.status, 400) << p.body.dump() << ": " << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), p.field) << p.body.dump() << ": " << r.Describe();
  }
  EXPECT_EQ(Get("/api/v1/targets").json()["targets"].size(), 0u);
}

}  // namespace
}  // namespace ordo::testing
