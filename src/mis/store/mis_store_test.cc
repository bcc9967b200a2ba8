// The MIS store: migrations per module applied once, in order, in one transaction; a
// store newer than the binary refused untouched; the data directory lock; the setting
// change history.
#include "mis/store/mis_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/testing/verifies.h"
#include "mis/store/dir_lock.h"
#include "mis/store/setting_change.h"
#include "storage/rows.h"

namespace ordo::mis::store {
namespace {

namespace fs = std::filesystem;

class MisStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("mis_store_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = StorePath(dir_.string());
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string path_;
};

const std::vector<Migration> kV1 = {
    {"alpha", 1, "CREATE TABLE alpha_a (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"},
    {"beta", 1, "CREATE TABLE beta_b (id INTEGER PRIMARY KEY)"},
};

std::int64_t Count(storage::Database& db, const std::string& sql) {
  auto row = storage::FirstRow<std::int64_t>(db, sql, storage::NoBind,
                                             [](const storage::Statement& s) { return s.Int(0); });
  return row.ok() && *row ? **row : -1;
}

TEST_F(MisStoreTest, CreatesTheStoreWithWalAndAppliesEveryModuleOnce) {
  ORDO_VERIFIES("ORDO-MIS-04");
  auto opened = OpenMisStore(path_, kV1, /*create=*/true);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->applied, (std::vector<std::string>{"store 1", "store 2", "alpha 1", "beta 1"}));
  auto versions = SchemaVersions(*opened->db);
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(*versions, (std::map<std::string, int>{{"store", 2}, {"alpha", 1}, {"beta", 1}}));
  auto mode = storage::FirstRow<std::string>(*opened->db, "PRAGMA journal_mode", storage::NoBind,
                                             [](const storage::Statement& s) { return s.Text(0); });
  ASSERT_TRUE(mode.ok() && *mode);
  EXPECT_EQ(**mode, "wal");
  ASSERT_TRUE(SetStoreInfo(*opened->db, "demo", "true").ok());
  opened->db.reset();

  auto again = OpenMisStore(path_, kV1, /*create=*/false);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->applied.empty());
  auto demo = GetStoreInfo(*again->db, "demo");
  ASSERT_TRUE(demo.ok() && *demo);
  EXPECT_EQ(**demo, "true");
  auto unset = GetStoreInfo(*again->db, "nothing");
  ASSERT_TRUE(unset.ok());
  EXPECT_FALSE(unset->has_value());
}

TEST_F(MisStoreTest, AppliesOnlyTheNewVersionsInListOrder) {
  ORDO_VERIFIES("ORDO-MIS-04");
  ASSERT_TRUE(OpenMisStore(path_, kV1, true).ok());
  std::vector<Migration> v2 = kV1;
  v2.push_back({"alpha", 2, "ALTER TABLE alpha_a ADD COLUMN note TEXT"});
  // Uses alpha 2's column: runs after it because it comes later in the list.
  v2.push_back(
      {"gamma", 1,
       "CREATE TABLE gamma_g (x TEXT); INSERT INTO alpha_a (name, note) VALUES ('n', 'x')"});
  auto opened = OpenMisStore(path_, v2, false);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->applied, (std::vector<std::string>{"alpha 2", "gamma 1"}));
  EXPECT_EQ(Count(*opened->db, "SELECT count(*) FROM alpha_a WHERE note = 'x'"), 1);
  auto versions = SchemaVersions(*opened->db);
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(versions->at("alpha"), 2);
  EXPECT_EQ(versions->at("gamma"), 1);
}

TEST_F(MisStoreTest, AFailingMigrationAppliesNothing) {
  ORDO_VERIFIES("ORDO-MIS-04");
  ASSERT_TRUE(OpenMisStore(path_, kV1, true).ok());
  std::vector<Migration> broken = kV1;
  broken.push_back({"alpha", 2, "ALTER TABLE alpha_a ADD COLUMN note TEXT"});
  broken.push_back({"beta", 2, "CREATE TABLE oops (x"});  // syntax error
  auto opened = OpenMisStore(path_, broken, false);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().message.find("migration beta 2"), std::string::npos)
      << opened.error().message;
  auto reopened = OpenMisStore(path_, kV1, false);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  auto versions = SchemaVersions(*reopened->db);
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(versions->at("alpha"), 1);  // alpha 2 was rolled back with beta 2
  EXPECT_EQ(
      Count(*reopened->db, "SELECT count(*) FROM pragma_table_info('alpha_a') WHERE name = 'note'"),
      0);
}

