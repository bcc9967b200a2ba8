// The site time zone end to end (docs/mis.md, "Site time zone"): `ordo-mis init
// --time-zone` stores it, `serve --time-zone` overrides it, a bad name stops start, and
// health, the trend and the daily report show and use it.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/testing/verifies.h"
#include "mis_server.h"

namespace ordo::testing {
namespace {

using client::HttpReply;
using Json = nlohmann::json;

class MisTimeZoneTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(sandbox_.Init(&error, {"--time-zone", "Europe/Berlin"})) << error;
  }
  // Starts serve with `extra` flags; the admin's token.
  std::string Start(const std::vector<std::string>& extra = {}) {
    server_ = std::make_unique<MisServer>(sandbox_.data(), sandbox_.root(), extra);
    std::string error;
    EXPECT_TRUE(server_->Start(&error)) << error;
    HttpReply r = server_->Client().Post("/api/v1/session",
                                         {{"user", "admin"}, {"password", kMisAdminPassword}});
    return r.status == 200 ? r.json().value("token", "") : "";
  }
  std::string HealthZone() {
    HttpReply r = server_->Client().Get("/api/v1/health");
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json().value("time_zone", "");
  }
  MisSandbox sandbox_;
  std::unique_ptr<MisServer> server_;
};

TEST_F(MisTimeZoneTest, InitStoresTheZoneServeOverridesItAndHealthShowsIt) {
  ORDO_VERIFIES("ORDO-MISTZ-07", "ORDO-MISTZ-08", "ORDO-MISTZ-09");
  Start();
  EXPECT_EQ(HealthZone(), "Europe/Berlin");
  EXPECT_NE(server_->Logs().find("site time zone: Europe/Berlin (from the store)"),
            std::string::npos)
      << server_->Logs();
  server_->Stop(SIGTERM);
  Start({"--time-zone", "America/New_York"});
  EXPECT_EQ(HealthZone(), "America/New_York");
  server_->Stop(SIGTERM);
  // The override was for that run only.
  Start();
  EXPECT_EQ(HealthZone(), "Europe/Berlin");
}

TEST_F(MisTimeZoneTest, AnUnknownZoneStopsServeAndInitWithAClearMessage) {
  ORDO_VERIFIES("ORDO-MISTZ-06", "ORDO-MISTZ-08");
  RunResult serve = RunMis({"serve", "--data", sandbox_.data(), "--listen", "127.0.0.1:0",
                            "--time-zone", "../../etc/passwd"},
                           sandbox_.root());
  EXPECT_EQ(serve.status.code, 2) << serve.Describe();
  EXPECT_NE(serve.err.find("time-zone: unknown time zone '../../etc/passwd'"), std::string::npos)
      << serve.Describe();
  RunResult init = RunMis({"init", "--data", sandbox_.file("other"), "--admin-password-file",
                           sandbox_.file("admin-password"), "--time-zone", "Mars/Olympus_Mons"},
                          sandbox_.root());
  EXPECT_NE(init.status.code, 0) << init.Describe();
  EXPECT_NE(init.err.find("unknown time zone 'Mars/Olympus_Mons'"), std::string::npos)
      << init.Describe();
  EXPECT_FALSE(std::filesystem::exists(sandbox_.file("other") + "/mis.db"));
}

TEST_F(MisTimeZoneTest, TrendDaysAndDailyReportsAreLocalDays) {
  ORDO_VERIFIES("ORDO-MISTZ-10", "ORDO-MISTZ-11");
  const std::string token = Start();
  ASSERT_FALSE(token.empty());
  HttpReply trend = server_->Client().Get(
      "/api/v1/kpi/trend?kpi=availability&from=2026-03-28T00:00:00Z&to=2026-03-30T00:00:00Z",
      token);
  ASSERT_EQ(trend.status, 200) << trend.Describe();
  const Json points = trend.json()["points"];
  EXPECT_EQ(trend.json()["time_zone"], "Europe/Berlin");
  ASSERT_EQ(points.size(), 3u) << trend.body;
  // 00:00 UTC is 01:00 in Berlin: the 28th ends at 23:00 UTC, the 29th has 23 hours.
  EXPECT_EQ(points[0]["label"], "2026-03-28");
  EXPECT_EQ(points[0]["to"], "2026-03-28T23:00:00.000000Z");
  EXPECT_EQ(points[1]["label"], "2026-03-29");
  EXPECT_EQ(points[1]["to"], "2026-03-29T22:00:00.000000Z");
  HttpReply daily =
      server_->Client().Get("/api/v1/reports/daily?from=2026-03-29&to=2026-03-29", token);
  ASSERT_EQ(daily.status, 200) << daily.Describe();
  const Json rows = daily.json()["rows"];
  ASSERT_GE(rows.size(), 1u) << daily.body;
  EXPECT_EQ(rows[0]["label"], "2026-03-29");
  EXPECT_EQ(rows[0]["from"], "2026-03-28T23:00:00.000000Z");
  EXPECT_EQ(rows[0]["to"], "2026-03-29T22:00:00.000000Z");
  // The shift report's day is the same local day (no shifts: only its total row).
  HttpReply shift = server_->Client().Get("/api/v1/reports/shift?date=2026-03-29", token);
  ASSERT_EQ(shift.status, 200) << shift.Describe();
  const Json total = shift.json()["rows"].back();
  EXPECT_EQ(total["label"], "total");
  EXPECT_EQ(total["from"], "2026-03-28T23:00:00.000000Z");
  EXPECT_EQ(total["to"], "2026-03-29T22:00:00.000000Z");
}

}  // namespace
}  // namespace ordo::testing
