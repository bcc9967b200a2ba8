// ordo-mis KPIs end to end: the worked-example vectors (tests/mis/vectors/) imported through
// POST /api/v1/imports/{kind} into the real binary, then GET /api/v1/kpi, /kpi/explain and
// /kpi/openlineage, and the `ordo-mis kpi` command against it (docs/mis.md, "KPIs").
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "core/clock.h"
#include "core/testing/verifies.h"
#include "kpi_vectors.h"
#include "mis_api_fixture.h"

namespace ordo::testing {
namespace {

using client::HttpReply;
using Json = nlohmann::json;

const char* kShift = "from=2026-01-05T06:00:00Z&to=2026-01-05T14:00:00Z";

class MisKpiApiTest : public MisApiTest {
 protected:
  // Imports every <kind>.csv of the vector; the file hash of each kind imported.
  std::map<std::string, std::string> ImportVector(const std::string& name) {
    std::map<std::string, std::string> hashes;
    for (const std::string& kind : kKinds) {
      const std::string path = kVectors + name + "/" + kind + ".csv";
      if (!std::ifstream(path)) continue;
      HttpReply r = Import(kind, ForImport(kind, ReadText(path)));
      EXPECT_EQ(r.status, 201) << name << " " << kind << ": " << r.Describe();
      EXPECT_EQ(r.json()["rows"]["refused"], 0) << name << " " << kind << ": " << r.Describe();
      hashes[kind] = r.json().value("file_hash", "");
    }
    return hashes;
  }
  HttpReply Get(const std::string& target, const std::string& token = "") {
    return server_->Client().Get(target, token.empty() ? admin_ : token);
  }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }
};

// Every vector reproduces its expected figures through the import path and the API, each
// in a fresh store (the vectors reuse ids).
class MisKpiVectorTest : public MisKpiApiTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(MisKpiVectorTest, TheWorkedExampleReproducesThroughImportsAndTheApi) {
  ORDO_VERIFIES("ORDO-MIS-66", "ORDO-MIS-70", "ORDO-MIS-71", "ORDO-MIS-78", "ORDO-MISCOST-01",
                "ORDO-MISCT-01", "ORDO-MISCT-03");
  const std::string name = GetParam();
  ImportVector(name);
  const std::vector<ExpectedFigure> expected = LoadExpected(kVectors + name + "/expected.csv");
  ASSERT_FALSE(expected.empty());
  for (const ExpectedFigure& e : expected) {
    std::string q = "/api/v1/kpi?kpi=" + e.kpi + "&profile=" + e.profile + "&scope=" + e.scope +
                    "&from=" + Encode(e.from) + "&to=" + Encode(e.to);
    for (const std::string& o : e.overrides) q += "&" + o;
    HttpReply r = Get(q);
    ASSERT_EQ(r.status, 200) << "expected.csv line " << e.line << ": " << r.Describe();
    const Json figure = r.json()["figures"][0];
    EXPECT_EQ(figure["kpi"], e.kpi);
    if (!e.expected) {
      EXPECT_TRUE(figure["value"].is_null()) << "line " << e.line << ": " << figure.dump();
      EXPECT_FALSE(figure.value("null_reason", "").empty()) << figure.dump();
      continue;
    }
    ASSERT_TRUE(figure["value"].is_number()) << "line " << e.line << ": " << figure.dump();
    EXPECT_NEAR(figure["value"].get<double>(), *e.expected, e.tolerance)
        << "expected.csv line " << e.line << " (" << e.kpi << " " << e.scope << ")";
  }
}

INSTANTIATE_TEST_SUITE_P(Vectors, MisKpiVectorTest,
                         ::testing::Values("oee_com_example", "mtbf_mttr_example", "minitab_rty",
                                           "delivery_otd_otif", "quality_costs_copq",
                                           "littles_law_flow"));

TEST_F(MisKpiApiTest, EachFigureCarriesUnitScopeWindowPolicyElementsAndAnExplainLink) {
  ORDO_VERIFIES("ORDO-MIS-71", "ORDO-MIS-78");
  ImportVector("oee_com_example");
  HttpReply r =
      Get(std::string("/api/v1/kpi?kpi=oee,availability&profile=practitioner&scope=line1&") +
          kShift + "&policy.planned_stops=loss");
  ASSERT_EQ(r.status, 200) << r.Describe();
  const Json answer = r.json();
  ASSERT_EQ(answer["figures"].size(), 2u);
  const Json oee = answer["figures"][0];
  EXPECT_EQ(oee["kpi"], "oee");
  EXPECT_NEAR(oee["value"].get<double>(), 0.654444444444444, 1e-12);
  EXPECT_EQ(oee["unit"], "1");
  EXPECT_EQ(oee["scope"], "line1");
  TimeMicros from = 0, to = 0, shift_start = 0, shift_end = 0;
  ASSERT_TRUE(ParseIsoTime(oee["window"]["from"].get<std::string>(), &from));
  ASSERT_TRUE(ParseIsoTime(oee["window"]["to"].get<std::string>(), &to));
  ASSERT_TRUE(ParseIsoTime("2026-01-05T06:00:00Z", &shift_start));
  ASSERT_TRUE(ParseIsoTime("2026-01-05T14:00:00Z", &shift_end));
  EXPECT_EQ(from, shift_start);
  EXPECT_EQ(to, shift_end);
  EXPECT_EQ(oee["policy"]["name"], "ordo-default");
  EXPECT_EQ(oee["policy"]["version"], 1);
  EXPECT_EQ(oee["policy"]["knobs"]["planned_stops"], "loss");
  EXPECT_EQ(oee["policy"]["overridden"], Json::array({"planned_stops"}));
  EXPECT_TRUE(oee["elements"].contains("APT"));
  EXPECT_TRUE(oee["elements"].contains("PBT"));
  EXPECT_TRUE(oee["elements"].contains("GQ"));
  // The explain link answers, for the same figure.
  const std::string link = oee["explain"];
  ASSERT_EQ(link.rfind("/api/v1/kpi/explain?", 0), 0u) << link;
  HttpReply explain = Get(link);
  ASSERT_EQ(explain.status, 200) << explain.Describe();
  EXPECT_EQ(explain.json()["value"], oee["value"]);
  EXPECT_EQ(explain.json()["policy"], oee["policy"]);
  // A figure without data is null with a reason, not an error.
  HttpReply none = Get(std::string("/api/v1/kpi?kpi=mtbf&scope=line1&") + kShift);
  ASSERT_EQ(none.status, 200) << none.Describe();
  EXPECT_TRUE(none.json()["figures"][0]["value"].is_null());
  EXPECT_FALSE(none.json()["figures"][0].value("null_reason", "").empty());
}

// The rows behind APT are exactly the running rows of the imported states file.
TEST_F(MisKpiApiTest, ExplainNamesTheImportRowsAndDrillsDownToIntervalsAndCounts) {
  ORDO_VERIFIES("ORDO-MIS-74", "ORDO-MIS-75", "ORDO-MIS-76");
  const auto hashes = ImportVector("oee_com_example");
  const std::string states_hash = hashes.at("states");
  std::set<std::int64_t> running_lines;
  {
    std::istringstream lines(ReadText(kVectors + "oee_com_example/states.csv"));
    std::string line;
    for (std::int64_t n = 1; std::getline(lines, line); ++n)
      if (Split(line).size() > 3 && Split(line)[3] == "running") running_lines.insert(n);
  }
  ASSERT_FALSE(running_lines.empty());
  HttpReply r = Get(std::string("/api/v1/kpi/explain?kpi=availability&profile=practitioner&"
                                "scope=line1&") +
                    kShift + "&drilldown=true");
  ASSERT_EQ(r.status, 200) << r.Describe();
  const Json e = r.json();
  EXPECT_FALSE(e.value("formula", "").empty());
  EXPECT_EQ(e["policy"]["version"], 1);
  EXPECT_DOUBLE_EQ(e["elements"]["APT"].get<double>(), 22380);
  std::set<std::int64_t> apt_lines;
  for (const Json& s : e["element_sources"]["APT"]) {
    EXPECT_EQ(s["kind"], "import");
    EXPECT_EQ(s["file_hash"], states_hash);
    for (std::int64_t n = s["first"]; n <= s["last"].get<std::int64_t>(); ++n) apt_lines.insert(n);
  }
  EXPECT_EQ(apt_lines, running_lines);
  // Drill-down: every interval of the unit, each with its import row, and the count.
  ASSERT_EQ(e["drilldown"].size(), 1u);
  const Json unit = e["drilldown"][0];
  EXPECT_EQ(unit["work_unit"], "widget_press");
  std::set<std::int64_t> segment_lines;
  for (const Json& s : unit["segments"])
    if (s["source"].is_object() && s["source"]["file_hash"] == states_hash)
      segment_lines.insert(s["source"]["first"].get<std::int64_t>());
  EXPECT_EQ(segment_lines.size(), 11u);
  ASSERT_EQ(unit["counts"].size(), 1u);
  EXPECT_EQ(unit["counts"][0]["total"], 19271);
  EXPECT_EQ(unit["counts"][0]["source"]["file_hash"], hashes.at("counts"));
  EXPECT_EQ(unit["counts"][0]["source"]["first"], 2);
  // The OpenLineage RunEvent names the import files as its inputs.
  HttpReply lineage = Get(std::string("/api/v1/kpi/openlineage?kpi=availability&profile="
                                      "practitioner&scope=line1&") +
                          kShift);
  ASSERT_EQ(lineage.status, 200) << lineage.Describe();
  const Json event = lineage.json();
  EXPECT_EQ(event["eventType"], "COMPLETE");
  std::set<std::string> inputs;
  for (const Json& i : event["inputs"]) inputs.insert(i["name"].get<std::string>());
  EXPECT_TRUE(inputs.count("import:" + states_hash)) << event.dump();
}

// A corrected file supersedes a row: the figure follows the current row only.
TEST_F(MisKpiApiTest, OnlyCurrentRowsOfAcceptedImportsCount) {
  ORDO_VERIFIES("ORDO-MIS-70");
  const std::string header = "work_unit,start,end,state,reason\n";
  const std::string run = "WU-1,2026-01-05T06:00:00Z,2026-01-05T10:00:00Z,running,\n";
  HttpReply first =
      Import("states", header + run + "WU-1,2026-01-05T10:00:00Z,2026-01-05T14:00:00Z,down,JAM\n");
  ASSERT_EQ(first.status, 201) << first.Describe();
  const std::string q = std::string("/api/v1/kpi?kpi=availability&scope=WU-1&") + kShift;
  EXPECT_DOUBLE_EQ(Get(q).json()["figures"][0]["value"].get<double>(), 0.5);
  // The correction: the second interval was running; a refused row adds nothing.
  HttpReply fixed = Import("states", header + run +
                                         "WU-1,2026-01-05T10:00:00Z,2026-01-05T14:00:00Z,running,\n"
                                         "WU-1,2026-01-05T15:00:00Z,2026-01-05T16:00:00Z,bogus,\n");
  ASSERT_EQ(fixed.status, 201) << fixed.Describe();
  EXPECT_EQ(fixed.json()["rows"]["superseded"], 1);
  EXPECT_EQ(fixed.json()["rows"]["refused"], 1);
  const Json figure = Get(q).json()["figures"][0];
  EXPECT_DOUBLE_EQ(figure["value"].get<double>(), 1.0);
  // Line 2 from the first file (unchanged there), line 3 from the corrected one.
  std::set<std::pair<std::string, std::int64_t>> rows;
  for (const Json& s : figure["sources"])
    for (std::int64_t n = s["first"]; n <= s["last"].get<std::int64_t>(); ++n)
      rows.insert({s["file_hash"].get<std::string>(), n});
  const std::set<std::pair<std::string, std::int64_t>> want = {
      {first.json()["file_hash"].get<std::string>(), 2},
      {fixed.json()["file_hash"].get<std::string>(), 3}};
  EXPECT_EQ(rows, want) << figure.dump();
}

TEST_F(MisKpiApiTest, BadQueriesGetTheirReasonAndFieldAndChangeNothing) {
  ORDO_VERIFIES("ORDO-MIS-72");
  ImportVector("oee_com_example");
  const std::string base = "/api/v1/kpi?profile=practitioner&scope=line1&";
  const std::string before = Get(base + "kpi=oee&" + kShift).json().dump();
  struct Case {
    std::string query;
    int status;
    std::string reason, field;
  };
  const std::vector<Case> cases = {
      {"/api/v1/kpi?kpi=bogus&" + std::string(kShift), 400, "unknown_kpi", "kpi"},
      {"/api/v1/kpi?kpi=oee_index&from=yesterday&to=2026-01-05T14:00:00Z", 400, "invalid_time",
       "from"},
      {"/api/v1/kpi?kpi=oee_index&from=2026-01-05T06:00:00Z", 400, "missing_parameter", "to"},
      {"/api/v1/kpi?kpi=oee_index&from=2026-01-05T06:00:00Z&to=2026-01-05T06:00:00Z", 400,
       "invalid_window", "to"},
      {"/api/v1/kpi?kpi=oee_index&scope=nowhere&" + std::string(kShift), 404, "unknown_scope",
       "scope"},
      {"/api/v1/kpi?kpi=oee_index&policy.colour=red&" + std::string(kShift), 400,
       "unknown_policy_knob", "policy.colour"},
      {"/api/v1/kpi?kpi=oee_index&policy.planned_stops=maybe&" + std::string(kShift), 400,
       "invalid_policy_value", "policy.planned_stops"},
      {"/api/v1/kpi?kpi=oee_index&policy=smrp&" + std::string(kShift), 400, "unknown_policy",
       "policy"},
      {"/api/v1/kpi?kpi=oee_index&profile=lean&" + std::string(kShift), 400, "invalid_profile",
       "profile"},
      {"/api/v1/kpi?kpi=oee_index&colour=red&" + std::string(kShift), 400, "unknown_parameter",
       "colour"},
      {"/api/v1/kpi/explain?kpi=oee_index,quality_ratio&" + std::string(kShift), 400,
       "too_many_kpis", "kpi"},
      {"/api/v1/kpi/explain?" + std::string(kShift), 400, "missing_parameter", "kpi"},
      {"/api/v1/kpi/explain?kpi=oee_index&drilldown=maybe&" + std::string(kShift), 400,
       "invalid_drilldown", "drilldown"},
  };
  for (const Case& c : cases) {
    HttpReply r = Get(c.query);
    EXPECT_EQ(r.status, c.status) << c.query << ": " << r.Describe();
    EXPECT_EQ(r.json().value("reason", ""), c.reason) << c.query << ": " << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), c.field) << c.query << ": " << r.Describe();
    EXPECT_NE(r.json().value("detail", "").find(c.field), std::string::npos) << r.Describe();
  }
  EXPECT_EQ(Get(base + "kpi=oee&" + kShift).json().dump(), before);
  // The imported files are still there, unchanged: importing one again adds nothing.
  HttpReply again = Import("states", ReadText(kVectors + "oee_com_example/states.csv"));
  EXPECT_EQ(again.status, 200) << again.Describe();
  EXPECT_EQ(again.json()["duplicate_file"], true);
}

