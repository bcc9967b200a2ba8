// Unit tests of the storage interface through the SQLite driver, on real files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <iterator>

#include "core/testing/verifies.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::storage {
namespace {

class StorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ordo-storage-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    auto db = OpenSqlite(root_ + "/test.db", OpenMode::kCreate);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, data BLOB)").ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(root_);
  }
  Status Insert(std::int64_t id, const std::optional<std::string>& name) {
    auto st = db_->Prepare("INSERT INTO t(id, name) VALUES(?, ?)");
    if (!st.ok()) return st.error();
    return (*st)->Bind(1, id).Bind(2, name).Run();
  }
  std::int64_t Count() {
    auto n = FirstRow<std::int64_t>(*db_, "SELECT COUNT(*) FROM t", NoBind,
                                    [](const Statement& s) { return s.Int(0); });
    return n.ok() && *n ? **n : -1;
  }
  std::string root_;
  std::unique_ptr<Database> db_;
};

TEST_F(StorageTest, BindsAndReadsEveryType) {
  ORDO_VERIFIES("ORDO-STORE-04");
  ASSERT_TRUE(Insert(1, std::string("pump")).ok());
  ASSERT_TRUE(Insert(2, std::nullopt).ok());
  auto st = db_->Prepare("UPDATE t SET data = ? WHERE id = 1");
  ASSERT_TRUE(st.ok());
  const std::string bytes("\x00\x01\xff", 3);
  ASSERT_TRUE((*st)->BindBlob(1, bytes).Run().ok());
  auto rows = Rows<std::tuple<std::int64_t, std::string, bool, std::string>>(
      *db_, "SELECT id, name, name IS NULL, data FROM t ORDER BY id", NoBind,
      [](const Statement& s) {
        return std::tuple{s.Int(0), s.Text(1), s.IsNull(1), s.Blob(3)};
      });
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0], std::tuple(std::int64_t{1}, std::string("pump"), false, bytes));
  EXPECT_EQ(std::get<2>((*rows)[1]), true);
}

TEST_F(StorageTest, SqliteKeepsNoMemoryStatisticsSoAllocationsTakeNoProcessWideMutex) {
  ORDO_VERIFIES("ORDO-ENGINE-10");
  // A connection is open (SetUp) and has run statements: with statistics on, SQLite would
  // count its memory.
  ASSERT_TRUE(Insert(1, "a").ok());
  EXPECT_EQ(Count(), 1);
  EXPECT_FALSE(SqliteMemoryStatisticsOn());
}

TEST_F(StorageTest, ADoubleRoundTripsBitExactly) {
  ORDO_VERIFIES("ORDO-MISFEED-31");
  ASSERT_TRUE(db_->Exec("CREATE TABLE r(id INTEGER PRIMARY KEY, value REAL)").ok());
  // 0.1 + 0.2 has no 15-digit decimal form; the others are extremes, negatives and values
  // whose shortest text needs 17 digits.
  const double values[] = {0.1 + 0.2,
                           1e-300,
                           -1e-300,
                           -2.5,
                           1.0 / 3.0,
                           5e-324,
                           1.7976931348623157e308,
                           0.30000000000000004 * 1e15,
                           123456789.12345678};
  std::int64_t id = 0;
  for (double v : values) {
    auto st = db_->Prepare("INSERT INTO r(id, value) VALUES(?, ?)");
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE((*st)->Bind(1, ++id).BindReal(2, v).Run().ok());
  }
  auto rows = Rows<std::pair<double, std::string>>(
      *db_, "SELECT value, typeof(value) FROM r ORDER BY id", NoBind, [](const Statement& s) {
        return std::pair{s.Real(0), s.Text(1)};
      });
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), std::size(values));
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const double back = (*rows)[i].first;
    EXPECT_EQ(std::memcmp(&back, &values[i], sizeof back), 0)
        << "value " << i << ": " << back << " != " << values[i];
    EXPECT_EQ((*rows)[i].second, "real") << i;
  }
  EXPECT_NE(0.1 + 0.2, 0.3);  // the first value is not 0.3 (what 15 digits would give)
  // A REAL column read as text loses digits (SQLite prints 15): why Real() exists.
  auto text = FirstRow<std::string>(*db_, "SELECT value FROM r WHERE id = 1", NoBind,
                                    [](const Statement& s) { return s.Text(0); });
  ASSERT_TRUE(text.ok() && *text);
  EXPECT_NE(std::stod(**text), 0.1 + 0.2) << **text;
  // An integer reads as its double; NULL as 0.
  auto mixed =
      FirstRow<std::pair<double, double>>(*db_, "SELECT 7, NULL", NoBind, [](const Statement& s) {
        return std::pair{s.Real(0), s.Real(1)};
      });
  ASSERT_TRUE(mixed.ok() && *mixed);
  EXPECT_EQ(**mixed, std::pair(7.0, 0.0));
}

