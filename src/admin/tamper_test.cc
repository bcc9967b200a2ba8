// Tamper tests: an attacker edits a real ordo.db with sqlite3; VerifyDataDir must name the row.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "admin/data_dir_ops.h"
#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "engine/engine.h"
#include "mes/logbook/commands/record_entry.h"
#include "storage/sqlite/sqlite_database.h"
#include "store/ledger_store.h"

namespace ordo::admin {
namespace {

constexpr TimeMicros kT0 = 1'795'597'445'000'000;

class TamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    char tmpl[] = "/tmp/ordo_tamper_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    dir_.root = root_ + "/data";
    InitOptions init;
    init.dir = dir_;
    init.admin_password = "admin-password-1";
    auto r = InitDataDir(init, clock_);
    ASSERT_TRUE(r.ok()) << r.error().message;
    {
      engine::EngineOptions options;
      options.data_dir = dir_;
      options.clock = &clock_;
      options.checkpoint_every_entries = 3;
      auto e = engine::Engine::Start(options);
      ASSERT_TRUE(e.ok()) << e.error().message;
      for (int i = 0; i < 9; ++i) {
        clock_.Advance(1'000'000);
        auto done = (*e)->SubmitAndWait(logbook::RecordLogbookEntry(
            engine::Actor{7, "op", "operator", ledger::Origin{3, "10.0.0.7", "Line 3 HMI"}},
            logbook::RecordEntry{"GRAN-01", "use", "batch " + std::to_string(i), {}, {}}));
        ASSERT_TRUE(done.ok()) << done.error().message;
      }
      (*e)->Stop();
    }
    auto db = store::OpenStore(dir_, storage::OpenMode::kReadOnly);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(store::ForEachEntry(**db, [&](const ledger::LedgerEntry& e) {
                  entries_.push_back(e);
                  return true;
                }).ok());
    auto cps = store::ReadCheckpoints(**db);
    ASSERT_TRUE(cps.ok());
    checkpoints_ = *cps;
    ASSERT_GE(checkpoints_.size(), 2u);
    ASSERT_EQ(entries_.size(), 12u);  // incl. signature policy v1 published at init
    ledger::VerifyReport clean = VerifyDataDir(dir_);
    ASSERT_TRUE(clean.ok) << clean.message;
    ASSERT_EQ(clean.checkpoints, static_cast<std::int64_t>(checkpoints_.size()));
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  // Runs SQL as an attacker would: a plain connection to the file, straight through
  // the SQLite driver (no ordo code between). Returns kSqlOk or kSqlFailed.
  static constexpr int kSqlOk = 0, kSqlFailed = 1;
  int Sql(const std::string& sql, std::string* error = nullptr) {
    auto db = storage::OpenSqlite(dir_.DatabasePath(), storage::OpenMode::kReadWrite);
    EXPECT_TRUE(db.ok());
    if (!db.ok()) return kSqlFailed;
    Status s = (*db)->Exec(sql);
    if (error) *error = s.ok() ? "" : s.error().message;
    return s.ok() ? kSqlOk : kSqlFailed;
  }
  void Attack(const std::string& sql) { ASSERT_EQ(Sql(sql), kSqlOk) << sql; }
  void DropLedgerTriggers() {
    Attack(
        "DROP TRIGGER ledger_no_update; DROP TRIGGER ledger_no_delete; DROP TRIGGER "
        "ledger_append_only;");
  }

  // An SQL string literal ('' doubles a quote).
  static std::string Quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  }
  static std::string Values(const ledger::LedgerEntry& e) {
    return std::to_string(e.time_us) + ", " + Quote(e.actor) + ", " + Quote(e.role) + ", " +
           Quote(e.type) + ", " + std::to_string(e.schema_version) + ", " + Quote(e.subject.kind) +
           ", " + Quote(e.subject.id) + ", " + std::to_string(e.subject.version) + ", " +
           Quote(CanonicalJson(e.payload)) + ", " + (e.reason ? Quote(*e.reason) : "NULL") + ", " +
           Quote(CanonicalJson(e.signatures)) + ", " + Quote(e.prev_hash) + ", " + Quote(e.hash) +
           ", " + (e.origin ? Quote(CanonicalJson(ledger::ToJson(*e.origin))) : "NULL");
  }
  // Overwrites every column of row `seq` with `content` (its seq is ignored).
  void Overwrite(std::int64_t seq, const ledger::LedgerEntry& content) {
    Attack(
        "UPDATE ledger SET (time_us, actor, role, type, schema_version, subject_kind, "
        "subject_id, subject_version, payload, reason, signatures, prev_hash, hash, origin) = (" +
        Values(content) + ") WHERE seq = " + std::to_string(seq));
  }
  void Insert(const ledger::LedgerEntry& e) {
    Attack("INSERT INTO ledger VALUES(" + std::to_string(e.seq) + ", " + Values(e) + ")");
  }