TEST_F(MisKpiApiTest, ReadingKpisNeedsASessionAndEveryMisRoleMayRead) {
  ORDO_VERIFIES("ORDO-MIS-73");
  ImportVector("oee_com_example");
  const std::string q = std::string("/api/v1/kpi?kpi=oee_index&scope=line1&") + kShift;
  for (const std::string& path : {q, "/api/v1/kpi/explain?kpi=oee_index&" + std::string(kShift),
                                  "/api/v1/kpi/openlineage?kpi=oee_index&" + std::string(kShift)}) {
    HttpReply anonymous = server_->Client().Get(path, "");
    EXPECT_EQ(anonymous.status, 401) << path << ": " << anonymous.Describe();
    HttpReply bad_token = server_->Client().Get(path, "not-a-session");
    EXPECT_EQ(bad_token.status, 401) << path << ": " << bad_token.Describe();
  }
  for (const std::string& role : {std::string("mis_viewer"), std::string("mis_analyst")}) {
    const std::string name = role == "mis_viewer" ? "vera" : "anna";
    const std::string password = name + "'s long password";
    ASSERT_EQ(
        server_->Client()
            .Post("/api/v1/users", {{"name", name}, {"role", role}, {"password", password}}, admin_)
            .status,
        201);
    HttpReply r = Get(q, SignIn(name, password));
    EXPECT_EQ(r.status, 200) << role << ": " << r.Describe();
    EXPECT_EQ(r.json()["figures"][0]["value"], Get(q).json()["figures"][0]["value"]);
  }
  // A viewer may read but not import.
  HttpReply viewer_import = server_->Client().Request(
      "POST", "/api/v1/imports/states", "work_unit,start,end,state,reason\n",
      SignIn("vera", "vera's long password"), {{"Content-Type", "text/csv"}});
  EXPECT_EQ(viewer_import.status, 403) << viewer_import.Describe();
}

