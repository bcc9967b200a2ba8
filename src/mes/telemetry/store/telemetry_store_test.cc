// The telemetry store on real SQLite, with the engine and every capability registered:
// samples of accepted batches land in telemetry.sqlite (no ledger entry each), are
// sealed in batches, and VerifyDataDir names an edited, deleted or added row; rows of a
// batch whose ledger commit never happened are left out of seals and removed.
#include "mes/telemetry/store/telemetry_test_fixture.h"

namespace ordo::telemetry {
namespace {

using namespace test_fixture;

TEST_F(TelemetryStoreTest, SamplesLandInTheTelemetryFileAndAreSealedInBatches) {
  ORDO_VERIFIES("ORDO-TEL-04", "ORDO-TEL-05");
  EXPECT_EQ(Ingest(1, 1000)["samples"], 1000);
  EXPECT_EQ(Ingest(2, 1000)["samples"], 1000);
  EXPECT_EQ(Ingest(3, 500)["samples"], 500);
  // The samples are in the file as soon as the command answered: durable before the reply.
  EXPECT_EQ(Rows(), 2500);
  // Full batches are sealed; the young tail waits.
  Json sealed = Run(SealCommand(30 * kS, false));
  EXPECT_EQ(sealed["sealed"], 2);
  EXPECT_EQ(sealed["rows"], 2000);
  ledger::VerifyReport r = admin::VerifyDataDir(dir_);
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NE(r.message.find("telemetry: 2 batches (2000 rows) match their seals, 500 rows not "
                           "sealed yet"),
            std::string::npos)
      << r.message;
  // Once the tail is older than the tail age it is sealed too.
  clock_.Advance(31 * kS);
  EXPECT_EQ(Run(SealCommand(30 * kS, false))["rows"], 500);
  EXPECT_EQ(Run(SealCommand(30 * kS, true))["sealed"], 0);  // nothing left
  // 3 batch_accepted and 3 seals in the ledger for 2500 samples.
  EXPECT_EQ(EntriesOfType(equipment::BatchAccepted::kType), 3);
  EXPECT_EQ(EntriesOfType(BatchSealed::kType), 3);
  StopEngine();
  r = admin::VerifyDataDir(dir_);
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NE(r.message.find("3 batches (2500 rows) match their seals, 0 rows not sealed yet"),
            std::string::npos)
      << r.message;
}

TEST_F(TelemetryStoreTest, VerifyNamesAnEditedRow) {
  ORDO_VERIFIES("ORDO-TEL-07");
  Ingest(1, 1000);
  Run(SealCommand(30 * kS, true));
  StopEngine();
  ASSERT_TRUE(admin::VerifyDataDir(dir_).ok);
  Attack("UPDATE sample SET value = '99.5' WHERE id = 17");
  ledger::VerifyReport r = admin::VerifyDataDir(dir_);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry batch 1: row 17 (tag T1) was changed"), std::string::npos)
      << r.message;
  EXPECT_GT(r.first_bad_seq, 0);
}

TEST_F(TelemetryStoreTest, VerifyNamesADeletedRowAndOneWrittenInItsPlace) {
  ORDO_VERIFIES("ORDO-TEL-07");
  Ingest(1, 1000);
  Ingest(2, 10);
  Run(SealCommand(30 * kS, true));
  StopEngine();
  Attack("DELETE FROM sample WHERE id = 500");
  ledger::VerifyReport r = admin::VerifyDataDir(dir_);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry batch 1: row 500 was deleted"), std::string::npos)
      << r.message;
  Attack(
      "INSERT INTO sample(id, tag, time_us, value, source, seq, idx, entry_seq, received_us, "
      "row_hash) SELECT 500, tag, time_us, value, source, seq, 5000, entry_seq, received_us, "
      "row_hash FROM sample WHERE id = 499");
  r = admin::VerifyDataDir(dir_);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry batch 1: row 500 (tag T1) was changed"), std::string::npos)
      << r.message;
}

TEST_F(TelemetryStoreTest, AnAddedTailRowIsNamed) {
  ORDO_VERIFIES("ORDO-TEL-07");
  Ingest(1, 20);
  StopEngine();
  ASSERT_TRUE(admin::VerifyDataDir(dir_).ok);
  Attack(
      "INSERT INTO sample(tag, time_us, value, source, seq, idx, entry_seq, received_us, "
      "row_hash) SELECT tag, time_us, value, 'press', 77, 0, entry_seq, received_us, row_hash "
      "FROM sample WHERE id = 3");
  ledger::VerifyReport r = admin::VerifyDataDir(dir_);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.message.find("telemetry row 21 (tag T1, not sealed yet) names no accepted batch"),
            std::string::npos)
      << r.message;
}

TEST_F(TelemetryStoreTest, RowsOfABatchNeverAcceptedAreLeftOutOfSealsAndRemoved) {
  ORDO_VERIFIES("ORDO-TEL-06");
  Ingest(1, 10);
  // A crash between the telemetry write and the ledger commit leaves rows whose
  // batch_accepted entry never became durable (entry_seq beyond the head).
  const std::int64_t head = engine_->head_seq();
  StopEngine();
  {
    auto file = OpenTelemetryFile(dir_.root + "/telemetry.sqlite", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(file.ok());
    std::vector<equipment::SampleItem> lost{{"T1", kT0, 1}, {"T1", kT0 + kS, 2}};
    ASSERT_TRUE(InsertSamples(**file, {"press", 2, head + 1, clock_.NowMicros(), &lost}).ok());
  }
  ledger::VerifyReport r = admin::VerifyDataDir(dir_);
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NE(r.message.find("2 rows of batches never accepted"), std::string::npos) << r.message;
  StartEngine();
  // The source sends batch 2 again (it was never acknowledged): it is accepted now.
  Json again = Ingest(2, 3, 100);
  EXPECT_EQ(again["samples"], 3);
  EXPECT_EQ(Rows("seq = 2"), 3);
  // The start's seal of the whole tail keeps the 13 accepted rows.
  Json sealed = Run(SealCommand(30 * kS, true));
  EXPECT_EQ(sealed["rows"], 13);
  StopEngine();
  r = admin::VerifyDataDir(dir_);
  ASSERT_TRUE(r.ok) << r.message;
}

TEST_F(TelemetryStoreTest, TheSealGivesWayToAPersonWaitingWritingNothingAtMost8TimesInARow) {
  ORDO_VERIFIES("ORDO-ENGINE-09", "ORDO-TEL-05");
  Ingest(1, 1000);
  Ingest(2, 1000);
  Ingest(3, 500);
  std::atomic<std::size_t> waiting{1};
  auto turns = std::make_shared<engine::GiveWay>();
  const auto seal = [&] {
    return Run(WithPeopleWaiting(SealCommand(30 * kS, true, kSealRowsPerCommand, turns), &waiting));
  };
  const std::int64_t head = engine_->head_seq();
  const Json gave_way{
      {"sealed", 0}, {"rows", 0}, {"removed", 0}, {"more", true}, {"gave_way", true}};
  for (int i = 0; i < engine::GiveWay::kDefaultLimit; ++i) EXPECT_EQ(seal(), gave_way) << i;
  EXPECT_EQ(engine_->head_seq(), head);  // nothing was written
  EXPECT_EQ(EntriesOfType(BatchSealed::kType), 0);
  EXPECT_EQ(Rows(), 2500);
  // The ninth in a row runs to its end although a person still waits.
  Json sealed = seal();
  EXPECT_EQ(sealed["sealed"], 3);
  EXPECT_EQ(sealed["rows"], 2500);
  EXPECT_FALSE(sealed.contains("gave_way"));
  EXPECT_EQ(turns->in_a_row(), 0);
  // The count started again: the next gives way, and seals once nobody waits.
  Ingest(4, 10);
  EXPECT_EQ(seal(), gave_way);
  waiting = 0;
  EXPECT_EQ(seal()["rows"], 10);
  EXPECT_EQ(EntriesOfType(BatchSealed::kType), 4);
  StopEngine();
  ledger::VerifyReport r = admin::VerifyDataDir(dir_);
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NE(r.message.find("4 batches (2510 rows) match their seals, 0 rows not sealed yet"),
            std::string::npos)
      << r.message;
}

TEST_F(TelemetryStoreTest, ALeftoverThatNoRetryReplacesIsRemovedBySealing) {
  ORDO_VERIFIES("ORDO-TEL-06");
  Ingest(1, 10);
  const std::int64_t head = engine_->head_seq();
  StopEngine();
  {
    auto file = OpenTelemetryFile(dir_.root + "/telemetry.sqlite", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(file.ok());
    std::vector<equipment::SampleItem> lost{{"T1", kT0, 1}};
    ASSERT_TRUE(InsertSamples(**file, {"press", 9, head + 1, clock_.NowMicros(), &lost}).ok());
  }
  StartEngine();
  Ingest(2, 5);  // takes seq head + 1 and more: the leftover's entry_seq now names another entry
  Json sealed = Run(SealCommand(30 * kS, true));
  EXPECT_EQ(sealed["rows"], 15);
  EXPECT_EQ(sealed["removed"], 1);
  EXPECT_EQ(Rows("seq = 9"), 0);
  StopEngine();
  ledger::VerifyReport r = admin::VerifyDataDir(dir_);
  ASSERT_TRUE(r.ok) << r.message;
}

TEST_F(TelemetryStoreTest, ABackupCarriesTheTelemetryFileAndTheRestoreVerifies) {
  ORDO_VERIFIES("ORDO-TEL-11");
  Ingest(1, 1000);
  Ingest(2, 20);
  Run(SealCommand(30 * kS, false));  // 1000 sealed, 20 not yet
  const std::string backup = root_ + "/site.bak";
  ASSERT_TRUE(admin::Backup(dir_, backup).ok());
  ASSERT_TRUE(std::filesystem::exists(backup + ".telemetry.sqlite"));
  StopEngine();
  {
    // Rows of a batch the copied ledger does not hold (written after the store was
    // copied) are dropped from the copy.
    auto copy = OpenTelemetryFile(backup + ".telemetry.sqlite", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(copy.ok());
    std::vector<equipment::SampleItem> later{{"T1", kT0, 1}};
    ASSERT_TRUE(InsertSamples(**copy, {"press", 3, 10'000, clock_.NowMicros(), &later}).ok());
    ASSERT_TRUE(TrimToLedger(**copy, 9'999).ok());
    auto rows = RowsAfter(**copy, 0, 10'000);
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows->size(), 1020u);
  }
  store::DataDir restored{root_ + "/restored"};
  auto report = admin::RestoreBackup(
      {backup, dir_.KeysDir(), restored, engine::Actor{1, "admin", "admin", std::nullopt}}, clock_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ledger::VerifyReport r = admin::VerifyDataDir(restored);
  ASSERT_TRUE(r.ok) << r.message;
  EXPECT_NE(r.message.find("telemetry: 1 batches (1000 rows) match their seals, 20 rows not "
                           "sealed yet"),
            std::string::npos)
      << r.message;
}

TEST_F(TelemetryStoreTest, TagWorkUnitsNamesTheWorkUnitOfEachDefinedTag) {
  TagDefined t2;
  t2.name = "T2";
  t2.work_unit = "WU-2";
  t2.unit = "C";
  TagDefined quoted = t2;
  quoted.name = "WU-2.\"odd\" name \u00b0";  // a name that needs escaping in JSON
  Run(Recording({ledger::MakeEvent(t2, kTagSubject, "T2"),
                 ledger::MakeEvent(quoted, kTagSubject, quoted.name)}));
  StopEngine();
  auto db = store::OpenStore(dir_, storage::OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  auto found = TagWorkUnits(**db, {"T1", "T2", quoted.name, "T9", ""});
  ASSERT_TRUE(found.ok()) << found.error().message;
  const std::map<std::string, std::string> expected{
      {"T1", "WU-1"}, {"T2", "WU-2"}, {quoted.name, "WU-2"}};
  EXPECT_EQ(*found, expected);
  auto none = TagWorkUnits(**db, {});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace ordo::telemetry
