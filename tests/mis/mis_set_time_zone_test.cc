// `ordo-mis set-time-zone` through the real binary (docs/mis.md, "Site time zone"): refused
// while serve runs, for a zone that does not load and without a reason, each changing
// nothing; then UTC -> Europe/Berlin on the stopped store: store_info, the snapshot's day
// rows removed, the change recorded and shown by GET /api/v1/settings/history, and the
// next run's trend and snapshot cut days in Berlin.
#include <gtest/gtest.h>

#include <filesystem>
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
constexpr const char* kWindow = "from=2026-01-05T00:00:00Z&to=2026-01-07T00:00:00Z";

class MisSetTimeZoneTest : public MisApiTest {
 protected:
  // What a query on the stopped or running store (opened read-only) counts.
  std::int64_t Count(const std::string& sql) {
    auto db = storage::OpenSqlite(sandbox_.data() + "/mis.db", storage::OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok()) << db.error().message;
    if (!db.ok()) return -1;
    auto row = storage::FirstRow<std::int64_t>(
        **db, sql, storage::NoBind, [](const storage::Statement& s) { return s.Int(0); });
    EXPECT_TRUE(row.ok()) << sql << ": " << row.error().message;
    return row.ok() && *row ? **row : -1;
  }
  RunResult SetZone(const std::vector<std::string>& flags) {
    std::vector<std::string> args{"set-time-zone", "--data", sandbox_.data()};
    args.insert(args.end(), flags.begin(), flags.end());
    return RunMis(args, sandbox_.root());
  }
  // The store as init and the first refresh left it.
  void ExpectUnchanged(std::int64_t day_rows) {
    EXPECT_EQ(Count("SELECT count(*) FROM store_info WHERE key = 'time_zone' AND value = 'UTC'"),
              1);
    EXPECT_EQ(Count("SELECT count(*) FROM mis_kpi_day") + Count("SELECT count(*) FROM "
                                                                "mis_elements_day"),
              day_rows);
    EXPECT_EQ(Count("SELECT count(*) FROM mis_setting_change"), 0);
  }
  void Restart() {
    server_ = std::make_unique<MisServer>(sandbox_.data(), sandbox_.root());
    std::string error;
    ASSERT_TRUE(server_->Start(&error)) << error;
    admin_ = SignIn("admin", kMisAdminPassword);
    ASSERT_FALSE(admin_.empty());
  }
  Json Trend() {
    HttpReply r = server_->Client().Get(
        std::string("/api/v1/kpi/trend?kpi=availability&step=day&") + kWindow, admin_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json();
  }
};

TEST_F(MisSetTimeZoneTest, ChangesTheZoneOfAStoppedStoreAndTheNextRunCutsDaysInIt) {
  ORDO_VERIFIES("ORDO-MISTZ-15", "ORDO-MISTZ-16", "ORDO-MISTZ-17", "ORDO-MISTZ-18");
  const TimeMicros now = SystemClock().NowMicros();
  ImportSmallPlant(
      [this](const std::string& kind, const std::string& csv) {
        HttpReply r = Import(kind, csv);
        ASSERT_EQ(r.status, 201) << kind << ": " << r.Describe();
      },
      FormatUtcMicros(now - now % kDay - kDay).substr(0, 10),
      FormatUtcMicros(now - now % kDay).substr(0, 10));
  ASSERT_EQ(
      server_->Client().Request("POST", "/api/v1/snapshots/refresh?days=7", "", admin_).status,
      200);
  const std::int64_t day_rows =
      Count("SELECT count(*) FROM mis_kpi_day") + Count("SELECT count(*) FROM mis_elements_day");
  const std::int64_t shift_rows = Count("SELECT count(*) FROM mis_kpi_shift");
  ASSERT_GT(day_rows, 0);
  ASSERT_GT(shift_rows, 0);
  // In UTC, the window is two whole days.
  Json before = Trend();
  ASSERT_EQ(before["points"].size(), 2u) << before.dump();
  EXPECT_EQ(before["points"][0]["to"], "2026-01-06T00:00:00.000000Z");

  // Refused while serve holds the data directory.
  RunResult busy = SetZone({"--time-zone", "Europe/Berlin", "--reason", "wrong zone at init"});
  EXPECT_EQ(busy.status.code, 2) << busy.Describe();
  EXPECT_NE(busy.err.find("another ordo-mis is using"), std::string::npos) << busy.Describe();
  ExpectUnchanged(day_rows);
  ASSERT_TRUE(server_->Stop(SIGTERM).has_value());

  // Refused: a zone that does not load; no reason; an empty one.
  RunResult bad = SetZone({"--time-zone", "Mars/Olympus_Mons", "--reason", "x"});
  EXPECT_EQ(bad.status.code, 2) << bad.Describe();
  EXPECT_NE(bad.err.find("time-zone: unknown time zone 'Mars/Olympus_Mons'"), std::string::npos)
      << bad.Describe();
  // A zone file that is not TZif (the tzdata package's leap-second table; no other
  // zoneinfo directory can be given): bad_time_zone_file, naming time-zone.
  if (std::filesystem::is_regular_file("/usr/share/zoneinfo/leapseconds")) {
    RunResult damaged = SetZone({"--time-zone", "leapseconds", "--reason", "x"});
    EXPECT_EQ(damaged.status.code, 2) << damaged.Describe();
    EXPECT_NE(damaged.err.find("time-zone: the time zone file of 'leapseconds'"), std::string::npos)
        << damaged.Describe();
  }
  RunResult no_reason = SetZone({"--time-zone", "Europe/Berlin"});
  EXPECT_EQ(no_reason.status.code, 2) << no_reason.Describe();
  EXPECT_NE(no_reason.err.find("--reason"), std::string::npos) << no_reason.Describe();
  RunResult empty_reason = SetZone({"--time-zone", "Europe/Berlin", "--reason", " "});
  EXPECT_EQ(empty_reason.status.code, 2) << empty_reason.Describe();
  EXPECT_NE(empty_reason.err.find("reason: required"), std::string::npos)
      << empty_reason.Describe();
  ExpectUnchanged(day_rows);

  // The change.
  RunResult changed = SetZone({"--time-zone", "Europe/Berlin", "--reason", "wrong zone at init"});
  ASSERT_EQ(changed.status.code, 0) << changed.Describe();
  EXPECT_NE(changed.out.find("UTC -> Europe/Berlin; " + std::to_string(day_rows) +
                             " snapshot day rows removed"),
            std::string::npos)
      << changed.Describe();
  EXPECT_EQ(Count("SELECT count(*) FROM store_info WHERE key = 'time_zone' AND "
                  "value = 'Europe/Berlin'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM mis_kpi_day"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM mis_elements_day"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM mis_kpi_shift"), shift_rows);
  EXPECT_EQ(Count("SELECT count(*) FROM mis_setting_change WHERE key = 'time_zone' AND "
                  "old_value = 'UTC' AND new_value = 'Europe/Berlin' AND "
                  "reason = 'wrong zone at init' AND by_os_user != ''"),
            1);
  // The same zone again: nothing changes, nothing is recorded.
  RunResult same = SetZone({"--time-zone", "Europe/Berlin", "--reason", "again"});
  EXPECT_EQ(same.status.code, 0) << same.Describe();
  EXPECT_NE(same.out.find("already Europe/Berlin: nothing changed"), std::string::npos)
      << same.Describe();
  EXPECT_EQ(Count("SELECT count(*) FROM mis_setting_change"), 1);

  // The next run: health, the history, the trend's days and the snapshot's.
  Restart();
  HttpReply health = server_->Client().Get("/api/v1/health");
  EXPECT_EQ(health.json().value("time_zone", ""), "Europe/Berlin") << health.Describe();
  HttpReply history = server_->Client().Get("/api/v1/settings/history", admin_);
  ASSERT_EQ(history.status, 200) << history.Describe();
  ASSERT_EQ(history.json()["changes"].size(), 1u) << history.body;
  const Json change = history.json()["changes"][0];
  EXPECT_EQ(change["key"], "time_zone");
  EXPECT_EQ(change["old_value"], "UTC");
  EXPECT_EQ(change["new_value"], "Europe/Berlin");
  EXPECT_EQ(change["reason"], "wrong zone at init");
  EXPECT_FALSE(change["by_os_user"].get<std::string>().empty());
  EXPECT_EQ(change["at"].get<std::string>().size(), 27u) << change.dump();  // ...000000Z
  Json after = Trend();
  EXPECT_EQ(after["time_zone"], "Europe/Berlin");
  ASSERT_EQ(after["points"].size(), 3u) << after.dump();
  EXPECT_EQ(after["points"][0]["label"], "2026-01-05");
  EXPECT_EQ(after["points"][0]["to"], "2026-01-05T23:00:00.000000Z");
  EXPECT_EQ(after["points"][1]["to"], "2026-01-06T23:00:00.000000Z");
  ASSERT_EQ(
      server_->Client().Request("POST", "/api/v1/snapshots/refresh?days=7", "", admin_).status,
      200);
  EXPECT_GT(Count("SELECT count(*) FROM mis_kpi_day"), 0);
  // Berlin's midnight is 23:00 or 22:00 UTC, never 00:00.
  EXPECT_EQ(Count("SELECT count(*) FROM mis_kpi_day WHERE window_from LIKE '%T00:00:00Z'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM mis_elements_day WHERE window_from LIKE '%T00:00:00Z'"), 0);
}

TEST_F(MisSetTimeZoneTest, TheHistoryIsForAdminsOnly) {
  ORDO_VERIFIES("ORDO-MISTZ-17");
  for (const char* role : {"mis_analyst", "mis_viewer"}) {
    const std::string name = std::string(role).substr(4);
    HttpReply created = server_->Client().Post(
        "/api/v1/users", Json{{"name", name}, {"role", role}, {"password", "a long password 1"}},
        admin_);
    ASSERT_EQ(created.status, 201) << created.Describe();
    const std::string token = SignIn(name, "a long password 1");
    ASSERT_FALSE(token.empty());
    EXPECT_EQ(server_->Client().Get("/api/v1/settings/history", token).status, 403) << role;
  }
  EXPECT_EQ(server_->Client().Get("/api/v1/settings/history").status, 401);
  HttpReply none = server_->Client().Get("/api/v1/settings/history", admin_);
  ASSERT_EQ(none.status, 200) << none.Describe();
  EXPECT_EQ(none.json()["changes"], Json::array());
}

}  // namespace
}  // namespace ordo::testing
