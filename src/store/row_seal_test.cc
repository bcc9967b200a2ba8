// Tests of row seals: sealing what the writer's connection changes, the check on read,
// the audit's scan, and the seal file (store/row_seal.h).
#include "store/row_seal.h"

#include <sys/stat.h>

#include <fstream>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "store/testing/store_fixture.h"

namespace ordo::store {
namespace {

constexpr const char* kTable = "sealed_thing";

class RowSealTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    static const bool registered = [] {
      RegisterGuardedTable({kTable, {"id"}, {"id", "name", "level"}});
      return true;
    }();
    (void)registered;
    ASSERT_TRUE(db_->Exec("CREATE TABLE sealed_thing(id INTEGER PRIMARY KEY, name TEXT, "
                          "level INTEGER, note TEXT)")
                    .ok());
    ASSERT_TRUE(FromHex(RandomHex(32), &key_));
    sealer_ = std::make_unique<RowSealer>(key_);
    db_->SetChangeHook([this](std::string_view t, std::int64_t rowid) { sealer_->Note(t, rowid); });
    InstallSealKey(db_->path(), key_);
    SetIntegrityViolationHandler([this](const IntegrityViolation& v) { reported_.push_back(v); });
  }
  void TearDown() override {
    SetIntegrityViolationHandler(nullptr);
    RemoveSealKey(db_->path());
    db_->SetChangeHook(nullptr);
    StoreFixture::TearDown();
  }

