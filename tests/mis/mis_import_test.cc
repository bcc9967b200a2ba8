// ordo-mis imports end to end: POST /api/v1/imports/{kind} on the real binary (CSV and JSON
// lines, the report, a file imported twice, a corrected file, refused rows, the refusals
// of the endpoint) and the `ordo-mis import` command against it.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/testing/verifies.h"
#include "mis_api_fixture.h"

namespace ordo::testing {
namespace {

using client::HttpReply;
using Json = nlohmann::json;

const char* kStates =
    "work_unit,start,end,state,reason\n"
    "WU-1,2026-01-05T06:00:00+01:00,2026-01-05T07:00:00+01:00,running,\n"
    "WU-1,2026-01-05T07:00:00+01:00,2026-01-05T07:20:00+01:00,down,JAM\n";

using MisImportTest = MisApiTest;

TEST_F(MisImportTest, AFileIsImportedOnceAndItsReportCountsEveryRow) {
  ORDO_VERIFIES("ORDO-MIS-36");
  HttpReply first = Import("states", kStates);
  ASSERT_EQ(first.status, 201) << first.Describe();
  Json report = first.json();
  EXPECT_EQ(report["kind"], "states");
  EXPECT_EQ(report["duplicate_file"], false);
  EXPECT_EQ(report["rows"]["total"], 2);
  EXPECT_EQ(report["rows"]["imported"], 2);
  EXPECT_EQ(report["rows"]["refused"], 0);
  EXPECT_EQ(report["imported_by"], "admin");
  // The same file again: nothing new.
  HttpReply again = Import("states", kStates);
  ASSERT_EQ(again.status, 200) << again.Describe();
  EXPECT_EQ(again.json()["duplicate_file"], true);
  EXPECT_EQ(again.json()["file_hash"], report["file_hash"]);
  // A corrected file: the second row's reason changed, a bad row is refused with its line.
  const std::string corrected =
      std::string(kStates).replace(std::string(kStates).find("JAM"), 3, "MOTOR") +
      "WU-1,2026-01-05T08:00:00,2026-01-05T09:00:00+01:00,running,\n";
  HttpReply fixed = Import("states", corrected);
  ASSERT_EQ(fixed.status, 201) << fixed.Describe();
  const Json rows = fixed.json()["rows"];
  EXPECT_EQ(rows["unchanged"], 1);
  EXPECT_EQ(rows["superseded"], 1);
  EXPECT_EQ(rows["refused"], 1);
  EXPECT_EQ(rows["total"], 3);
  ASSERT_EQ(fixed.json()["errors"].size(), 1u);
  EXPECT_EQ(fixed.json()["errors"][0]["line"], 4);
  EXPECT_EQ(fixed.json()["errors"][0]["field"], "start");
}

TEST_F(MisImportTest, JsonLinesAreImportedLikeCsv) {
  ORDO_VERIFIES("ORDO-MIS-36");
  const std::string lines =
      Json{{"work_unit", "WU-2"}, {"product", "P-1"}, {"ideal_cycle_time_s", 1.5}}.dump() + "\n";
  HttpReply r = Import("ideal_cycle_times", lines, "application/x-ndjson");
  ASSERT_EQ(r.status, 201) << r.Describe();
  EXPECT_EQ(r.json()["rows"]["imported"], 1);
}

TEST_F(MisImportTest, TheEndpointRefusesWhatItCannotImport) {
  ORDO_VERIFIES("ORDO-MIS-36");
  EXPECT_EQ(Import("widgets", kStates).json().value("reason", ""), "unknown_kind");
  EXPECT_EQ(Import("widgets", kStates).status, 404);
  HttpReply type = Import("states", kStates, "application/json");
  EXPECT_EQ(type.status, 415) << type.Describe();
  HttpReply empty = Import("states", "");
  EXPECT_EQ(empty.status, 400) << empty.Describe();
  HttpReply header = Import("states", "work_unit,start\nWU-1,2026-01-05T06:00:00Z\n");
  EXPECT_EQ(header.status, 400) << header.Describe();
  EXPECT_EQ(header.json().value("reason", ""), "missing_column") << header.Describe();
  EXPECT_EQ(header.json().value("field", ""), "end") << header.Describe();
  // No session, and a viewer (read only): 401 and 403.
  HttpReply anonymous = server_->Client().Request("POST", "/api/v1/imports/states", kStates, "",
                                                  {{"Content-Type", "text/csv"}});
  EXPECT_EQ(anonymous.status, 401) << anonymous.Describe();
  ASSERT_EQ(
      server_->Client()
          .Post("/api/v1/users",
                {{"name", "vera"}, {"role", "mis_viewer"}, {"password", "vera's password"}}, admin_)
          .status,
      201);
  HttpReply viewer = Import("states", kStates, "text/csv", SignIn("vera", "vera's password"));
  EXPECT_EQ(viewer.status, 403) << viewer.Describe();
  // None of these stored anything: the first real import is new.
  EXPECT_EQ(Import("states", kStates).status, 201);
}

TEST_F(MisImportTest, TheImportCommandPostsAFileAndPrintsTheReport) {
  ORDO_VERIFIES("ORDO-MIS-37");
  const std::string file = WriteFile("states.csv", kStates);
  const std::string password = WriteFile("admin.pw", std::string(kMisAdminPassword) + "\n");
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  RunResult ok = RunMis(
      {"import", "states", file, "--server", url, "--user", "admin", "--password-file", password},
      sandbox_.root());
  ASSERT_EQ(ok.status.code, 0) << ok.Describe();
  const Json report = Json::parse(ok.out);
  EXPECT_EQ(report["rows"]["imported"], 2);
  const std::string wrong = WriteFile("wrong.pw", "not the password at all\n");
  RunResult refused = RunMis(
      {"import", "states", file, "--server", url, "--user", "admin", "--password-file", wrong},
      sandbox_.root());
  EXPECT_EQ(refused.status.code, 1) << refused.Describe();
  EXPECT_NE(refused.err.find("sign-in as admin failed"), std::string::npos) << refused.err;
  RunResult unknown_format = RunMis({"import", "states", password, "--server", url, "--user",
                                     "admin", "--password-file", password},
                                    sandbox_.root());
  EXPECT_EQ(unknown_format.status.code, 2) << unknown_format.Describe();
}

TEST_F(MisImportTest, PlannedCycleTimesThroughTheCommandAndTheEndpointBadRowsAndAll) {
  ORDO_VERIFIES("ORDO-MISCT-01");
  const std::string good = "work_unit,product,planned_cycle_time_s\nWU-1,P1,1.5\nWU-2,P1,0.9\n";
  const std::string file = WriteFile("planned.csv", good);
  const std::string password = WriteFile("admin.pw", std::string(kMisAdminPassword) + "\n");
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  RunResult ok = RunMis({"import", "planned_cycle_times", file, "--server", url, "--user", "admin",
                         "--password-file", password},
                        sandbox_.root());
  ASSERT_EQ(ok.status.code, 0) << ok.Describe();
  const Json report = Json::parse(ok.out);
  EXPECT_EQ(report["kind"], "planned_cycle_times");
  EXPECT_EQ(report["rows"]["imported"], 2);
  // A corrected file with bad rows: one supersedes, each bad row is refused with its line,
  // field and reason, and the file's good row still counts.
  HttpReply bad = Import("planned_cycle_times",
                         "work_unit,product,planned_cycle_time_s\nWU-1,P1,1.25\nWU-1,P2,0\n"
                         ",P3,1\nWU-2,P4,slow\nWU-1,P1,2\n");
  ASSERT_EQ(bad.status, 201) << bad.Describe();
  const Json r = bad.json();
  EXPECT_EQ(
      r["rows"],
      (Json{{"total", 5}, {"imported", 0}, {"unchanged", 0}, {"superseded", 1}, {"refused", 4}}));
  ASSERT_EQ(r["errors"].size(), 4u) << r.dump();
  const std::vector<std::tuple<int, std::string, std::string>> expected = {
      {3, "planned_cycle_time_s", "not_positive"},
      {4, "work_unit", "missing_value"},
      {5, "planned_cycle_time_s", "bad_number"},
      {6, "work_unit+product", "duplicate_key_in_file"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(r["errors"][i]["line"], std::get<0>(expected[i])) << r["errors"][i].dump();
    EXPECT_EQ(r["errors"][i]["field"], std::get<1>(expected[i])) << r["errors"][i].dump();
    EXPECT_EQ(r["errors"][i]["reason"], std::get<2>(expected[i])) << r["errors"][i].dump();
  }
  // A header of the ideal kind is refused as a whole, naming the column.
  HttpReply header =
      Import("planned_cycle_times", "work_unit,product,ideal_cycle_time_s\nWU-1,P1,1\n");
  EXPECT_EQ(header.status, 400) << header.Describe();
  EXPECT_EQ(header.json().value("reason", ""), "unknown_column");
  EXPECT_EQ(header.json().value("field", ""), "ideal_cycle_time_s");
}

}  // namespace
}  // namespace ordo::testing
