// ordo-mis init: the store, its facts and the admin; refusals leave nothing behind.
#include "mis/app/init.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mis/access/roles.h"
#include "mis/access/users.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/imports/store/schema.h"
#include "mis/kpi_source/imported_inputs.h"
#include "mis/store/mis_store.h"

namespace ordo::mis::app {
namespace {

namespace fs = std::filesystem;

// The access and imports modules' migrations (a demo store imports its calendar).
std::vector<store::Migration> Migrations() {
  std::vector<store::Migration> all = access::Migrations();
  for (const auto& m : imports::ImportsMigrations())
    all.push_back({imports::kMigrationModule, m.version, m.sql});
  return all;
}

class InitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    root_ = fs::path(::testing::TempDir()) /
            ("mis_init_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    dir_ = (root_ / "nested" / "data").string();
  }
  void TearDown() override { fs::remove_all(root_); }
  Status Init(const std::string& password, bool demo = false) {
    return InitDataDir({dir_, password, demo}, Migrations(), clock_);
  }
  fs::path root_;
  std::string dir_;
  FakeClock clock_{1'767'225'600'000'000};  // 2026-01-01T00:00:00Z
};

TEST_F(InitTest, CreatesTheStoreAndAnAdminWhoseHashMatches) {
  ORDO_VERIFIES("ORDO-MIS-02", "ORDO-MIS-19");
  ASSERT_TRUE(Init("correct horse battery", /*demo=*/true).ok());
  EXPECT_EQ(fs::status(dir_).permissions() & fs::perms::all, fs::perms::owner_all);
  auto opened = store::OpenMisStore(store::StorePath(dir_), Migrations(), false);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_TRUE(opened->applied.empty());
  auto admin = access::FindUserByName(*opened->db, kAdminName);
  ASSERT_TRUE(admin.ok() && *admin);
  EXPECT_EQ((*admin)->role, access::kMisAdmin);
  EXPECT_TRUE((*admin)->enabled);
  EXPECT_EQ((*admin)->created_at, "2026-01-01T00:00:00.000000Z");
  auto hash = access::PasswordHashOf(*opened->db, (*admin)->id);
  ASSERT_TRUE(hash.ok() && *hash);
  EXPECT_TRUE(VerifyPassword(**hash, "correct horse battery"));
  auto demo = store::GetStoreInfo(*opened->db, "demo");
  ASSERT_TRUE(demo.ok() && *demo);
  EXPECT_EQ(**demo, "true");
}

TEST_F(InitTest, ADemoStoreHasTheDemoShiftCalendar) {
  ORDO_VERIFIES("ORDO-MIS-19");
  ASSERT_TRUE(Init("correct horse battery", /*demo=*/true).ok());
  auto opened = store::OpenMisStore(store::StorePath(dir_), Migrations(), false);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  auto inputs = kpi_source::LoadImportedInputs(*opened->db, calendar::TimeZone::Utc());
  ASSERT_TRUE(inputs.ok()) << inputs.error().message;
  // 63 days x (3 shifts + 3 breaks), all for the demo enterprise.
  ASSERT_EQ(inputs->calendar.size(), 63u * 6);
  std::int64_t shift_time = 0;
  constexpr TimeMicros kHour = 3'600'000'000;
  for (const auto& c : inputs->calendar) {
    EXPECT_EQ(c.scope, "ACME");
    if (c.kind == CalendarKind::kShift) shift_time += c.end - c.start;
  }
  EXPECT_EQ(shift_time, 63 * 24 * kHour);  // the shifts cover every hour, once
  // The first is the early shift a week before the day of init.
  EXPECT_EQ(inputs->calendar.front().start, clock_.NowMicros() - 7 * 24 * kHour + 6 * kHour);
}

TEST_F(InitTest, TheDemoShiftsAreLocalTimesOfTheSiteTimeZone) {
  ORDO_VERIFIES("ORDO-MIS-19", "ORDO-MISTZ-07");
  const FakeClock march{1'774'008'000'000'000};  // 2026-03-20T12:00:00Z
  ASSERT_TRUE(
      InitDataDir({dir_, "correct horse battery", true, "Europe/Berlin"}, Migrations(), march)
          .ok());
  auto berlin = calendar::LoadTimeZone("Europe/Berlin", "time-zone");
  ASSERT_TRUE(berlin.ok());
  auto opened = store::OpenMisStore(store::StorePath(dir_), Migrations(), false);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  auto inputs = kpi_source::LoadImportedInputs(*opened->db, *berlin);
  ASSERT_TRUE(inputs.ok()) << inputs.error().message;
  ASSERT_EQ(inputs->calendar.size(), 63u * 6);
  // The first is the early shift, 06:00 in Berlin a week before the local day of init;
  // the shifts cover every instant up to 06:00 in Berlin 56 days after, once (the span
  // holds the change to summer time of March 29: one hour less than 63 x 24).
  const calendar::CivilDate today = berlin->LocalDate(march.NowMicros());
  EXPECT_EQ(today, (calendar::CivilDate{2026, 3, 20}));
  const TimeMicros first = berlin->ToUtc({calendar::AddDays(today, -7), 6, 0, 0});
  const TimeMicros last = berlin->ToUtc({calendar::AddDays(today, 56), 6, 0, 0});
  EXPECT_EQ(inputs->calendar.front().start, first);
  EXPECT_EQ(berlin->LocalTime(first).hour, 6);
  TimeMicros shift_time = 0;
  for (const auto& c : inputs->calendar)
    if (c.kind == CalendarKind::kShift) shift_time += c.end - c.start;
  EXPECT_EQ(shift_time, last - first);
  EXPECT_EQ(shift_time, (63 * 24 - 1) * 3'600'000'000LL);
}

TEST_F(InitTest, RecordsANonDemoStore) {
  ORDO_VERIFIES("ORDO-MIS-19");
  ASSERT_TRUE(Init("correct horse battery").ok());
  auto opened = store::OpenMisStore(store::StorePath(dir_), Migrations(), false);
  ASSERT_TRUE(opened.ok());
  auto demo = store::GetStoreInfo(*opened->db, "demo");
  ASSERT_TRUE(demo.ok() && *demo);
  EXPECT_EQ(**demo, "false");
}

TEST_F(InitTest, RefusesASecondInitAndKeepsTheFirstStore) {
  ORDO_VERIFIES("ORDO-MIS-02");
  ASSERT_TRUE(Init("correct horse battery").ok());
  Status again = Init("another good password");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(again.error().reason, "store_exists");
  auto opened = store::OpenMisStore(store::StorePath(dir_), Migrations(), false);
  ASSERT_TRUE(opened.ok());
  auto admin = access::FindUserByName(*opened->db, kAdminName);
  ASSERT_TRUE(admin.ok() && *admin);
  auto hash = access::PasswordHashOf(*opened->db, (*admin)->id);
  EXPECT_TRUE(VerifyPassword(**hash, "correct horse battery"));
}

TEST_F(InitTest, RefusesAWeakPasswordBeforeCreatingAnything) {
  ORDO_VERIFIES("ORDO-MIS-02", "ORDO-MIS-06");
  Status weak = Init("short");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "admin-password-file");
  EXPECT_EQ(weak.error().reason, "password_too_short");
  EXPECT_FALSE(fs::exists(dir_));
  Status name = Init("ADMIN");
  ASSERT_FALSE(name.ok());
  EXPECT_FALSE(fs::exists(dir_));
}

TEST_F(InitTest, RefusesAFileInPlaceOfTheDirectory) {
  ORDO_VERIFIES("ORDO-MIS-02");
  fs::create_directories(fs::path(dir_).parent_path());
  std::ofstream(dir_) << "not a directory";
  Status s = Init("correct horse battery");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().reason, "not_a_directory");
}

}  // namespace
}  // namespace ordo::mis::app