  // Writes as the engine does: the statement, then the seals of what it changed.
  void Write(const std::string& sql, std::int64_t seq = 1) {
    sealer_->Forget();
    ASSERT_TRUE(db_->Exec(sql).ok()) << sql;
    Status s = sealer_->SealNoted(*db_, seq);
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  // Writes as someone with the database file would: no seal.
  void Tamper(const std::string& sql) {
    db_->SetChangeHook(nullptr);
    ASSERT_TRUE(db_->Exec(sql).ok()) << sql;
    db_->SetChangeHook([this](std::string_view t, std::int64_t rowid) { sealer_->Note(t, rowid); });
  }

  std::string key_;
  std::unique_ptr<RowSealer> sealer_;
  std::vector<IntegrityViolation> reported_;
};

TEST_F(RowSealTest, ARowWrittenByTheWriterPassesItsCheck) {
  ORDO_VERIFIES("P11-01", "ORDO-INTEGRITY-01");
  Write("INSERT INTO sealed_thing VALUES(1, 'pump', 5, 'x')");
  Write("UPDATE sealed_thing SET level = 6 WHERE id = 1", 2);
  EXPECT_TRUE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  // A column the seal does not cover may change; a missing row is not a violation.
  Tamper("UPDATE sealed_thing SET note = 'y' WHERE id = 1");
  EXPECT_TRUE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  EXPECT_TRUE(CheckSealedRow(*db_, kTable, {"2"}).ok());
  EXPECT_TRUE(reported_.empty());
}

TEST_F(RowSealTest, AnEditedRowIsRefusedNamingTableAndKeyAndReported) {
  ORDO_VERIFIES("P11-01", "DI-04", "ORDO-INTEGRITY-01", "ORDO-INTEGRITY-02");
  Write("INSERT INTO sealed_thing VALUES(1, 'pump', 5, NULL)");
  Tamper("UPDATE sealed_thing SET level = 50 WHERE id = 1");
  Status s = CheckSealedRow(*db_, kTable, {"1"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kIntegrityViolation);
  EXPECT_EQ(std::string(ErrorCodeName(s.error().code)), "integrity_violation");
  EXPECT_EQ(HttpStatusFor(s.error().code), 500);
  EXPECT_NE(s.error().message.find("sealed_thing id=1 does not match its seal"), std::string::npos)
      << s.error().message;
  ASSERT_EQ(reported_.size(), 1u);
  EXPECT_EQ(reported_[0].table, kTable);
  EXPECT_EQ(reported_[0].key, "id=1");
  EXPECT_EQ(reported_[0].found_by, "decision");
  // NULL and the text "NULL" are different contents.
  Write("INSERT INTO sealed_thing VALUES(2, NULL, 1, NULL)");
  Tamper("UPDATE sealed_thing SET name = 'NULL' WHERE id = 2");
  EXPECT_FALSE(CheckSealedRow(*db_, kTable, {"2"}).ok());
}

TEST_F(RowSealTest, ARowCheckedBeforeIsCheckedAgainInFullOnceItOrItsSealChanged) {
  ORDO_VERIFIES("P11-01", "ORDO-INTEGRITY-01");
  // A small row is checked in full every time (not remembered: its HMAC costs about what
  // remembering it would).
  Write("INSERT INTO sealed_thing VALUES(2, 'valve', 1, NULL)");
  const std::uint64_t hits_before = VerifiedSealHitsOnThisThread();
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(CheckSealedRow(*db_, kTable, {"2"}).ok());
  EXPECT_EQ(VerifiedSealHitsOnThisThread(), hits_before);
  // A row of kilobytes (as a source with its device map) read many times (the ingest reads
  // its source's row for every message): the same row and seal pass without the HMAC
  // computed again, and each change is still found.
  const std::string big(3000, 'p');
  Write("INSERT INTO sealed_thing VALUES(1, '" + big + "', 5, NULL)");
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  EXPECT_EQ(VerifiedSealHitsOnThisThread(), hits_before + 2);
  Tamper("UPDATE sealed_thing SET level = 50 WHERE id = 1");
  EXPECT_FALSE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  Tamper("UPDATE sealed_thing SET level = 5 WHERE id = 1");  // back as sealed
  EXPECT_TRUE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  Tamper("UPDATE row_seal SET mac = '" + Sha256Hex("anything") + "' WHERE row_key = 'id=1'");
  EXPECT_FALSE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  Tamper("DELETE FROM row_seal WHERE row_key = 'id=1'");
  EXPECT_FALSE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  // Sealed again by the writer under a new key: the row checks against the new key only.
  std::string other;
  ASSERT_TRUE(FromHex(RandomHex(32), &other));
  InstallSealKey(db_->path(), other);
  EXPECT_FALSE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  sealer_ = std::make_unique<RowSealer>(other);
  Write("UPDATE sealed_thing SET level = 7 WHERE id = 1", 3);
  EXPECT_TRUE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  InstallSealKey(db_->path(), key_);
  EXPECT_FALSE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  EXPECT_EQ(reported_.size(), 5u);
}

TEST_F(RowSealTest, ARowInsertedOrASealCopiedOutsideTheWriterIsRefused) {
  ORDO_VERIFIES("P11-01", "ORDO-INTEGRITY-01");
  Write("INSERT INTO sealed_thing VALUES(1, 'pump', 5, NULL)");
  Tamper("INSERT INTO sealed_thing VALUES(2, 'pump', 5, NULL)");
  Status unsealed = CheckSealedRow(*db_, kTable, {"2"});
  ASSERT_FALSE(unsealed.ok());
  EXPECT_NE(unsealed.error().message.find("has no seal"), std::string::npos);
  // Row 1's seal does not fit row 2 even with equal content: the key is sealed too.
  Tamper(
      "INSERT INTO row_seal(tbl, row_key, mac, seq) SELECT tbl, 'id=2', mac, seq FROM "
      "row_seal WHERE row_key = 'id=1'");
  EXPECT_FALSE(CheckSealedRow(*db_, kTable, {"2"}).ok());
  // A seal recomputed without the key (a plain hash) does not fit either.
  Tamper("UPDATE row_seal SET mac = '" + Sha256Hex("anything") + "' WHERE row_key = 'id=2'");
  EXPECT_FALSE(CheckSealedRow(*db_, kTable, {"2"}).ok());
}

TEST_F(RowSealTest, ARowReadByItsReaderIsCheckedOnTheContentItRead) {
  ORDO_VERIFIES("P11-01", "ORDO-INTEGRITY-01", "ORDO-PERF-02");
  Write("INSERT INTO sealed_thing VALUES(1, 'pump', 5, NULL), (2, NULL, 7, NULL)");
  EXPECT_TRUE(CheckSealedContent(*db_, kTable, {"1"}, {"1", "pump", "5"}).ok());
  EXPECT_TRUE(CheckSealedContent(*db_, kTable, {"2"}, {"2", std::nullopt, "7"}).ok());
  // Content that is not what the writer sealed (as read from an edited row) is refused
  // and reported like CheckSealedRow's refusal.
  Status edited = CheckSealedContent(*db_, kTable, {"1"}, {"1", "pump", "50"});
  ASSERT_FALSE(edited.ok());
  EXPECT_EQ(edited.error().code, ErrorCode::kIntegrityViolation);
  EXPECT_NE(edited.error().message.find("sealed_thing id=1 does not match its seal"),
            std::string::npos);
  ASSERT_EQ(reported_.size(), 1u);
  EXPECT_EQ(reported_[0].key, "id=1");
  EXPECT_FALSE(CheckSealedContent(*db_, kTable, {"2"}, {"2", "NULL", "7"}).ok());
  // Another row's content under this row's key does not fit, and an unsealed row fails.
  EXPECT_FALSE(CheckSealedContent(*db_, kTable, {"2"}, {"1", "pump", "5"}).ok());
  Tamper("INSERT INTO sealed_thing VALUES(3, 'pump', 5, NULL)");
  Status unsealed = CheckSealedContent(*db_, kTable, {"3"}, {"3", "pump", "5"});
  ASSERT_FALSE(unsealed.ok());
  EXPECT_NE(unsealed.error().message.find("has no seal"), std::string::npos);
}

TEST_F(RowSealTest, WithoutAnInstalledKeyNothingIsChecked) {
  ORDO_VERIFIES("ORDO-INTEGRITY-01");
  Write("INSERT INTO sealed_thing VALUES(1, 'pump', 5, NULL)");
  Tamper("UPDATE sealed_thing SET level = 50 WHERE id = 1");
  RemoveSealKey(db_->path());
  EXPECT_TRUE(CheckSealedRow(*db_, kTable, {"1"}).ok());
  InstallSealKey(db_->path(), key_);
  EXPECT_FALSE(CheckSealedRow(*db_, kTable, {"1"}).ok());
}

TEST_F(RowSealTest, TheAuditScanListsEveryBadRowAndACleanTableIsClean) {
  ORDO_VERIFIES("P11-01", "ORDO-INTEGRITY-04");
  Write("INSERT INTO sealed_thing VALUES(1, 'a', 1, NULL), (2, 'b', 2, NULL), (3, 'c', 3, NULL)");
  auto clean = FindUnsealedRows(*db_, key_);
  ASSERT_TRUE(clean.ok());
  EXPECT_TRUE(clean->empty());
  Tamper("UPDATE sealed_thing SET name = 'z' WHERE id = 3");
  Tamper("INSERT INTO sealed_thing VALUES(4, 'd', 4, NULL)");
  auto found = FindUnsealedRows(*db_, key_);
  ASSERT_TRUE(found.ok());
  std::vector<IntegrityViolation> of_table;
  for (const auto& v : *found)
    if (v.table == kTable) of_table.push_back(v);
  ASSERT_EQ(of_table.size(), 2u);
  EXPECT_EQ(of_table[0].key, "id=3");
  EXPECT_EQ(of_table[0].detail, "does not match its seal");
  EXPECT_EQ(of_table[1].key, "id=4");
  EXPECT_EQ(of_table[1].found_by, "audit");
  // SealAllRows (the first start with seals) accepts the rows as they are.
  ASSERT_TRUE(SealAllRows(*db_, key_, *FindGuardedTable(kTable), 9).ok());
  auto resealed = FindUnsealedRows(*db_, key_);
  ASSERT_TRUE(resealed.ok());
  EXPECT_TRUE(resealed->empty());
}

TEST_F(RowSealTest, TheSealFileRoundTripsWithOwnerOnlyMode) {
  ORDO_VERIFIES("ORDO-INTEGRITY-01");
  DataDir dir{root_};
  std::filesystem::create_directories(dir.KeysDir());
  auto none = ReadSealState(dir);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  SealState state{key_, {{kTable, "id|id,name,level"}}};
  ASSERT_TRUE(WriteSealState(dir, state).ok());
  auto read = ReadSealState(dir);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->key, key_);
  EXPECT_EQ((*read)->sealed, state.sealed);
  struct stat st {};
  ASSERT_EQ(::stat(SealStatePath(dir).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ofstream(SealStatePath(dir)) << "{\"key\":\"00\"}";
  EXPECT_FALSE(ReadSealState(dir).ok());
}

}  // namespace
}  // namespace ordo::store