  // Changes the payload of `seq`, recomputes every hash from there on and updates all rows.
  std::vector<ledger::LedgerEntry> RewriteFrom(std::int64_t seq) {
    std::vector<ledger::LedgerEntry> rewritten = entries_;
    rewritten[seq - 1].payload["text"] = "rewritten history";
    for (std::size_t i = seq - 1; i < rewritten.size(); ++i) {
      rewritten[i].prev_hash = i == 0 ? ledger::kGenesisHash : rewritten[i - 1].hash;
      rewritten[i].hash = ledger::ComputeHash(rewritten[i]);
    }
    for (const auto& e : rewritten) Overwrite(e.seq, e);
    return rewritten;
  }

  bool IsCheckpointSeq(std::int64_t seq) const {
    return std::any_of(checkpoints_.begin(), checkpoints_.end(),
                       [&](const ledger::Checkpoint& c) { return c.seq == seq; });
  }
  // A logbook row in the middle, neither it nor its successor signed by a checkpoint.
  std::int64_t MiddleSeq() const {
    for (std::int64_t s = 4; s < head(); ++s)
      if (!IsCheckpointSeq(s) && !IsCheckpointSeq(s + 1)) return s;
    ADD_FAILURE() << "no unsigned middle row";
    return 4;
  }
  std::int64_t head() const { return entries_.back().seq; }

  void ExpectCaught(std::int64_t seq, const std::string& words = "") {
    ledger::VerifyReport r = VerifyDataDir(dir_);
    EXPECT_FALSE(r.ok) << "tampering not detected";
    EXPECT_EQ(r.first_bad_seq, seq) << r.message;
    EXPECT_NE(r.message.find("seq " + std::to_string(seq)), std::string::npos) << r.message;
    EXPECT_NE(r.message.find(words), std::string::npos) << r.message;
  }

  FakeClock clock_{kT0};
  std::string root_;
  store::DataDir dir_;
  std::vector<ledger::LedgerEntry> entries_;
  std::vector<ledger::Checkpoint> checkpoints_;
};

TEST_F(TamperTest, TriggersRefuseUpdateAndDelete) {
  ORDO_VERIFIES("P11-05", "ORDO-LEDGER-02");
  const char* refused[] = {
      "UPDATE ledger SET payload = '{}' WHERE seq = 3",
      "DELETE FROM ledger WHERE seq = 3",
      "UPDATE checkpoint SET time_us = 0",
      "DELETE FROM checkpoint",
      // REPLACE deletes without firing DELETE triggers; the insert trigger stops it.
      "INSERT OR REPLACE INTO ledger SELECT * FROM ledger WHERE seq = 3",
      "INSERT OR REPLACE INTO checkpoint SELECT * FROM checkpoint ORDER BY seq LIMIT 1",
      // A new row must take the next seq: no gaps.
      "INSERT INTO ledger SELECT seq + 100, time_us, actor, role, type, schema_version, "
      "subject_kind, subject_id, subject_version, payload, reason, signatures, prev_hash, hash, "
      "origin FROM ledger WHERE seq = 3",
  };
  for (const char* sql : refused) {
    std::string error;
    EXPECT_NE(Sql(sql, &error), kSqlOk) << sql;
    EXPECT_NE(error.find("append-only"), std::string::npos) << error;
  }
  ledger::VerifyReport r = VerifyDataDir(dir_);
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.entries, head());
}

TEST_F(TamperTest, ChangedPayload) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  DropLedgerTriggers();
  const std::int64_t seq = MiddleSeq();
  Attack("UPDATE ledger SET payload = json_set(payload, '$.text', 'forged') WHERE seq = " +
         std::to_string(seq));
  ExpectCaught(seq);
}

TEST_F(TamperTest, ChangedTime) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  DropLedgerTriggers();
  const std::int64_t seq = MiddleSeq();
  Attack("UPDATE ledger SET time_us = time_us - 3600000000 WHERE seq = " + std::to_string(seq));
  ExpectCaught(seq, "does not match the entry's content");
}

TEST_F(TamperTest, ChangedOrigin) {
  ORDO_VERIFIES("DI-01", "P11-01", "ORDO-LEDGER-08");
  DropLedgerTriggers();
  const std::int64_t seq = MiddleSeq();
  ASSERT_TRUE(entries_[seq - 1].origin.has_value());
  Attack("UPDATE ledger SET origin = json_set(origin, '$.terminal', 'Office PC') WHERE seq = " +
         std::to_string(seq));
  ExpectCaught(seq, "does not match the entry's content");
}

TEST_F(TamperTest, RemovedOrigin) {
  ORDO_VERIFIES("DI-01", "P11-01");
  DropLedgerTriggers();
  const std::int64_t seq = MiddleSeq() + 1;
  Attack("UPDATE ledger SET origin = NULL WHERE seq = " + std::to_string(seq));
  ExpectCaught(seq, "does not match the entry's content");
}

