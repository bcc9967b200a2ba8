// Tests of one integrity audit run (admin/integrity_audit.h): incremental chain checks
// from a cursor, checkpoints, and the guarded rows.
#include "admin/integrity_audit.h"

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "ledger/checkpoint.h"
#include "store/testing/store_fixture.h"

namespace ordo::admin {
namespace {

class IntegrityAuditTest : public store::testing::StoreFixture {
 protected:
  void AppendN(int n) {
    for (int i = 0; i < n; ++i)
      Append("ledger.initialized", "system", "site",
             Json{{"public_key", keys_.public_key_hex}, {"site", "s"}});
  }
  Result<AuditReport> Run(const AuditCursor& from) {
    return AuditStore(*db_, seal_key_, keys_.public_key_hex, from);
  }
  SigningKeyPair keys_ = GenerateSigningKeyPair();
  std::string seal_key_ = std::string(32, 'k');
};

TEST_F(IntegrityAuditTest, ARunChecksOnlyTheEntriesSinceTheLastAndTheirCheckpoints) {
  ORDO_VERIFIES("P11-01", "DI-07", "ORDO-INTEGRITY-04");
  AppendN(5);
  ASSERT_TRUE(store::AppendCheckpoint(
                  *db_, ledger::SignCheckpoint(3, entries_[2].hash, kT0, keys_.secret_key_hex))
                  .ok());
  auto first = Run({});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->violations.empty());
  EXPECT_EQ(first->entries_checked, 5);
  EXPECT_EQ(first->checkpoints_checked, 1);
  EXPECT_EQ(first->cursor.seq, 5);
  EXPECT_EQ(first->cursor.hash, entries_[4].hash);
  AppendN(2);
  auto second = Run(first->cursor);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->violations.empty());
  EXPECT_EQ(second->entries_checked, 2);
  EXPECT_EQ(second->cursor.seq, 7);
  auto idle = Run(second->cursor);
  ASSERT_TRUE(idle.ok());
  EXPECT_EQ(idle->entries_checked, 0);
}

TEST_F(IntegrityAuditTest, AnEditedEntryOrAForeignCheckpointIsNamedAndTheCursorStaysBefore) {
  ORDO_VERIFIES("P11-01", "DI-04", "ORDO-INTEGRITY-04");
  AppendN(4);
  auto clean = Run({});
  ASSERT_TRUE(clean.ok());
  AppendN(2);
  ASSERT_TRUE(db_->Exec("DROP TRIGGER ledger_no_update").ok());
  ASSERT_TRUE(db_->Exec("UPDATE ledger SET actor = 'mallory' WHERE seq = 5").ok());
  auto edited = Run(clean->cursor);
  ASSERT_TRUE(edited.ok());
  ASSERT_EQ(edited->violations.size(), 1u);
  EXPECT_EQ(edited->violations[0].table, "ledger");
  EXPECT_EQ(edited->violations[0].key, "seq=5");
  EXPECT_EQ(edited->cursor.seq, 4);  // the next run checks seq 5 again
  ASSERT_TRUE(db_->Exec("UPDATE ledger SET actor = 'system' WHERE seq = 5").ok());
  const SigningKeyPair other = GenerateSigningKeyPair();
  ASSERT_TRUE(store::AppendCheckpoint(
                  *db_, ledger::SignCheckpoint(6, entries_[5].hash, kT0, other.secret_key_hex))
                  .ok());
  auto foreign = Run(clean->cursor);
  ASSERT_TRUE(foreign.ok());
  ASSERT_EQ(foreign->violations.size(), 1u);
  EXPECT_EQ(foreign->violations[0].table, "checkpoint");
  EXPECT_EQ(foreign->violations[0].key, "seq=6");
}

}  // namespace
}  // namespace ordo::admin