TEST_F(MisKpiApiTest, TheKpiCommandGoesThroughTheApi) {
  ORDO_VERIFIES("ORDO-MIS-77");
  ImportVector("oee_com_example");
  const std::string password = WriteFile("admin.pw", std::string(kMisAdminPassword) + "\n");
  const std::vector<std::string> query = {"kpi",
                                          "--kpi",
                                          "oee,availability",
                                          "--profile",
                                          "practitioner",
                                          "--scope",
                                          "line1",
                                          "--from",
                                          "2026-01-05T06:00:00+00:00",
                                          "--to",
                                          "2026-01-05T14:00:00+00:00",
                                          "--policy",
                                          "planned_stops=loss",
                                          "--server",
                                          Url(),
                                          "--user",
                                          "admin",
                                          "--password-file",
                                          password};
  std::vector<std::string> json_args = query;
  json_args.push_back("--json");
  RunResult json = RunMis(json_args, sandbox_.root());
  ASSERT_EQ(json.status.code, 0) << json.Describe();
  HttpReply api = Get("/api/v1/kpi?kpi=oee,availability&profile=practitioner&scope=line1&from=" +
                      Encode("2026-01-05T06:00:00+00:00") +
                      "&to=" + Encode("2026-01-05T14:00:00+00:00") + "&policy.planned_stops=loss");
  ASSERT_EQ(api.status, 200) << api.Describe();
  EXPECT_EQ(Json::parse(json.out), api.json());
  // The table: one line per KPI with the value as a fraction and a percentage.
  RunResult table = RunMis(query, sandbox_.root());
  ASSERT_EQ(table.status.code, 0) << table.Describe();
  EXPECT_NE(table.out.find("oee"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("0.6544 (65.44 %)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("policy ordo-default v1"), std::string::npos) << table.out;
  // Refused by the server: exit 1 with the reason; a malformed --policy: exit 2.
  std::vector<std::string> bad = query;
  bad[2] = "bogus";
  RunResult refused = RunMis(bad, sandbox_.root());
  EXPECT_EQ(refused.status.code, 1) << refused.Describe();
  EXPECT_NE(refused.err.find("unknown_kpi"), std::string::npos) << refused.err;
  std::vector<std::string> malformed = query;
  malformed[12] = "planned_stops";
  RunResult usage = RunMis(malformed, sandbox_.root());
  EXPECT_EQ(usage.status.code, 2) << usage.Describe();
  EXPECT_NE(usage.err.find("--policy"), std::string::npos) << usage.err;
}

}  // namespace
}  // namespace ordo::testing
