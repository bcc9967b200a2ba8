// ordo-mis set-time-zone on a real store file: the zone, the snapshot's day rows and the
// recorded change in one transaction; every refusal changes nothing.
#include "mis/app/set_time_zone.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <tuple>

#include "core/testing/verifies.h"
#include "mis/app/site_time_zone.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/snapshots/store.h"
#include "mis/store/dir_lock.h"
#include "mis/store/mis_store.h"
#include "mis/store/setting_change.h"
#include "storage/rows.h"

namespace ordo::mis::app {
namespace {

namespace fs = std::filesystem;

constexpr TimeMicros kHour = 3'600'000'000;
constexpr TimeMicros kJan5 = 1'767'571'200'000'000;  // 2026-01-05T00:00:00Z

class SetTimeZoneTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::path(::testing::TempDir()) /
            ("mis_set_tz_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())))
               .string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto opened = store::OpenMisStore(store::StorePath(dir_), snapshots::SnapshotMigrations(),
                                      /*create=*/true);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ASSERT_TRUE(store::SetStoreInfo(*opened->db, kTimeZoneKey, "UTC").ok());
    // Two UTC days and a shift, each with one figure and one element.
    snapshots::Snapshot s;
    s.from = kJan5;
    s.to = kJan5 + 48 * kHour;
    for (const auto& [kind, label, from, to] :
         {std::tuple{"day", "2026-01-05", kJan5, kJan5 + 24 * kHour},
          std::tuple{"day", "2026-01-06", kJan5 + 24 * kHour, kJan5 + 48 * kHour},
          std::tuple{"shift", "early", kJan5 + 6 * kHour, kJan5 + 14 * kHour}}) {
      s.figures.push_back({"", kind, label, from, to, "availability", "iso22400", 0.9, "",
                           "fraction", "default", 1});
      s.elements.push_back({"", kind, label, from, to, "POT", 3600});
    }
    ASSERT_TRUE(snapshots::StoreSnapshot(*opened->db, s, kJan5).ok());
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result<TimeZoneChange> Set(const std::string& zone, const std::string& reason) {
    return SetTimeZone({dir_, zone, reason, "planner"}, snapshots::SnapshotMigrations(),
                       {&snapshots::DeleteDayRows}, clock_);
  }
  std::unique_ptr<storage::Database> Open() {
    auto opened =
        store::OpenMisStore(store::StorePath(dir_), snapshots::SnapshotMigrations(), false);
    EXPECT_TRUE(opened.ok()) << opened.error().message;
    return opened.ok() ? std::move(opened->db) : nullptr;
  }
  std::int64_t Count(const std::string& sql) {
    auto db = Open();
    auto row = storage::FirstRow<std::int64_t>(
        *db, sql, storage::NoBind, [](const storage::Statement& s) { return s.Int(0); });
    return row.ok() && *row ? **row : -1;
  }
  std::string StoredZone() {
    auto db = Open();
    auto zone = store::GetStoreInfo(*db, kTimeZoneKey);
    return zone.ok() && *zone ? **zone : "<unset>";
  }
  std::size_t Changes() {
    auto db = Open();
    auto all = store::SettingChanges(*db);
    return all.ok() ? all->size() : 999;
  }
  // Nothing changed since SetUp.
  void ExpectUnchanged() {
    EXPECT_EQ(StoredZone(), "UTC");
    EXPECT_EQ(Count("SELECT count(*) FROM mis_kpi_day"), 2);
    EXPECT_EQ(Count("SELECT count(*) FROM mis_elements_day"), 2);
    EXPECT_EQ(Changes(), 0u);
  }

  std::string dir_;
  FakeClock clock_{kJan5 + 72 * kHour};
};

TEST_F(SetTimeZoneTest, ChangesTheZoneRemovesTheDayRowsAndRecordsTheChange) {
  ORDO_VERIFIES("ORDO-MISTZ-15");
  auto change = Set("Europe/Berlin", "the plant is in Berlin, not UTC");
  ASSERT_TRUE(change.ok()) << change.error().message;
  EXPECT_TRUE(change->changed);
  EXPECT_EQ(change->old_zone, "UTC");
  EXPECT_EQ(change->new_zone, "Europe/Berlin");
  EXPECT_EQ(change->rows_removed, 4);  // two days, each a figure and an element
  EXPECT_EQ(StoredZone(), "Europe/Berlin");
  EXPECT_EQ(Count("SELECT count(*) FROM mis_kpi_day"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM mis_elements_day"), 0);
  // The shift's rows are instants of the calendar: they stay.
  EXPECT_EQ(Count("SELECT count(*) FROM mis_kpi_shift"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM mis_elements_shift"), 1);
  auto db = Open();
  auto changes = store::SettingChanges(*db);
  ASSERT_TRUE(changes.ok()) << changes.error().message;
  ASSERT_EQ(changes->size(), 1u);
  const store::SettingChange& c = changes->front();
  EXPECT_EQ(c.id, change->change_id);
  EXPECT_EQ(c.at, clock_.NowMicros());
  EXPECT_EQ(c.key, "time_zone");
  EXPECT_EQ(c.old_value, "UTC");
  EXPECT_EQ(c.new_value, "Europe/Berlin");
  EXPECT_EQ(c.by_os_user, "planner");
  EXPECT_EQ(c.reason, "the plant is in Berlin, not UTC");
  // The zone every later run loads.
  auto effective = EffectiveTimeZone(*db, "");
  ASSERT_TRUE(effective.ok()) << effective.error().message;
  EXPECT_EQ(effective->zone.name(), "Europe/Berlin");
  EXPECT_EQ(effective->source, "the store");
}

TEST_F(SetTimeZoneTest, AStoreWithoutTheSettingChangesFromUtc) {
  ORDO_VERIFIES("ORDO-MISTZ-15");
  {
    auto db = Open();
    ASSERT_TRUE(db->Exec("DELETE FROM store_info WHERE key = 'time_zone'").ok());
  }
  auto change = Set("America/New_York", "set the zone");
  ASSERT_TRUE(change.ok()) << change.error().message;
  EXPECT_EQ(change->old_zone, "UTC");
  EXPECT_EQ(StoredZone(), "America/New_York");
}

TEST_F(SetTimeZoneTest, TheSameZoneChangesAndRecordsNothing) {
  ORDO_VERIFIES("ORDO-MISTZ-15");
  auto change = Set("UTC", "again");
  ASSERT_TRUE(change.ok()) << change.error().message;
  EXPECT_FALSE(change->changed);
  EXPECT_EQ(change->old_zone, "UTC");
  EXPECT_EQ(change->rows_removed, 0);
  ExpectUnchanged();
}

TEST_F(SetTimeZoneTest, AZoneThatDoesNotLoadIsRefusedNamingTimeZone) {
  ORDO_VERIFIES("ORDO-MISTZ-16");
  for (const std::string zone : {"Mars/Olympus_Mons", "../../etc/passwd", ""}) {
    auto change = Set(zone, "a reason");
    ASSERT_FALSE(change.ok()) << zone;
    EXPECT_EQ(change.error().code, ErrorCode::kInvalidArgument) << zone;
    EXPECT_EQ(change.error().field, "time-zone") << zone;
    EXPECT_EQ(change.error().reason, "unknown_time_zone") << zone;
  }
  ExpectUnchanged();
}

// A zone whose file is not a TZif file the MIS reads is refused as such. SetTimeZone reads
// the system's zoneinfo directory only (no other directory can be given), so the damaged
// files are real ones of the tzdata package: `leapseconds` is the text table the package
// ships beside the zones, and `right/UTC` a TZif file with leap-second records, which the
// MIS refuses (calendar/tzif.h).
TEST_F(SetTimeZoneTest, AZoneFileThatDoesNotParseIsRefusedAsABadTimeZoneFile) {
  ORDO_VERIFIES("ORDO-MISTZ-16");
  int checked = 0;
  for (const std::string zone : {"leapseconds", "right/UTC"}) {
    if (!fs::is_regular_file(fs::path(calendar::kZoneinfoDir) / zone)) continue;
    ++checked;
    auto change = Set(zone, "a reason");
    ASSERT_FALSE(change.ok()) << zone;
    EXPECT_EQ(change.error().code, ErrorCode::kInvalidArgument) << zone;
    EXPECT_EQ(change.error().field, "time-zone") << zone;
    EXPECT_EQ(change.error().reason, "bad_time_zone_file")
        << zone << ": " << change.error().message;
    EXPECT_NE(change.error().message.find("the time zone file of '" + zone + "'"),
              std::string::npos)
        << change.error().message;
  }
  ASSERT_GT(checked, 0) << "neither file is in " << calendar::kZoneinfoDir << " (tzdata)";
  ExpectUnchanged();
}

TEST_F(SetTimeZoneTest, AMissingReasonIsRefusedNamingReason) {
  ORDO_VERIFIES("ORDO-MISTZ-16");
  for (const std::string reason : {"", "   ", "\t\n"}) {
    auto change = Set("Europe/Berlin", reason);
    ASSERT_FALSE(change.ok());
    EXPECT_EQ(change.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(change.error().field, "reason");
    EXPECT_EQ(change.error().reason, "missing_reason");
    EXPECT_NE(change.error().message.find("reason"), std::string::npos);
  }
  ExpectUnchanged();
}

TEST_F(SetTimeZoneTest, RefusedWhileServeHoldsTheDataDirectory) {
  ORDO_VERIFIES("ORDO-MISTZ-16");
  {
    auto serving = store::DirLock::Acquire(dir_);  // as `ordo-mis serve` holds it
    ASSERT_TRUE(serving.ok()) << serving.error().message;
    auto change = Set("Europe/Berlin", "a reason");
    ASSERT_FALSE(change.ok());
    EXPECT_EQ(change.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(change.error().reason, "data_dir_in_use");
    ExpectUnchanged();
  }
  EXPECT_TRUE(Set("Europe/Berlin", "a reason").ok());  // once it stopped
}

TEST_F(SetTimeZoneTest, RefusedWithoutAStore) {
  ORDO_VERIFIES("ORDO-MISTZ-16");
  auto change = SetTimeZone({dir_ + "/none", "Europe/Berlin", "a reason", "planner"},
                            snapshots::SnapshotMigrations(), {&snapshots::DeleteDayRows}, clock_);
  ASSERT_FALSE(change.ok());
  EXPECT_EQ(change.error().reason, "no_store");
  EXPECT_FALSE(fs::exists(dir_ + "/none"));
}

TEST_F(SetTimeZoneTest, AFailingDeleterRollsEverythingBack) {
  ORDO_VERIFIES("ORDO-MISTZ-15");
  auto failing = [](storage::Database& db) -> Result<std::int64_t> {
    auto removed = snapshots::DeleteDayRows(db);  // runs, then the change fails
    if (!removed.ok()) return removed.error();
    return Error::Make(ErrorCode::kInternal, "disk full");
  };
  auto change = SetTimeZone({dir_, "Europe/Berlin", "a reason", "planner"},
                            snapshots::SnapshotMigrations(), {failing}, clock_);
  ASSERT_FALSE(change.ok());
  EXPECT_EQ(change.error().message, "disk full");
  ExpectUnchanged();
}

TEST(OsUserNameTest, NamesTheProcesssUser) { EXPECT_FALSE(OsUserName().empty()); }

}  // namespace
}  // namespace ordo::mis::app
