// The fixture of the telemetry store tests (telemetry_store_test.cc,
// compaction_store_test.cc): a data directory on real SQLite with the engine and every
// capability registered, a source "press" and a tag "T1" of WU-1, and helpers that ingest
// samples as the equipment ingest command does and attack the telemetry file.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
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

namespace ordo::telemetry::test_fixture {

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
  // `c` as the engine runs it while `*waiting` people's commands are queued that may pass
  // it (WriteContext::people_queued): what engine::GiveWay reads.
  static engine::Command WithPeopleWaiting(engine::Command c,
                                           const std::atomic<std::size_t>* waiting) {
    c.decide = [inner = c.decide, waiting](engine::WriteContext& ctx) {
      ctx.people_queued = waiting;
      return inner(ctx);
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
  Json Ingest(std::int64_t seq, int n, double base = 0, const std::string& tag = "T1") {
    auto samples = std::make_shared<std::vector<equipment::SampleItem>>();
    for (int i = 0; i < n; ++i)
      samples->push_back(equipment::SampleItem{tag, kT0 + (seq * 10000 + i) * 1000, base + i});
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

}  // namespace ordo::telemetry::test_fixture
