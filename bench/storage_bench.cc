// Storage-level benchmarks: the engine with group commit against two plain-SQLite
// baselines that write the same rows. See storage_bench.h and docs/PERFORMANCE.md.
#include "storage_bench.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "admin/data_dir_ops.h"
#include "core/clock.h"
#include "engine/engine.h"
#include "ledger/entry.h"
#include "mes/logbook/commands/record_entry.h"
#include "storage/database.h"
#include "storage/sqlite/sqlite_database.h"
#include "store/ledger_store.h"
#include "store/projector.h"
#include "store/schema.h"

namespace ordo::bench {

namespace {

void Check(const Status& s, const std::string& what) {
  if (!s.ok()) throw std::runtime_error(what + ": " + s.error().message);
}

// The logbook command every benchmark records: a realistic equipment-log line.
logbook::RecordEntry MakeRecord(int stream, std::int64_t i) {
  char subject[32];
  std::snprintf(subject, sizeof subject, "BENCH-%02d", stream % 100);
  return logbook::RecordEntry{
      subject, "use",
      "Batch B-" + std::to_string(100000 + i) +
          ": line clearance done, equipment clean and within calibration; started granulation "
          "at setpoint 45 C, operator checked screen integrity.",
      std::nullopt, std::nullopt};
}

// The ledger entry the engine would append for MakeRecord(stream, i) at `seq`
// (the same decision function, the same field mapping as engine.cc).
ledger::LedgerEntry MakeEntry(int stream, std::int64_t i, std::int64_t seq,
                              const std::string& prev_hash, TimeMicros now) {
  auto ev = logbook::DecideRecordEntry(MakeRecord(stream, i), std::nullopt, false, seq);
  if (!ev.ok()) throw std::runtime_error("decide: " + ev.error().message);
  ledger::LedgerEntry e;
  e.seq = seq;
  e.time_us = now;
  e.actor = "operator";
  e.role = "operator";
  e.type = ev->type;
  e.schema_version = ev->schema_version;
  e.subject = ledger::Subject{ev->subject_kind, ev->subject_id, ev->subject_version};
  e.payload = std::move(ev->payload);
  e.reason = std::move(ev->reason);
  e.prev_hash = prev_hash;
  e.hash = ledger::ComputeHash(e);
  return e;
}

std::unique_ptr<storage::Database> FreshStore(const std::string& path) {
  auto db = storage::OpenSqlite(path, storage::OpenMode::kCreate);
  if (!db.ok()) throw std::runtime_error("open " + path + ": " + db.error().message);
  Check(store::CreateSchema(**db), "schema");
  return std::move(*db);
}

int g_run_counter = 0;  // distinct scratch dir names within one process

}  // namespace

StorageRun RunEngineBench(const EngineBenchOptions& o) {
  ScratchDir dir(o.work_dir, "engine-" + std::to_string(g_run_counter++), o.keep);
  SystemClock clock;
  store::DataDir data{dir.path() + "/data"};
  auto init = admin::InitDataDir({data, "bench", "bench-admin-password", false}, clock);
  if (!init.ok()) throw std::runtime_error("init: " + init.error().message);

  std::atomic<std::int64_t> commits{0};
  engine::EngineOptions eo;
  eo.data_dir = data;
  eo.clock = &clock;
  eo.on_commit = [&commits](std::int64_t) { commits.fetch_add(1, std::memory_order_relaxed); };
  auto started = engine::Engine::Start(eo);
  if (!started.ok()) throw std::runtime_error("engine: " + started.error().message);
  engine::Engine& engine = **started;
  const std::int64_t head_before = engine.head_seq();

  const int submitters = std::max(1, o.submitters);
  const std::int64_t per_thread = std::max(1, o.entries / submitters);
  const std::int64_t total = per_thread * submitters;
  std::atomic<std::int64_t> acknowledged{0}, failed{0};
  std::mutex mutex;
  std::condition_variable all_done;
  std::string first_error;
  auto complete = [&](const Result<engine::CommandReply>& r) {
    if (!r.ok()) {
      std::lock_guard lock(mutex);
      if (failed.fetch_add(1) == 0) first_error = r.error().message;
    }
    if (acknowledged.fetch_add(1) + 1 == total) {
      std::lock_guard lock(mutex);
      all_done.notify_all();
    }
  };

  const engine::Actor actor{0, "operator", "operator"};
  const auto start = SteadyClock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < submitters; ++t) {
    threads.emplace_back([&, t] {
      for (std::int64_t i = 0; i < per_thread; ++i) {
        engine::Command c = logbook::RecordLogbookEntry(actor, MakeRecord(t, i));
        if (o.closed_loop)
          complete(engine.SubmitAndWait(std::move(c)));
        else
          engine.Submit(std::move(c), complete);
      }
    });
  }
  for (auto& th : threads) th.join();
  {
    std::unique_lock lock(mutex);
    all_done.wait(lock, [&] { return acknowledged.load() == total; });
  }
  StorageRun run;
  run.seconds = SecondsSince(start);
  run.entries = total;
  run.commits = commits.load();
  const std::int64_t appended = engine.head_seq() - head_before;
  engine.Stop();
  if (failed.load() > 0)
    throw std::runtime_error(std::to_string(failed.load()) + " commands failed: " + first_error);
  if (appended != total)
    throw std::runtime_error("ledger grew by " + std::to_string(appended) + ", expected " +
                             std::to_string(total));
  // Not timed: the chain the engine wrote must verify.
  ledger::VerifyReport report = admin::VerifyDataDir(data);
  if (!report.ok) throw std::runtime_error("ledger verify after the run: " + report.message);
  return run;
}

