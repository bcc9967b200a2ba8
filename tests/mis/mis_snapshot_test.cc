// The documented SQL views of the MIS store (docs/mis.md, "SQL views"): after
// POST /api/v1/snapshots/refresh, a BI tool that opens mis.db read-only finds per shift
// and per day the figures and elements that GET /api/v1/kpi gives for the same window.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/clock.h"
#include "core/testing/verifies.h"
#include "mis_api_fixture.h"
#include "small_plant.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::testing {
namespace {

using client::HttpReply;
using Json = nlohmann::json;

constexpr TimeMicros kDay = 86'400'000'000;

class MisSnapshotTest : public MisApiTest {
 protected:
  void SetUp() override {
    MisApiTest::SetUp();
    if (HasFatalFailure()) return;
    // The plant ran yesterday and today (the snapshot covers the last 7 days).
    const TimeMicros now = SystemClock().NowMicros();
    yesterday_ = FormatUtcMicros(now - now % kDay - kDay).substr(0, 10);
    today_ = FormatUtcMicros(now - now % kDay).substr(0, 10);
    ImportSmallPlant(
        [this](const std::string& kind, const std::string& csv) {
          HttpReply r = Import(kind, csv);
          ASSERT_EQ(r.status, 201) << kind << ": " << r.Describe();
        },
        yesterday_, today_);
  }
  double ApiValue(const std::string& kpi, const std::string& from, const std::string& to) {
    HttpReply r = server_->Client().Get(
        "/api/v1/kpi?kpi=" + kpi + "&scope=LINE&from=" + from + "&to=" + to, admin_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["figures"][0]["value"].get<double>();
  }
  // The one value a query on the store (read-only, as a BI tool opens it) returns.
  std::optional<double> Query(const std::string& sql) {
    auto db = storage::OpenSqlite(sandbox_.data() + "/mis.db", storage::OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok()) << db.error().message;
    if (!db.ok()) return std::nullopt;
    auto row = storage::FirstRow<double>(**db, sql, storage::NoBind,
                                         [](const storage::Statement& s) { return s.Real(0); });
    EXPECT_TRUE(row.ok()) << sql << ": " << row.error().message;
    return row.ok() ? *row : std::nullopt;
  }
  std::string yesterday_, today_;
};

// The views hold the engine's doubles as SQLite REALs, bound and read as doubles: equal to
// the API's (JSON numbers round-trip) bit for bit.
void ExpectSame(double view, double api) { EXPECT_EQ(view, api); }

TEST_F(MisSnapshotTest, TheViewsHoldTheApisFiguresPerShiftAndDay) {
  ORDO_VERIFIES("ORDO-MISSQL-24", "ORDO-MISSQL-25", "ORDO-MISFEED-31");
  HttpReply refreshed =
      server_->Client().Request("POST", "/api/v1/snapshots/refresh?days=7", "", admin_);
  ASSERT_EQ(refreshed.status, 200) << refreshed.Describe();
  EXPECT_GT(refreshed.json()["figures"].get<int>(), 0);
  const std::string day_from = yesterday_ + "T00:00:00Z", day_to = today_ + "T00:00:00Z";
  // Per day.
  auto day = Query("SELECT value FROM mis_kpi_day WHERE scope = 'LINE' AND day = '" + yesterday_ +
                   "' AND kpi = 'availability' AND profile = 'iso22400'");
  ASSERT_TRUE(day.has_value());
  ExpectSame(*day, ApiValue("availability", day_from, day_to));
  EXPECT_DOUBLE_EQ(*day, (15.5 * 60 - 40) / (15.5 * 60));
  auto oee = Query("SELECT value FROM mis_kpi_day WHERE scope = 'LINE' AND day = '" + yesterday_ +
                   "' AND kpi = 'oee' AND profile = 'practitioner'");
  ASSERT_TRUE(oee.has_value());
  ExpectSame(*oee, ApiValue("oee&profile=practitioner", day_from, day_to));
  // Per shift: the early shift of yesterday.
  const std::string early_from = yesterday_ + "T06:00:00Z", early_to = yesterday_ + "T14:00:00Z";
  auto shift = Query(
      "SELECT value FROM mis_kpi_shift WHERE scope = 'LINE' AND shift = 'early' "
      "AND window_from = '" +
      early_from + "' AND kpi = 'quality_ratio' AND profile = 'iso22400'");
  ASSERT_TRUE(shift.has_value());
  ExpectSame(*shift, ApiValue("quality_ratio", early_from, early_to));
  EXPECT_DOUBLE_EQ(*shift, 947.0 / 1000.0);
  // Elements: the early shift's planned busy time in seconds (8 h minus the break).
  auto pbt = Query("SELECT value FROM mis_elements_shift WHERE scope = 'LINE' AND window_from = '" +
                   early_from + "' AND element = 'PBT'");
  ASSERT_TRUE(pbt.has_value());
  EXPECT_EQ(*pbt, 7.5 * 3600);
  // A refresh replaces, it does not add: the same count of rows, also after a refresh of
  // another span.
  ASSERT_EQ(
      server_->Client().Request("POST", "/api/v1/snapshots/refresh?days=1", "", admin_).status,
      200);
  HttpReply again =
      server_->Client().Request("POST", "/api/v1/snapshots/refresh?days=7", "", admin_);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json()["figures"], refreshed.json()["figures"]);
  auto rows = Query("SELECT COUNT(*) FROM snapshot_figure");
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(*rows, refreshed.json()["figures"].get<double>());
}

TEST_F(MisSnapshotTest, ARefreshNeedsTheImportPermissionAndAValidDays) {
  ORDO_VERIFIES("ORDO-MISSQL-26", "ORDO-MIS-73");
  HttpReply viewer = server_->Client().Post(
      "/api/v1/users",
      Json{{"name", "viewer"}, {"role", "mis_viewer"}, {"password", "a viewer password"}}, admin_);
  ASSERT_EQ(viewer.status, 201) << viewer.Describe();
  const std::string token = SignIn("viewer", "a viewer password");
  ASSERT_FALSE(token.empty());
  HttpReply refused = server_->Client().Request("POST", "/api/v1/snapshots/refresh", "", token);
  EXPECT_EQ(refused.status, 403) << refused.Describe();
  // The viewer reads KPIs (mis.read) but cannot import or refresh.
  EXPECT_EQ(server_->Client()
                .Get("/api/v1/kpi?kpi=availability&scope=LINE&from=" + yesterday_ +
                         "T00:00:00Z&to=" + today_ + "T00:00:00Z",
                     token)
                .status,
            200);
  EXPECT_EQ(Import("calendar", "scope,start,end,kind,label\n", "text/csv", token).status, 403);
  for (const char* bad : {"days=0", "days=93", "days=x", "weeks=1"}) {
    HttpReply r = server_->Client().Request("POST", std::string("/api/v1/snapshots/refresh?") + bad,
                                            "", admin_);
    EXPECT_EQ(r.status, 400) << bad << ": " << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), std::string(bad).substr(0, std::string(bad).find('=')))
        << r.body;
  }
}

}  // namespace
}  // namespace ordo::testing