TEST_F(MisStoreTest, RefusesAStoreWrittenByANewerBinaryUntouched) {
  ORDO_VERIFIES("ORDO-MIS-05");
  std::vector<Migration> newer = kV1;
  newer.push_back({"alpha", 2, "ALTER TABLE alpha_a ADD COLUMN note TEXT"});
  ASSERT_TRUE(OpenMisStore(path_, newer, true).ok());
  auto older = OpenMisStore(path_, kV1, false);
  ASSERT_FALSE(older.ok());
  EXPECT_EQ(older.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(older.error().reason, "store_too_new");
  EXPECT_NE(older.error().message.find("'alpha' at schema version 2"), std::string::npos)
      << older.error().message;

  // A module this binary does not have at all is refused the same way.
  std::vector<Migration> without_beta = {kV1[0]};
  without_beta.push_back({"alpha", 2, "ALTER TABLE alpha_a ADD COLUMN note TEXT"});
  auto unknown = OpenMisStore(path_, without_beta, false);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().reason, "store_too_new");
  EXPECT_NE(unknown.error().message.find("'beta'"), std::string::npos) << unknown.error().message;

  auto same = OpenMisStore(path_, newer, false);
  ASSERT_TRUE(same.ok()) << same.error().message;
  EXPECT_TRUE(same->applied.empty());
}

TEST_F(MisStoreTest, RefusesAMissingStoreUnlessCreating) {
  ORDO_VERIFIES("ORDO-MIS-18");
  auto opened = OpenMisStore(path_, kV1, false);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().reason, "no_store");
  EXPECT_FALSE(fs::exists(path_));
}

TEST(MigrationListTest, RefusesGapsDuplicatesDisorderAndBadNames) {
  ORDO_VERIFIES("ORDO-MIS-04");
  EXPECT_TRUE(CheckMigrations(kV1).ok());
  EXPECT_TRUE(CheckMigrations({}).ok());
  const std::vector<std::vector<Migration>> bad = {
      {{"alpha", 2, "SELECT 1"}},                            // gap
      {{"alpha", 1, "SELECT 1"}, {"alpha", 1, "SELECT 1"}},  // twice
      {{"alpha", 1, "SELECT 1"}, {"alpha", 3, "SELECT 1"}, {"alpha", 2, "SELECT 1"}},
      {{"Alpha", 1, "SELECT 1"}},  // name
      {{"", 1, "SELECT 1"}},
      {{"alpha", 0, "SELECT 1"}},
      {{"alpha", 1, "  \n"}},  // no SQL
  };
  for (const auto& list : bad) {
    Status s = CheckMigrations(list);
    ASSERT_FALSE(s.ok()) << list.front().module << " " << list.size();
    EXPECT_EQ(s.error().code, ErrorCode::kInternal);
  }
  EXPECT_EQ(LatestVersion({{"a", 1, "x"}, {"a", 2, "y"}, {"b", 1, "z"}}, "a"), 2);
  EXPECT_EQ(LatestVersion({{"a", 1, "x"}}, "b"), 0);
}

TEST_F(MisStoreTest, TheDataDirectoryLockIsExclusiveUntilReleased) {
  ORDO_VERIFIES("ORDO-MIS-18");
  auto first = DirLock::Acquire(dir_.string());
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = DirLock::Acquire(dir_.string());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().reason, "data_dir_in_use");
  { DirLock released = std::move(*first); }
  auto third = DirLock::Acquire(dir_.string());
  EXPECT_TRUE(third.ok());
}

TEST_F(MisStoreTest, SettingChangesAreRecordedInOrderAndNeverRewritten) {
  ORDO_VERIFIES("ORDO-MISTZ-17");
  auto opened = OpenMisStore(path_, kV1, /*create=*/true);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  storage::Database& db = *opened->db;
  auto none = SettingChanges(db);
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_TRUE(none->empty());
  auto first = RecordSettingChange(
      db, {0, 1'000, "time_zone", "UTC", "Europe/Berlin", "planner", "the plant is in Berlin"});
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = RecordSettingChange(
      db, {0, 2'000, "time_zone", "Europe/Berlin", "Europe/Vienna", "planner", "moved"});
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_GT(*second, *first);
  auto all = SettingChanges(db);
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 2u);
  const SettingChange& c = all->front();
  EXPECT_EQ(c.id, *first);
  EXPECT_EQ(c.at, 1'000);
  EXPECT_EQ(c.key, "time_zone");
  EXPECT_EQ(c.old_value, "UTC");
  EXPECT_EQ(c.new_value, "Europe/Berlin");
  EXPECT_EQ(c.by_os_user, "planner");
  EXPECT_EQ(c.reason, "the plant is in Berlin");
  EXPECT_EQ(all->back().new_value, "Europe/Vienna");
  // Append-only: the history cannot be edited or erased through SQL.
  Status updated = db.Exec("UPDATE mis_setting_change SET reason = 'x'");
  EXPECT_FALSE(updated.ok());
  EXPECT_NE(updated.error().message.find("append-only"), std::string::npos)
      << updated.error().message;
  EXPECT_FALSE(db.Exec("DELETE FROM mis_setting_change").ok());
  EXPECT_EQ(Count(db, "SELECT count(*) FROM mis_setting_change WHERE reason != 'x'"), 2);
}

}  // namespace
}  // namespace ordo::mis::store
