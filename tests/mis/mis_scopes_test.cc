// GET /api/v1/scopes against the real ordo-mis: the imported equipment hierarchy plus the
// work units with data that it lacks; every listed scope is one /api/v1/kpi accepts.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/testing/verifies.h"
#include "mis_api_fixture.h"

namespace ordo::testing {
namespace {

using client::HttpReply;
using Json = nlohmann::json;

class MisScopesTest : public MisApiTest {};

TEST_F(MisScopesTest, ListsTheHierarchyAndTheWorkUnitsWithDataThatItLacks) {
  ORDO_VERIFIES("ORDO-MIS-81");
  HttpReply empty = server_->Client().Get("/api/v1/scopes", admin_);
  ASSERT_EQ(empty.status, 200) << empty.Describe();
  EXPECT_TRUE(empty.json()["scopes"].empty());
  ASSERT_EQ(Import("equipment",
                   "id,name,parent,level\nACME,Acme,,enterprise\nS1,Site 1,ACME,site\n"
                   "A1,Area 1,S1,area\nL1,Line 1,A1,work_center\nWU1,Press 1,L1,work_unit\n")
                .status,
            201);
  ASSERT_EQ(Import("states",
                   "work_unit,start,end,state,reason\n"
                   "WU1,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,running,\n"
                   "WU9,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,down,JAM\n")
                .status,
            201);
  HttpReply r = server_->Client().Get("/api/v1/scopes", admin_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  std::map<std::string, Json> by_id;
  const Json answer = r.json();
  for (const Json& s : answer["scopes"]) by_id[s["id"].get<std::string>()] = s;
  ASSERT_EQ(by_id.size(), 6u) << r.body;
  EXPECT_EQ(by_id["L1"]["parent"], "A1");
  EXPECT_EQ(by_id["L1"]["level"], "work_center");
  EXPECT_EQ(by_id["L1"]["name"], "Line 1");
  EXPECT_EQ(by_id["WU1"]["source"]["first"], 6);  // the file's line, header = 1
  EXPECT_EQ(by_id["WU9"]["in_hierarchy"], false);
  EXPECT_EQ(by_id["WU9"]["level"], "work_unit");
  for (const auto& [id, scope] : by_id) {
    HttpReply kpi = server_->Client().Get(
        "/api/v1/kpi?scope=" + id + "&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z", admin_);
    EXPECT_EQ(kpi.status, 200) << id << ": " << kpi.Describe();
  }
}

TEST_F(MisScopesTest, NeedsASessionAndTakesNoParameters) {
  ORDO_VERIFIES("ORDO-MIS-81");
  EXPECT_EQ(server_->Client().Get("/api/v1/scopes", "").status, 401);
  HttpReply bad = server_->Client().Get("/api/v1/scopes?level=site", admin_);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["field"], "level");
  EXPECT_EQ(bad.json()["reason"], "unknown_parameter");
}

// One 8-hour shift on WU1: 6 h running, 1 h down JAM, 30 min down unassigned, 30 min idle
// starved, and 1 h down JAM after the shift (not in PBT: no loss); 20,000 pieces made at 1 s ideal,
// 19,000 good.
TEST_F(MisScopesTest, LossesGiveTheWaterfallAndTheDowntimeParetoFromTheEngine) {
  ORDO_VERIFIES("ORDO-MIS-85", "ORDO-MIS-86");
  ASSERT_EQ(Import("equipment",
                   "id,name,parent,level\nACME,Acme,,enterprise\n"
                   "L1,Line 1,ACME,work_center\nWU1,Press 1,L1,work_unit\n")
                .status,
            201);
  ASSERT_EQ(Import("calendar",
                   "scope,start,end,kind,label\n"
                   "L1,2026-03-02T06:00:00Z,2026-03-02T14:00:00Z,shift,Early\n")
                .status,
            201);
  ASSERT_EQ(Import("states",
                   "work_unit,start,end,state,reason\n"
                   "WU1,2026-03-02T06:00:00Z,2026-03-02T10:00:00Z,running,\n"
                   "WU1,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,down,JAM\n"
                   "WU1,2026-03-02T11:00:00Z,2026-03-02T11:30:00Z,down,\n"
                   "WU1,2026-03-02T11:30:00Z,2026-03-02T12:00:00Z,idle,starved\n"
                   "WU1,2026-03-02T12:00:00Z,2026-03-02T14:00:00Z,running,\n"
                   "WU1,2026-03-02T15:00:00Z,2026-03-02T16:00:00Z,down,JAM\n")
                .status,
            201);
  ASSERT_EQ(Import("counts",
                   "work_unit,start,end,product,order,total,good,scrap,rework\n"
                   "WU1,2026-03-02T06:00:00Z,2026-03-02T14:00:00Z,P1,,20000,19000,1000,\n")
                .status,
            201);
  ASSERT_EQ(Import("ideal_cycle_times", "work_unit,product,ideal_cycle_time_s\nWU1,P1,1\n").status,
            201);
  const std::string q = "scope=L1&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z";
  HttpReply r = server_->Client().Get("/api/v1/kpi/losses?" + q, admin_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  std::map<std::string, double> step;
  const Json losses = r.json();
  for (const Json& s : losses["waterfall"])
    step[s["step"].get<std::string>()] = s["seconds"].get<double>();
  EXPECT_DOUBLE_EQ(step["planned_busy_time"], 8 * 3600);
  EXPECT_DOUBLE_EQ(step["run_time"], 6 * 3600);
  EXPECT_DOUBLE_EQ(step["availability_loss"], 2 * 3600);
  EXPECT_DOUBLE_EQ(step["net_productive_time"], 20000);
  EXPECT_DOUBLE_EQ(step["performance_loss"], 6 * 3600 - 20000);
  EXPECT_DOUBLE_EQ(step["quality_loss"], 1000);
  EXPECT_DOUBLE_EQ(step["fully_productive_time"], 19000);
  // The same elements as the figures of GET /api/v1/kpi.
  HttpReply kpi = server_->Client().Get("/api/v1/kpi?kpi=oee_index&" + q, admin_);
  ASSERT_EQ(kpi.status, 200) << kpi.Describe();
  EXPECT_EQ(kpi.json()["figures"][0]["elements"]["PBT"], r.json()["elements"]["PBT"]);
  const Json downtime = r.json()["downtime"];
  ASSERT_EQ(downtime.size(), 3u) << downtime.dump();
  EXPECT_EQ(downtime[0]["reason"], "JAM");
  EXPECT_DOUBLE_EQ(downtime[0]["seconds"].get<double>(), 3600);
  EXPECT_EQ(downtime[0]["intervals"], 1);
  EXPECT_DOUBLE_EQ(downtime[1]["seconds"].get<double>(), 1800);
  EXPECT_DOUBLE_EQ(downtime[2]["seconds"].get<double>(), 1800);
  // Refusals are the KPI endpoint's.
  HttpReply bad = server_->Client().Get("/api/v1/kpi/losses?scope=L1&from=x&to=y", admin_);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["reason"], "invalid_time");
  EXPECT_EQ(server_->Client().Get("/api/v1/kpi/losses?" + q, "").status, 401);
}

TEST_F(MisScopesTest, TheRowsOfAnImportedFileAreReadByHashAndLineRange) {
  ORDO_VERIFIES("ORDO-MIS-87");
  HttpReply imported =
      Import("states",
             "work_unit,start,end,state,reason\n"
             "WU1,2026-03-02T06:00:00+01:00,2026-03-02T07:00:00+01:00,running,\n"
             "WU1,2026-03-02T07:00:00+01:00,2026-03-02T07:30:00+01:00,down,JAM\n"
             "WU1,2026-03-02T07:30:00+01:00,2026-03-02T08:00:00+01:00,idle,starved\n");
  ASSERT_EQ(imported.status, 201) << imported.Describe();
  const std::string hash = imported.json()["file_hash"];
  const std::string base = "/api/v1/imports/" + hash + "/rows";
  HttpReply r = server_->Client().Get(base + "?first=3&last=4", admin_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  const Json answer = r.json();
  EXPECT_EQ(answer["kind"], "states");
  EXPECT_EQ(answer["columns"][0], "work_unit");
  ASSERT_EQ(answer["rows"].size(), 2u) << r.body;
  EXPECT_EQ(answer["rows"][0]["row"], 3);
  EXPECT_EQ(answer["rows"][0]["values"]["reason"], "JAM");
  EXPECT_EQ(answer["rows"][0]["values"]["start"], "2026-03-02T06:00:00.000000Z");  // 07:00+01:00
  EXPECT_EQ(answer["rows"][1]["values"]["state"], "idle");
  EXPECT_TRUE(answer["rows"][1]["values"].contains("reason"));
  auto problem = [&](const std::string& target) { return server_->Client().Get(target, admin_); };
  HttpReply unknown = problem("/api/v1/imports/" + std::string(64, 'a') + "/rows?first=1&last=2");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.json()["reason"], "unknown_file");
  HttpReply reversed = problem(base + "?first=4&last=3");
  EXPECT_EQ(reversed.status, 400);
  EXPECT_EQ(reversed.json()["reason"], "invalid_range");
  EXPECT_EQ(problem(base + "?first=1&last=5000").json()["reason"], "invalid_range");
  HttpReply missing = problem(base + "?first=1");
  EXPECT_EQ(missing.json()["field"], "last");
  EXPECT_EQ(missing.json()["reason"], "missing_parameter");
  EXPECT_EQ(problem(base + "?first=1&last=2&x=1").json()["reason"], "unknown_parameter");
  EXPECT_EQ(server_->Client().Get(base + "?first=1&last=2", "").status, 401);
}

}  // namespace
}  // namespace ordo::testing
