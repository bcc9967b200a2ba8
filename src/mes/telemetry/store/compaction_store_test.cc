// Retention on real SQLite with the engine: sealed batches past their tag's raw_days are
// compacted into per-minute rollup rows under a telemetry.batch_compacted entry, their raw
// rows deleted once that entry is durable; `ordo ledger verify` accepts the missing raw
// rows of compacted batches only, checks the rollup rows against their entry, and names
// an edited or deleted rollup row and raw rows deleted without a compaction.
#include "mes/telemetry/store/telemetry_test_fixture.h"

namespace ordo::telemetry {
namespace {

using namespace test_fixture;

constexpr TimeMicros kDay = 24 * 3600 * kS;

class CompactionStoreTest : public TelemetryStoreTest {
 protected:
  // 2500 samples of T1 in three sealed batches: 2000 in the minute from kT0, 500 in the
  // next.
  void IngestAndSeal() {
    Ingest(1, 1000);
    Ingest(2, 1000);
    Ingest(7, 500);
    Run(SealCommand(30 * kS, true));
  }
  ledger::VerifyReport Verify() { return admin::VerifyDataDir(dir_); }
};

TEST_F(CompactionStoreTest, DueBatchesBecomeMinuteRollupsAndTheRawRowsGoAfterTheEntry) {
  ORDO_VERIFIES("ORDO-TEL-23", "ORDO-TEL-24", "ORDO-TEL-25", "ORDO-TEL-26");
  IngestAndSeal();
  // T1 keeps raw samples 30 days: nothing is due after 29.
  Json early = Run(CompactCommand(kT0 + 29 * kDay, 100));
  EXPECT_EQ(early["compacted"], 0);
  EXPECT_EQ(EntriesOfType(BatchCompacted::kType), 0);
  Json first = Run(CompactCommand(kT0 + 31 * kDay, 100));
  EXPECT_EQ(first["compacted"], 3);
  EXPECT_EQ(first["raw_rows"], 2500);
  EXPECT_EQ(first["rollup_rows"], 2);
  EXPECT_EQ(first["purged"], 0);  // the raw rows stay until the entry is durable
  EXPECT_EQ(Rows(), 2500);
  EXPECT_EQ(EntriesOfType(BatchCompacted::kType), 1);
  {
    // Meanwhile the values count each sample once (the rollup is not used yet).
    auto file = OpenTelemetryFile(dir_.root + "/telemetry.sqlite", storage::OpenMode::kReadOnly);
    ASSERT_TRUE(file.ok());
    auto points = ValuesOf(**file, "T1", kT0, kT0 + 3600 * kS, 100000);
    ASSERT_TRUE(points.ok());
    EXPECT_EQ(points->size(), 2500u);
  }
  ledger::VerifyReport r = Verify();
  ASSERT_TRUE(r.ok) << r.message;
  Json second = Run(CompactCommand(kT0 + 31 * kDay, 100));
  EXPECT_EQ(second["compacted"], 0);
  EXPECT_EQ(second["purged"], 2500);
  EXPECT_EQ(Rows(), 0);
  {
    auto file = OpenTelemetryFile(dir_.root + "/telemetry.sqlite", storage::OpenMode::kReadOnly);
    ASSERT_TRUE(file.ok());
    auto points = ValuesOf(**file, "T1", kT0, kT0 + 3600 * kS, 100000);
    ASSERT_TRUE(points.ok());
    ASSERT_EQ(points->size(), 2u);
    EXPECT_EQ((*points)[0].time_us, kT0);
    EXPECT_EQ((*points)[0].count, 2000);
    EXPECT_EQ((*points)[0].min, 0);
    EXPECT_EQ((*points)[0].max, 999);
    EXPECT_EQ((*points)[0].sum, 2 * 999 * 1000 / 2);
    EXPECT_EQ((*points)[1].time_us, kT0 + 60 * kS);
    EXPECT_EQ((*points)[1].count, 500);
  }
  StopEngine();
  r = Verify();
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NE(r.message.find("telemetry: 3 batches (0 rows) match their seals, 0 rows not sealed "
                           "yet, 1 compactions (2500 raw rows compacted, 2 rollup rows) match "
                           "their entries"),
            std::string::npos)
      << r.message;
}

TEST_F(CompactionStoreTest, CompactionGivesWayToAPersonWaitingWritingNothing) {
  ORDO_VERIFIES("ORDO-ENGINE-09", "ORDO-TEL-23");
  IngestAndSeal();
  std::atomic<std::size_t> waiting{1};
  auto turns = std::make_shared<engine::GiveWay>(1);  // one turn in a row
  const auto compact = [&] {
    return Run(WithPeopleWaiting(CompactCommand(kT0 + 31 * kDay, 100, turns), &waiting));
  };
  const std::int64_t head = engine_->head_seq();
  Json gave = compact();
  EXPECT_EQ(gave["gave_way"], true);
  EXPECT_EQ(gave["more"], true);
  EXPECT_EQ(gave["compacted"], 0);
  EXPECT_EQ(engine_->head_seq(), head);
  EXPECT_EQ(EntriesOfType(BatchCompacted::kType), 0);
  // Its turn used, the next runs to its end.
  Json first = compact();
  EXPECT_EQ(first["compacted"], 3);
  EXPECT_FALSE(first.contains("gave_way"));
  // The raw rows of the recorded compaction are deleted by the next command, not by one
  // that gives way.
  EXPECT_EQ(compact()["gave_way"], true);
  EXPECT_EQ(Rows(), 2500);
  waiting = 0;
  EXPECT_EQ(compact()["purged"], 2500);
  EXPECT_EQ(Rows(), 0);
  ledger::VerifyReport r = Verify();
  ASSERT_TRUE(r.ok) << r.message;
}

TEST_F(CompactionStoreTest, NewerSamplesStayRawAndLaterBatchesFormTheirOwnCompaction) {
  ORDO_VERIFIES("ORDO-TEL-23", "ORDO-TEL-26");
  IngestAndSeal();
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  Ingest(9, 10);  // received now, device time kT0 + 90 s
  Run(SealCommand(30 * kS, true));
  // The new batch is as old as the others by device time: a second compaction.
  Json again = Run(CompactCommand(kT0 + 31 * kDay, 100));
  EXPECT_EQ(again["compacted"], 1);
  EXPECT_EQ(again["purged"], 2500);
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  EXPECT_EQ(Rows(), 0);
  StopEngine();
  ledger::VerifyReport r = Verify();
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NE(r.message.find("2 compactions (2510 raw rows compacted, 3 rollup rows)"),
            std::string::npos)
      << r.message;
}

TEST_F(CompactionStoreTest, BatchesOfATagKeptLongerArePassedOverAndLaterDueOnesCompacted) {
  ORDO_VERIFIES("ORDO-TEL-23");
  TagDefined kept;
  kept.name = "T2";
  kept.work_unit = "WU-1";
  kept.raw_days = 365;
  Run(Recording({ledger::MakeEvent(kept, kTagSubject, "T2")}));
  // Five full batches of T2 (kept a year), then one of T1 (30 days).
  for (int seq = 1; seq <= 5; ++seq) Ingest(seq, 1000, 0, "T2");
  Ingest(6, 1000);
  Run(SealCommand(30 * kS, true));
  // One batch per run: the T2 batches are looked at and passed over; batch 6 is compacted.
  Json c = Run(CompactCommand(kT0 + 31 * kDay, 1));
  EXPECT_EQ(c["compacted"], 1);
  EXPECT_EQ(c["raw_rows"], 1000);
  Run(CompactCommand(kT0 + 31 * kDay, 1));
  EXPECT_EQ(Rows("tag = 'T1'"), 0);
  EXPECT_EQ(Rows("tag = 'T2'"), 5000);
  // A year on, T2 is due too.
  EXPECT_EQ(Run(CompactCommand(kT0 + 366 * kDay, 100))["compacted"], 5);
  StopEngine();
  ledger::VerifyReport r = Verify();
  ASSERT_TRUE(r.ok) << r.message;
}

TEST_F(CompactionStoreTest, VerifyNamesAnEditedRollupRow) {
  ORDO_VERIFIES("ORDO-TEL-27");
  IngestAndSeal();
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  StopEngine();
  ASSERT_TRUE(Verify().ok);
  Attack("UPDATE rollup SET max = '5000' WHERE minute_us = " + std::to_string(kT0 + 60 * kS));
  ledger::VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry compaction 1: rollup row of tag T1 at 2026-11-30T08:01:00"),
            std::string::npos)
      << r.message;
  EXPECT_GT(r.first_bad_seq, 0);
}

TEST_F(CompactionStoreTest, VerifyNamesADeletedRollupRow) {
  ORDO_VERIFIES("ORDO-TEL-27");
  IngestAndSeal();
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  StopEngine();
  Attack("DELETE FROM rollup WHERE minute_us = " + std::to_string(kT0));
  ledger::VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry compaction 1: 1 of its 2 rollup rows were deleted"),
            std::string::npos)
      << r.message;
}

