// The telemetry store on real SQLite, with the engine and every capability registered:
// samples of accepted batches land in telemetry.sqlite (no ledger entry each), are
// sealed in batches, and VerifyDataDir names an edited, deleted or added row; rows of a
// batch whose ledger commit never happened are left out of seals and removed.
#include <gtest/gtest.h>

#include <filesystem>

#include "admin/data_dir_ops.h"
#include "admin/restore.h"
#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "engine/engine.h"
#include "mes/equipment/events.h"
#include "mes/equipment/sample_sink.h"
#include "mes/telemetry/commands/telemetry_commands.h"
#include "mes/telemetry/store/tag_store.h"
#include "mes/telemetry/store/telemetry_file.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"
#include "store/ledger_store.h"

namespace ordo::telemetry {
namespace {

constexpr TimeMicros kT0 = 1'796'025'600'000'000;  // 2026-11-30T08:00:00Z
constexpr TimeMicros kS = 1'000'000;

class TelemetryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    char tmpl[] = "/tmp/ordo_telemetry_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    dir_.root = root_ + "/data";
    admin::InitOptions init;
    init.dir = dir_;
    init.admin_password = "admin-password-1";
    auto r = admin::InitDataDir(init, clock_);
    ASSERT_TRUE(r.ok()) << r.error().message;
    StartEngine();
    // A source and a tag, recorded as events (the decisions are tested elsewhere; no
    // master data plant is needed here).
    equipment::SourceRegistered source;
    source.name = "press";
    source.kind = "rest";
    source.work_units = {"WU-1"};
    TagDefined tag;
    tag.name = "T1";
    tag.work_unit = "WU-1";
    tag.unit = "bar";
    Run(Recording({ledger::MakeEvent(source, equipment::kSourceSubject, "press"),
                   ledger::MakeEvent(tag, kTagSubject, "T1")}));
  }
  void TearDown() override {
    if (engine_) engine_->Stop();
    std::filesystem::remove_all(root_);
  }
  void StartEngine() {
    engine::EngineOptions options;
    options.data_dir = dir_;
    options.clock = &clock_;
    auto e = engine::Engine::Start(options);
    ASSERT_TRUE(e.ok()) << e.error().message;
    engine_ = std::move(*e);
  }
  void StopEngine() {
    engine_->Stop();
    engine_.reset();
  }
  static engine::Command Recording(std::vector<ledger::Event> events) {
    engine::Command c;
    c.actor = engine::Actor{0, "test", "admin", std::nullopt};
    c.decide = [events](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
      return events;
    };
    return c;
  }
  Json Run(engine::Command c) {
    auto r = engine_->SubmitAndWait(std::move(c));
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->body : Json();
  }
  // What the equipment ingest command does with an accepted batch of `n` samples of T1
  // (its decision is tested in equipment and through the API): equipment.batch_accepted,
  // then the samples handed to the installed sink after the append, before the commit.
  Json Ingest(std::int64_t seq, int n, double base = 0) {
    auto samples = std::make_shared<std::vector<equipment::SampleItem>>();
    for (int i = 0; i < n; ++i)
      samples->push_back(equipment::SampleItem{"T1", kT0 + (seq * 10000 + i) * 1000, base + i});
    const TimeMicros received = clock_.NowMicros();
    equipment::BatchAccepted accepted{"press", seq, "hash-" + std::to_string(seq), 0, 0, received};
    engine::Command c =
        Recording({ledger::MakeEvent(accepted, equipment::kSourceSubject, "press")});
    c.after_append = [samples, seq, received](engine::WriteContext& ctx,
                                              const std::vector<ledger::LedgerEntry>& es) {
      equipment::SampleSink* sink = equipment::InstalledSampleSink();
      if (!sink) return Status(Error::Make(ErrorCode::kInternal, "no sample sink"));
      return sink->Store(ctx.db, {"press", seq, es.front().seq, received, samples.get()});
    };
    c.reply = [n](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) {
      return Json{{"samples", n}};
    };
    return Run(std::move(c));
  }
  std::int64_t Rows(const std::string& where = "1") {
    auto db = storage::OpenSqlite(dir_.root + "/telemetry.sqlite", storage::OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok());
    auto n = storage::FirstRow<std::int64_t>(**db, "SELECT COUNT(*) FROM sample WHERE " + where,
                                             storage::NoBind,
                                             [](const storage::Statement& s) { return s.Int(0); });
    return n.ok() && *n ? **n : -1;
  }
  void Attack(const std::string& sql) {
    auto db = storage::OpenSqlite(dir_.root + "/telemetry.sqlite", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec(sql).ok()) << sql;
  }
  std::int64_t EntriesOfType(const std::string& type) {
    auto db = store::OpenStore(dir_, storage::OpenMode::kReadOnly);
    store::LedgerQuery q;
    q.type = type;
    q.limit = 100000;
    auto e = store::QueryEntries(**db, q);
    return e.ok() ? static_cast<std::int64_t>(e->size()) : -1;
  }

  FakeClock clock_{kT0 + 3600 * kS};
  std::string root_;
  store::DataDir dir_;
  std::unique_ptr<engine::Engine> engine_;
};

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

}  // namespace
}  // namespace ordo::telemetry
