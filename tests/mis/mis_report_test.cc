// ordo-mis shift and daily reports end to end (docs/mis.md, "Reports"): a small plant
// imported into the real binary, then GET /api/v1/reports/shift and /reports/daily as
// JSON, CSV and HTML, each figure checked against GET /api/v1/kpi for the same scope,
// window and policy (one computation path: the report never disagrees with the API).
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "core/testing/verifies.h"
#include "mis_api_fixture.h"
#include "small_plant.h"

namespace ordo::testing {
namespace {

using client::HttpReply;
using Json = nlohmann::json;

class MisReportTest : public MisApiTest {
 protected:
  void SetUp() override {
    MisApiTest::SetUp();
    if (HasFatalFailure()) return;
    auto import = [this](const std::string& kind, const std::string& csv) {
      HttpReply r = Import(kind, csv);
      ASSERT_EQ(r.status, 201) << kind << ": " << r.Describe();
      ASSERT_EQ(r.json()["rows"]["refused"], 0) << kind << ": " << r.Describe();
    };
    ImportSmallPlant(import, "2026-01-05", "2026-01-06");
  }
  HttpReply Get(const std::string& target, const std::string& token = "") {
    return server_->Client().Get(target, token.empty() ? admin_ : token);
  }
  // GET /api/v1/kpi's value of `kpi` for the scope and window (null when none).
  Json ApiValue(const std::string& kpi, const std::string& from, const std::string& to) {
    HttpReply r = Get("/api/v1/kpi?kpi=" + kpi + "&scope=LINE&from=" + from + "&to=" + to);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["figures"][0]["value"];
  }
};

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.push_back("");
  return cells;
}

TEST_F(MisReportTest, EveryFigureOfTheShiftReportIsTheApisInJsonCsvAndHtml) {
  ORDO_VERIFIES("ORDO-MISRPT-20", "ORDO-MISRPT-22");
  const std::string q = "/api/v1/reports/shift?date=2026-01-05&scope=LINE";
  HttpReply json = Get(q);
  ASSERT_EQ(json.status, 200) << json.Describe();
  const Json body = json.json();
  ASSERT_EQ(body["rows"].size(), 3u) << json.body;  // early, late, total
  EXPECT_EQ(body["rows"][0]["label"], "early");
  EXPECT_EQ(body["rows"][2]["label"], "total");
  int compared = 0;
  for (const auto& row : body["rows"])
    for (const auto& f : row["figures"]) {
      EXPECT_EQ(f["value"], ApiValue(f["kpi"], row["from"], row["to"])) << f.dump();
      ++compared;
    }
  EXPECT_EQ(compared, 3 * 4);  // the iso22400 OEE set per window

  // CSV: the same values, exact to the last bit.
  HttpReply csv = Get(q + "&format=csv");
  ASSERT_EQ(csv.status, 200) << csv.Describe();
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  std::stringstream lines(csv.body);
  std::string line;
  std::getline(lines, line);
  const std::vector<std::string> header = Split(line);
  ASSERT_GE(header.size(), 7u);
  ASSERT_EQ(header[0], "window");
  int rows = 0;
  while (std::getline(lines, line)) {
    const std::vector<std::string> cells = Split(line);
    std::map<std::string, std::string> c;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) c[header[i]] = cells[i];
    const Json api = ApiValue(c["kpi"], c["from"], c["to"]);
    if (api.is_null()) {
      EXPECT_EQ(c["value"], "") << line;
    } else {
      EXPECT_EQ(std::strtod(c["value"].c_str(), nullptr), api.get<double>()) << line;
    }
    ++rows;
  }
  EXPECT_EQ(rows, compared);

  // HTML: the total's availability as the UI displays it (6h50 running of 7.5 h + 8 h).
  HttpReply html = Get(q + "&format=html");
  ASSERT_EQ(html.status, 200) << html.Describe();
  EXPECT_EQ(html.Header("content-type"), "text/html; charset=utf-8");
  const double availability =
      ApiValue("availability", "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z").get<double>();
  EXPECT_DOUBLE_EQ(availability, (15.5 * 60 - 40) / (15.5 * 60));
  EXPECT_NE(html.body.find("95.7 %"), std::string::npos) << html.body;
  EXPECT_NE(html.body.find("Shift report 2026-01-05, LINE"), std::string::npos);
}

TEST_F(MisReportTest, TheDailyReportHasEachDayAndTheSpan) {
  ORDO_VERIFIES("ORDO-MISRPT-20");
  HttpReply r =
      Get("/api/v1/reports/daily?from=2026-01-05&to=2026-01-06&scope=LINE&kpi=quality_ratio");
  ASSERT_EQ(r.status, 200) << r.Describe();
  const Json rows = r.json()["rows"];
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["label"], "2026-01-05");
  EXPECT_EQ(rows[1]["label"], "2026-01-06");
  EXPECT_EQ(rows[2]["label"], "total");
  EXPECT_DOUBLE_EQ(rows[0]["figures"][0]["value"].get<double>(), 2036.0 / 2100.0);
  // The span sums the counts; it never averages the days' ratios.
  EXPECT_DOUBLE_EQ(rows[2]["figures"][0]["value"].get<double>(), 3224.0 / 3300.0);
}

TEST_F(MisReportTest, BadParametersAreRefusedNamingTheField) {
  ORDO_VERIFIES("ORDO-MISRPT-23");
  struct Case {
    std::string query, field, reason;
  };
  const std::vector<Case> cases = {
      {"shift?scope=LINE", "date", "missing_parameter"},
      {"shift?date=2026-13-45", "date", "invalid_date"},
      {"shift?date=05.01.2026", "date", "invalid_date"},
      {"shift?date=2026-01-05&format=pdf", "format", "invalid_format"},
      {"shift?date=2026-01-05&kpi=nope", "kpi", "unknown_kpi"},
      {"shift?date=2026-01-05&colour=red", "colour", "unknown_parameter"},
      {"daily?from=2026-01-06&to=2026-01-05", "to", "invalid_window"},
      {"daily?from=2026-01-01&to=2026-06-01", "to", "window_too_long"},
      {"shift?date=2026-01-05&policy.planned_stops=maybe", "policy.planned_stops",
       "invalid_policy_value"},
  };
  for (const Case& c : cases) {
    HttpReply r = Get("/api/v1/reports/" + c.query);
    EXPECT_EQ(r.status, 400) << c.query << ": " << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), c.field) << c.query << ": " << r.body;
    EXPECT_EQ(r.json().value("reason", ""), c.reason) << c.query << ": " << r.body;
  }
  EXPECT_EQ(Get("/api/v1/reports/shift?date=2026-01-05&scope=NOPE").status, 404);
  EXPECT_EQ(server_->Client().Get("/api/v1/reports/shift?date=2026-01-05").status, 401);
}

}  // namespace
}  // namespace ordo::testing