TEST_F(TamperTest, DeletedMiddleRow) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  DropLedgerTriggers();
  const std::int64_t seq = MiddleSeq();
  Attack("DELETE FROM ledger WHERE seq = " + std::to_string(seq));
  ExpectCaught(seq, "missing");
}

TEST_F(TamperTest, SwappedContentOfTwoRows) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  DropLedgerTriggers();
  const std::int64_t a = MiddleSeq(), b = a + 2;
  ASSERT_LE(b, head());
  Overwrite(a, entries_[b - 1]);
  Overwrite(b, entries_[a - 1]);
  ExpectCaught(a);
}

TEST_F(TamperTest, ForgedRowAfterHeadWithWrongHash) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  ledger::LedgerEntry forged = entries_.back();
  forged.seq = head() + 1;
  forged.payload["text"] = "forged";
  forged.prev_hash = entries_.back().hash;
  forged.hash = Sha256Hex("not the real hash");
  Insert(forged);  // INSERT needs no dropped trigger
  ExpectCaught(head() + 1, "does not match");
}

TEST_F(TamperTest, ForgedRowReusingADeletedSeq) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-01");
  DropLedgerTriggers();
  const std::int64_t seq = MiddleSeq();
  Attack("DELETE FROM ledger WHERE seq = " + std::to_string(seq));
  // A well-formed forgery: right seq, linked to its predecessor, its own hash correct.
  ledger::LedgerEntry forged = entries_[seq - 1];
  forged.payload["text"] = "forged";
  forged.hash = ledger::ComputeHash(forged);
  Insert(forged);
  // Its successor no longer links to it.
  ExpectCaught(seq + 1, "prev_hash");
}

TEST_F(TamperTest, ConsistentRewriteOfTheWholeChain) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-03");
  DropLedgerTriggers();
  const std::int64_t seq = 4;
  RewriteFrom(seq);
  // Every hash link holds, so only a signed checkpoint at or after seq 4 can catch it.
  std::int64_t first_signed = 0;
  for (const auto& c : checkpoints_)
    if (c.seq >= seq && (first_signed == 0 || c.seq < first_signed)) first_signed = c.seq;
  ASSERT_GT(first_signed, seq);
  ExpectCaught(first_signed, "checkpoint at seq");
}

TEST_F(TamperTest, DeletedCheckpointsCaughtThroughTheCheckpointLog) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-03");
  Attack("DROP TRIGGER checkpoint_no_delete");
  const std::int64_t middle = checkpoints_[1].seq;
  Attack("DELETE FROM checkpoint WHERE seq = " + std::to_string(middle));
  ExpectCaught(middle, "checkpoint log");
  Attack("DELETE FROM checkpoint");
  ExpectCaught(checkpoints_[0].seq, "checkpoint log");
}

TEST_F(TamperTest, RewriteWithCheckpointsResignedUnderANewKey) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-03");
  // The attacker rewrites the chain, replaces every checkpoint with one signed by their own
  // key and records that key in meta; the key file outside the database still wins.
  DropLedgerTriggers();
  Attack("DROP TRIGGER checkpoint_no_delete");
  const auto rewritten = RewriteFrom(4);
  const SigningKeyPair forged = GenerateSigningKeyPair();
  Attack("DELETE FROM checkpoint; UPDATE meta SET value = " + Quote(forged.public_key_hex) +
         " WHERE key = 'ledger_public_key'");
  for (const auto& c : checkpoints_) {
    const auto resigned =
        ledger::SignCheckpoint(c.seq, rewritten[c.seq - 1].hash, c.time_us, forged.secret_key_hex);
    Attack("INSERT INTO checkpoint VALUES(" + std::to_string(resigned.seq) + ", " +
           Quote(resigned.head_hash) + ", " + std::to_string(resigned.time_us) + ", " +
           Quote(resigned.public_key) + ", " + Quote(resigned.signature) + ")");
  }
  // Self-consistent under the forged key: only the key file outside the database tells.
  EXPECT_TRUE(VerifyDatabaseFile(dir_.DatabasePath(), "").ok);
  ledger::VerifyReport r = VerifyDataDir(dir_);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 0) << r.message;
  EXPECT_NE(r.message.find("public key"), std::string::npos) << r.message;
}

TEST_F(TamperTest, ReplacedPublicKeyInMeta) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-03");
  Attack("UPDATE meta SET value = " + Quote(GenerateSigningKeyPair().public_key_hex) +
         " WHERE key = 'ledger_public_key'");
  ledger::VerifyReport r = VerifyDataDir(dir_);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 0);
  EXPECT_NE(r.message.find("public key"), std::string::npos) << r.message;
  Attack("DELETE FROM meta WHERE key = 'ledger_public_key'");
  EXPECT_FALSE(VerifyDataDir(dir_).ok);
}

}  // namespace
}  // namespace ordo::admin
