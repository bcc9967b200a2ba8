// The WAL checkpointer: it copies a writer's log back into the database file from its own
// thread, and never creates a file that is not there.
#include "storage/sqlite/wal_checkpointer.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <thread>

#include "core/testing/verifies.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::storage {
namespace {

class WalCheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ordo_wal_checkpointer_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  // Waits (at most 10 s) until `c` has completed more than `turns` turns.
  static void WaitForTurn(const WalCheckpointer& c, std::int64_t turns) {
    for (int i = 0; i < 1000 && c.turns() <= turns; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_GT(c.turns(), turns);
  }

  std::string root_;
};

TEST_F(WalCheckpointerTest, CopiesTheWritersLogIntoTheDatabaseFile) {
  ORDO_VERIFIES("ORDO-ENGINE-07");
  const std::string path = root_ + "/store.db";
  auto writer = OpenSqlite(path, OpenMode::kCreate);
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  ASSERT_TRUE((*writer)->Exec("PRAGMA wal_autocheckpoint=0").ok());
  ASSERT_TRUE((*writer)->Exec("CREATE TABLE t(x TEXT)").ok());
  for (int i = 0; i < 20; ++i)
    ASSERT_TRUE((*writer)
                    ->Exec("INSERT INTO t SELECT hex(randomblob(500)) FROM "
                           "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 100) SELECT i FROM n)")
                    .ok());
  const auto before = std::filesystem::file_size(path);
  ASSERT_GT(std::filesystem::file_size(path + "-wal"), 1'000'000u);  // all of it in the log
  WalCheckpointer checkpointer([path] { return std::vector<std::string>{path}; },
                               std::chrono::hours(1), std::chrono::milliseconds(1));
  const std::int64_t turns = checkpointer.turns();
  checkpointer.Poke();
  WaitForTurn(checkpointer, turns);
  EXPECT_GT(std::filesystem::file_size(path), before + 1'000'000u);
  // The writer goes on, and reads what it wrote.
  ASSERT_TRUE((*writer)->Exec("INSERT INTO t VALUES('after')").ok());
  auto n = (*writer)->Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(n.ok());
  auto row = (*n)->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ((*n)->Int(0), 2001);
}

TEST_F(WalCheckpointerTest, TurnsAreAtLeastTheMinimumGapApartHoweverOftenPoked) {
  ORDO_VERIFIES("ORDO-ENGINE-07");
  WalCheckpointer checkpointer([] { return std::vector<std::string>{}; }, std::chrono::hours(1),
                               std::chrono::hours(1));
  checkpointer.Poke();
  WaitForTurn(checkpointer, 0);
  for (int i = 0; i < 20; ++i) {
    checkpointer.Poke();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(checkpointer.turns(), 1);
}

TEST_F(WalCheckpointerTest, SkipsAFileThatIsNotThereWithoutCreatingIt) {
  ORDO_VERIFIES("ORDO-ENGINE-07");
  const std::string path = root_ + "/later.sqlite";
  WalCheckpointer checkpointer([path] { return std::vector<std::string>{path}; },
                               std::chrono::milliseconds(20), std::chrono::milliseconds(1));
  WaitForTurn(checkpointer, 2);
  EXPECT_FALSE(std::filesystem::exists(path));
}

// The I/O class of each of this process's threads (linux/ioprio.h: ioprio_get of a thread
// id, the class in the top 3 bits of 16).
std::vector<int> ThreadIoClasses() {
  std::vector<int> classes;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    const int tid = std::stoi(task.path().filename().string());
    const long prio = ::syscall(SYS_ioprio_get, /*IOPRIO_WHO_PROCESS*/ 1, tid);
    if (prio >= 0) classes.push_back(static_cast<int>(prio >> 13));
  }
  return classes;
}

TEST_F(WalCheckpointerTest, ItsThreadsIoIsInTheIdleClass) {
  ORDO_VERIFIES("ORDO-ENGINE-07");
  constexpr int kIdle = 3;
  const std::vector<int> before = ThreadIoClasses();
  EXPECT_EQ(std::count(before.begin(), before.end(), kIdle), 0);
  WalCheckpointer checkpointer([] { return std::vector<std::string>{}; },
                               std::chrono::milliseconds(20), std::chrono::milliseconds(1));
  WaitForTurn(checkpointer, 0);  // its thread has started (and set its class)
  const std::vector<int> during = ThreadIoClasses();
  EXPECT_EQ(std::count(during.begin(), during.end(), kIdle), 1);
}

}  // namespace
}  // namespace ordo::storage