StorageRun RunPerEntryTxnBench(const SqliteBenchOptions& o) {
  ScratchDir dir(o.work_dir, "per-entry-" + std::to_string(g_run_counter++), o.keep);
  auto db = FreshStore(dir.path() + "/a.db");
  SystemClock clock;
  std::string head = ledger::kGenesisHash;
  const auto start = SteadyClock::now();
  for (std::int64_t i = 0; i < o.entries; ++i) {
    ledger::LedgerEntry e = MakeEntry(static_cast<int>(i % 32), i, i + 1, head, clock.NowMicros());
    storage::Transaction tx(*db);
    Check(tx.begin_status(), "begin");
    Check(store::AppendEntry(*db, e), "append");
    Check(store::ApplyToProjections(*db, e), "project");
    Check(tx.Commit(), "commit");
    head = e.hash;
  }
  StorageRun run;
  run.seconds = SecondsSince(start);
  run.entries = o.entries;
  run.commits = o.entries;
  return run;
}

StorageRun RunBatchedInsertBench(const SqliteBenchOptions& o) {
  ScratchDir dir(o.work_dir, "batched-" + std::to_string(g_run_counter++), o.keep);
  auto db = FreshStore(dir.path() + "/b.db");
  if (o.temp_store_memory) Check(db->Exec("PRAGMA temp_store=MEMORY"), "temp_store");
  // Everything a row needs, serialized and hashed before the clock starts.
  struct Row {
    ledger::LedgerEntry e;
    std::string payload, signatures, subject, category, text;
  };
  std::vector<Row> rows;
  rows.reserve(static_cast<std::size_t>(o.entries));
  SystemClock clock;
  std::string head = ledger::kGenesisHash;
  for (std::int64_t i = 0; i < o.entries; ++i) {
    Row r;
    r.e = MakeEntry(static_cast<int>(i % 32), i, i + 1, head, clock.NowMicros());
    head = r.e.hash;
    r.payload = CanonicalJson(r.e.payload);
    r.signatures = CanonicalJson(r.e.signatures);
    r.subject = r.e.payload.at("subject").get<std::string>();
    r.category = r.e.payload.at("category").get<std::string>();
    r.text = r.e.payload.at("text").get<std::string>();
    rows.push_back(std::move(r));
  }
  const std::string ledger_sql =
      "INSERT INTO ledger(seq, time_us, actor, role, type, schema_version, subject_kind, "
      "subject_id, subject_version, payload, reason, signatures, prev_hash, hash) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  const std::string logbook_sql =
      "INSERT INTO logbook_entry(seq, subject, category, text, actor, role, time_us, corrects, "
      "reason) VALUES(?,?,?,?,?,?,?,?,?)";
  const int batch = std::max(1, o.batch);
  StorageRun run;
  const auto start = SteadyClock::now();
  for (std::size_t at = 0; at < rows.size();) {
    storage::Transaction tx(*db);
    Check(tx.begin_status(), "begin");
    for (int n = 0; n < batch && at < rows.size(); ++n, ++at) {
      const Row& r = rows[at];
      const ledger::LedgerEntry& e = r.e;
      if (o.savepoint_per_row) Check(db->Exec("SAVEPOINT row"), "savepoint");
      auto l = db->Prepare(ledger_sql);
      Check(l.ok() ? Ok() : Status(l.error()), "prepare");
      (*l)->Bind(1, e.seq).Bind(2, e.time_us).Bind(3, e.actor).Bind(4, e.role).Bind(5, e.type);
      (*l)->Bind(6, static_cast<std::int64_t>(e.schema_version)).Bind(7, e.subject.kind);
      (*l)->Bind(8, e.subject.id).Bind(9, e.subject.version).Bind(10, r.payload);
      (*l)->Bind(11, e.reason).Bind(12, r.signatures).Bind(13, e.prev_hash).Bind(14, e.hash);
      Check((*l)->Run(), "insert ledger");
      auto p = db->Prepare(logbook_sql);
      Check(p.ok() ? Ok() : Status(p.error()), "prepare");
      (*p)->Bind(1, e.seq).Bind(2, r.subject).Bind(3, r.category).Bind(4, r.text);
      (*p)->Bind(5, e.actor).Bind(6, e.role).Bind(7, e.time_us).BindNull(8).BindNull(9);
      Check((*p)->Run(), "insert logbook_entry");
      if (o.savepoint_per_row) Check(db->Exec("RELEASE row"), "release");
    }
    Check(tx.Commit(), "commit");
    ++run.commits;
  }
  run.seconds = SecondsSince(start);
  run.entries = o.entries;
  return run;
}

}  // namespace ordo::bench