TEST_F(CompactionStoreTest, VerifyNamesAPurgedFlagSetWhileTheRawRowsAreThere) {
  ORDO_VERIFIES("ORDO-TEL-27");
  IngestAndSeal();
  Run(CompactCommand(kT0 + 31 * kDay, 100));  // recorded, the raw rows not deleted yet
  StopEngine();
  ASSERT_TRUE(Verify().ok);
  // Flagged purged, the rollup is read besides the raw rows: each minute counts twice.
  Attack("UPDATE compaction SET purged = 1 WHERE number = 1");
  ledger::VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry compaction 1: marked purged but 3 of its batches still "
                           "have their raw rows"),
            std::string::npos)
      << r.message;
  EXPECT_GT(r.first_bad_seq, 0);
}

TEST_F(CompactionStoreTest, VerifyNamesAPurgedFlagClearedWhileTheRawRowsAreGone) {
  ORDO_VERIFIES("ORDO-TEL-27");
  IngestAndSeal();
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  Run(CompactCommand(kT0 + 31 * kDay, 100));  // the raw rows deleted, flagged purged
  StopEngine();
  ASSERT_TRUE(Verify().ok);
  // Flag cleared: the rollup is no longer read, the compacted history disappears.
  Attack("UPDATE compaction SET purged = 0 WHERE number = 1");
  ledger::VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry compaction 1: not marked purged but the raw rows of 3 of "
                           "its batches are gone"),
            std::string::npos)
      << r.message;
  EXPECT_GT(r.first_bad_seq, 0);
}