TEST_F(StorageTest, RunBindsAndStepsAStatementAndReturnsItsErrorAsAValue) {
  ORDO_VERIFIES("ORDO-STORE-08");
  ASSERT_TRUE(storage::Run(*db_, "INSERT INTO t(id, name) VALUES(?, ?)", [](Statement& s) {
                s.Bind(1, std::int64_t{7}).Bind(2, std::string("seven"));
              }).ok());
  ASSERT_TRUE(storage::Run(*db_, "UPDATE t SET name = ? WHERE id = ?", [](Statement& s) {
                s.Bind(1, std::string("SEVEN")).Bind(2, std::int64_t{7});
              }).ok());
  auto name = FirstRow<std::string>(*db_, "SELECT name FROM t WHERE id = 7", NoBind,
                                    [](const Statement& s) { return s.Text(0); });
  ASSERT_TRUE(name.ok() && *name);
  EXPECT_EQ(**name, "SEVEN");
  // A constraint failure of the step and a bad statement are errors; nothing changed.
  Status dup = storage::Run(*db_, "INSERT INTO t(id, name) VALUES(?, 'again')",
                            [](Statement& s) { s.Bind(1, std::int64_t{7}); });
  EXPECT_FALSE(dup.ok());
  EXPECT_FALSE(storage::Run(*db_, "INSERT INTO missing VALUES(1)", NoBind).ok());
  EXPECT_EQ(Count(), 1);
  // The cached statement was reset: it runs again with new bindings.
  ASSERT_TRUE(storage::Run(*db_, "INSERT INTO t(id, name) VALUES(?, 'again')", [](Statement& s) {
                s.Bind(1, std::int64_t{8});
              }).ok());
  EXPECT_EQ(Count(), 2);
}

TEST_F(StorageTest, ErrorsAreValuesNamingTheSqlError) {
  ORDO_VERIFIES("ORDO-STORE-04");
  auto bad = db_->Prepare("SELECT nope FROM t");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("nope"), std::string::npos) << bad.error().message;
  ASSERT_TRUE(Insert(1, "a").ok());
  Status dup = Insert(1, "b");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.error().message.find("UNIQUE"), std::string::npos) << dup.error().message;
  EXPECT_EQ(Count(), 1);
}

TEST_F(StorageTest, TransactionRollsBackUnlessCommitted) {
  ORDO_VERIFIES("ORDO-STORE-04");
  EXPECT_FALSE(db_->InTransaction());
  {
    Transaction tx(*db_);
    ASSERT_TRUE(tx.begin_status().ok());
    EXPECT_TRUE(db_->InTransaction());
    ASSERT_TRUE(Insert(1, "gone").ok());
  }
  EXPECT_FALSE(db_->InTransaction());
  EXPECT_EQ(Count(), 0);
  {
    Transaction tx(*db_);
    ASSERT_TRUE(Insert(2, "kept").ok());
    ASSERT_TRUE(tx.Commit().ok());
  }
  EXPECT_EQ(Count(), 1);
}

TEST_F(StorageTest, OwnedStatementStaysOpenWhileCachedOnesRun) {
  ORDO_VERIFIES("ORDO-STORE-04");
  for (int i = 1; i <= 3; ++i) ASSERT_TRUE(Insert(i, "x").ok());
  auto outer = db_->PrepareOwned("SELECT id FROM t ORDER BY id");
  ASSERT_TRUE(outer.ok());
  EXPECT_EQ((*outer)->ColumnCount(), 1);
  std::int64_t sum = 0;
  while (true) {
    auto row = (*outer)->Step();
    ASSERT_TRUE(row.ok());
    if (!*row) break;
    sum += (*outer)->Int(0);
    EXPECT_EQ(Count(), 3);  // a cached statement inside the open query
  }
  EXPECT_EQ(sum, 6);
}

TEST_F(StorageTest, BackupIsAConsistentCopy) {
  ORDO_VERIFIES("ORDO-STORE-03");
  ASSERT_TRUE(Insert(7, "seven").ok());
  const std::string copy = root_ + "/copy.db";
  ASSERT_TRUE(db_->BackupTo(copy).ok());
  auto other = OpenSqlite(copy, OpenMode::kReadOnly);
  ASSERT_TRUE(other.ok());
  auto name = FirstRow<std::string>(**other, "SELECT name FROM t WHERE id = 7", NoBind,
                                    [](const Statement& s) { return s.Text(0); });
  ASSERT_TRUE(name.ok());
  ASSERT_TRUE(name->has_value());
  EXPECT_EQ(**name, "seven");
}

TEST_F(StorageTest, OpeningAMissingFileReadOnlyFails) {
  ORDO_VERIFIES("ORDO-STORE-04");
  auto db = OpenSqlite(root_ + "/missing.db", OpenMode::kReadOnly);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE(std::filesystem::exists(root_ + "/missing.db"));
}

}  // namespace
}  // namespace ordo::storage