TEST_F(CompactionStoreTest, RawRowsDeletedWithoutACompactionAreNamed) {
  ORDO_VERIFIES("ORDO-TEL-27");
  IngestAndSeal();
  StopEngine();
  Attack("DELETE FROM sample WHERE id <= 1000");  // the whole of batch 1
  ledger::VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry batch 1: row 1 was deleted"), std::string::npos) << r.message;
  // Rollup rows written in the file without a ledger entry do not excuse them.
  Attack(
      "INSERT INTO compaction(number, entry_seq, purged) VALUES(1, 1, 1); INSERT INTO "
      "rollup(compaction, tag, minute_us, count, min, max, sum, row_hash) VALUES(1, 'T1', " +
      std::to_string(kT0) + ", 1000, '0', '999', '499500', 'x')");
  r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry batch 1: row 1 was deleted"), std::string::npos) << r.message;
}

TEST_F(CompactionStoreTest, RollupRowsNoEntryRecordsAreNamed) {
  ORDO_VERIFIES("ORDO-TEL-27");
  IngestAndSeal();
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  StopEngine();
  // A compaction 1 exists; rows of an unrecorded compaction 5 marked purged are added.
  Attack(
      "INSERT INTO compaction(number, entry_seq, purged) VALUES(5, 1, 1); INSERT INTO "
      "rollup(compaction, tag, minute_us, count, min, max, sum, row_hash) VALUES(5, 'T1', " +
      std::to_string(kT0) + ", 3, '0', '9', '12', 'x')");
  ledger::VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry compaction 5: 1 rollup rows that no ledger entry records "
                           "were added"),
            std::string::npos)
      << r.message;
}

TEST_F(CompactionStoreTest, ABatchEditedBeforeItsCompactionIsLeftAlone) {
  ORDO_VERIFIES("ORDO-TEL-28");
  IngestAndSeal();
  Attack("UPDATE sample SET value = '1e9' WHERE id = 1500");
  Json c = Run(CompactCommand(kT0 + 31 * kDay, 100));
  EXPECT_EQ(c["skipped"], 1);
  EXPECT_EQ(c["compacted"], 2);  // batches 1 and 3
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  EXPECT_EQ(Rows(), 1000);  // batch 2 stays raw
  StopEngine();
  ledger::VerifyReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry batch 2: row 1500 (tag T1) was changed"), std::string::npos)
      << r.message;
}

TEST_F(CompactionStoreTest, ARollupWhoseEntryNeverBecameDurableIsReplaced) {
  ORDO_VERIFIES("ORDO-TEL-29");
  IngestAndSeal();
  StopEngine();
  {
    // A crash between the rollup's write and the ledger commit: compaction 1's rows exist,
    // no entry does, the raw rows are all there.
    auto file = OpenTelemetryFile(dir_.root + "/telemetry.sqlite", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(file.ok());
    auto rows = RowsAfter(**file, 0, 10000);
    ASSERT_TRUE(rows.ok());
    std::int64_t purged = 0;
    ASSERT_TRUE(WriteCompaction(**file, {}, 0, 999, RollupOf(1, *rows), &purged).ok());
  }
  ledger::VerifyReport r = Verify();
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NE(r.message.find("2 rollup rows of a compaction never recorded"), std::string::npos)
      << r.message;
  StartEngine();
  EXPECT_EQ(Run(CompactCommand(kT0 + 31 * kDay, 100))["compacted"], 3);
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  StopEngine();
  r = Verify();
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.message.find("never recorded"), std::string::npos) << r.message;
}

TEST_F(CompactionStoreTest, ABackupOfACompactedFileRestoresAndVerifies) {
  ORDO_VERIFIES("ORDO-TEL-30");
  IngestAndSeal();
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  Run(CompactCommand(kT0 + 31 * kDay, 100));
  Ingest(20, 5);
  const std::string backup = root_ + "/site.bak";
  ASSERT_TRUE(admin::Backup(dir_, backup).ok());
  StopEngine();
  {
    // A compaction recorded after the store's copy (its entry beyond the copied head) is
    // dropped from the copy.
    auto copy = OpenTelemetryFile(backup + ".telemetry.sqlite", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(copy.ok());
    auto tail = RowsAfter(**copy, 0, 100);
    ASSERT_TRUE(tail.ok());
    ASSERT_EQ(tail->size(), 5u);
    std::int64_t purged = 0;
    ASSERT_TRUE(WriteCompaction(**copy, {}, 1, 10'000, RollupOf(2, *tail), &purged).ok());
    ASSERT_EQ(FileCompactions(**copy)->size(), 2u);
    ASSERT_TRUE(TrimToLedger(**copy, 9'999).ok());
    auto left = FileCompactions(**copy);
    ASSERT_TRUE(left.ok());
    ASSERT_EQ(left->size(), 1u);
    EXPECT_EQ(left->front().number, 1);
    EXPECT_EQ(left->front().purged, 1);
  }
  store::DataDir restored{root_ + "/restored"};
  auto report = admin::RestoreBackup(
      {backup, dir_.KeysDir(), restored, engine::Actor{1, "admin", "admin", std::nullopt}}, clock_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ledger::VerifyReport r = admin::VerifyDataDir(restored);
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NE(r.message.find("1 compactions (2500 raw rows compacted, 2 rollup rows)"),
            std::string::npos)
      << r.message;
}

TEST_F(CompactionStoreTest, SealsAndCompactionsRunInBoundedCommandsThatSayWhenMoreWaits) {
  ORDO_VERIFIES("ORDO-TEL-36");
  Ingest(1, 1000);
  Ingest(2, 1000);
  Ingest(7, 500);
  // At most 1000 rows a command: three commands, the last one (the whole tail) says no more.
  Json first = Run(SealCommand(30 * kS, true, 1000));
  EXPECT_EQ(first["sealed"], 1);
  EXPECT_EQ(first["more"], true);
  Json second = Run(SealCommand(30 * kS, true, 1000));
  EXPECT_EQ(second["sealed"], 1);
  EXPECT_EQ(second["more"], true);
  Json third = Run(SealCommand(30 * kS, true, 1000));
  EXPECT_EQ(third["sealed"], 1);
  EXPECT_EQ(third["rows"], 500);
  EXPECT_EQ(third["more"], false);
  EXPECT_EQ(Run(SealCommand(30 * kS, true, 1000))["sealed"], 0);
  // Compaction: two batches a command, then the third.
  Json c1 = Run(CompactCommand(kT0 + 31 * kDay, 2));
  EXPECT_EQ(c1["compacted"], 2);
  EXPECT_EQ(c1["more"], true);
  Json c2 = Run(CompactCommand(kT0 + 31 * kDay, 2));
  EXPECT_EQ(c2["compacted"], 1);
  EXPECT_EQ(c2["more"], false);
  Run(CompactCommand(kT0 + 31 * kDay, 2));  // deletes the raw rows of the second
  EXPECT_EQ(Rows(), 0);
  StopEngine();
  ledger::VerifyReport r = Verify();
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NE(r.message.find("telemetry: 3 batches (0 rows) match their seals"), std::string::npos)
      << r.message;
}

TEST_F(CompactionStoreTest, ACopyTakenAcrossACompactionsPurgeIsRefusedByTheTrim) {
  ORDO_VERIFIES("ORDO-TEL-35");
  IngestAndSeal();
  Run(CompactCommand(kT0 + 31 * kDay, 100));  // compaction 1 recorded
  Run(CompactCommand(kT0 + 31 * kDay, 100));  // and its raw rows deleted
  StopEngine();
  auto file = OpenTelemetryFile(dir_.root + "/telemetry.sqlite", storage::OpenMode::kReadWrite);
  ASSERT_TRUE(file.ok());
  auto before = FileCompactions(**file);
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->size(), 1u);
  ASSERT_EQ(before->front().purged, 1);
  // A store copied just before compaction 1's entry, the telemetry file after its purge.
  Status trimmed = TrimToLedger(**file, before->front().entry_seq - 1);
  ASSERT_FALSE(trimmed.ok());
  EXPECT_EQ(trimmed.error().code, ErrorCode::kConflict);
  EXPECT_EQ(trimmed.error().reason, "compacted_during_copy");
  EXPECT_EQ(trimmed.error().field, "telemetry.sqlite");
  EXPECT_NE(trimmed.error().message.find("telemetry compaction 1 deleted its raw rows"),
            std::string::npos)
      << trimmed.error().message;
  auto after = FileCompactions(**file);  // nothing was trimmed
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ(after->front().rollup_rows, before->front().rollup_rows);
  // The same copy with the compaction's entry in the copied ledger is kept as it is.
  EXPECT_TRUE(TrimToLedger(**file, before->front().entry_seq).ok());
  EXPECT_EQ(FileCompactions(**file)->size(), 1u);
}

// The number of times the trim of "raced.sqlite" ran, and how often it reports a race.
int raced_trims = 0, raced_conflicts = 0;

TEST_F(CompactionStoreTest, ABackupWhoseFileChangedBetweenTheCopiesIsTakenAgain) {
  ORDO_VERIFIES("ORDO-TEL-35");
  static const bool registered = [] {
    admin::RegisterDataDirFile({"raced.sqlite", [](storage::Database&, std::int64_t) -> Status {
                                  if (++raced_trims > raced_conflicts) return Ok();
                                  return Error{ErrorCode::kConflict, "raced between the copies",
                                               "raced.sqlite", "compacted_during_copy"};
                                }});
    return true;
  }();
  ASSERT_TRUE(registered);
  {
    auto raced = storage::OpenSqlite(dir_.root + "/raced.sqlite", storage::OpenMode::kCreate);
    ASSERT_TRUE(raced.ok());
    ASSERT_TRUE((*raced)->Exec("CREATE TABLE t(x); INSERT INTO t VALUES(1)").ok());
  }
  IngestAndSeal();
  raced_trims = 0;
  raced_conflicts = 1;
  const std::string backup = root_ + "/again.bak";
  Status once = admin::Backup(dir_, backup);
  ASSERT_TRUE(once.ok()) << once.error().message;
  EXPECT_EQ(raced_trims, 2);  // the first copy raced, the second is kept
  EXPECT_TRUE(std::filesystem::exists(backup));
  EXPECT_TRUE(std::filesystem::exists(backup + ".raced.sqlite"));
  EXPECT_TRUE(std::filesystem::exists(backup + ".telemetry.sqlite"));

  raced_trims = 0;
  raced_conflicts = admin::kBackupAttempts;
  const std::string failed = root_ + "/never.bak";
  Status never = admin::Backup(dir_, failed);
  ASSERT_FALSE(never.ok());
  EXPECT_EQ(raced_trims, admin::kBackupAttempts);
  EXPECT_EQ(never.error().code, ErrorCode::kConflict);
  EXPECT_NE(never.error().message.find("raced between the copies (attempt 3 of 3)"),
            std::string::npos)
      << never.error().message;
  EXPECT_FALSE(std::filesystem::exists(failed));  // nothing half-made is left
  EXPECT_FALSE(std::filesystem::exists(failed + ".raced.sqlite"));
}

}  // namespace
}  // namespace ordo::telemetry
