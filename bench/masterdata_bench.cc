// Master data and change control benchmarks: the change control write path through the
// engine and the master data reads on a reader connection, each against a logbook
// baseline measured in the same run. See masterdata_bench.h and docs/PERFORMANCE.md.
#include "masterdata_bench.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include "admin/data_dir_ops.h"
#include "admin/demo_dates.h"
#include "admin/demo_plant.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "engine/engine.h"
#include "mes/access/commands/users.h"
#include "mes/access/users.h"
#include "mes/logbook/commands/record_entry.h"
#include "mes/logbook/store/logbook_store.h"
#include "mes/masterdata/commands/apply_plant.h"
#include "mes/masterdata/commands/change_control.h"
#include "mes/masterdata/in_force.h"
#include "mes/masterdata/plant/plant_files.h"
#include "mes/masterdata/store/queries.h"
#include "mes/masterdata/store/views.h"
#include "mes/signatures/commands/policy_commands.h"
#include "storage/rows.h"
#include "store/row_seal.h"

namespace ordo::bench {

namespace {

const std::string kRouting = "RT-PCM500-FCT";
const std::string kDemoChangeRequest = "CR-000001";

template <typename T>
T Take(Result<T> r, const std::string& what) {
  if (!r.ok()) throw std::runtime_error(what + ": " + r.error().message);
  return std::move(*r);
}

Json Run(engine::Engine& engine, engine::Command command, const std::string& what) {
  auto r = engine.SubmitAndWait(std::move(command));
  if (!r.ok()) throw std::runtime_error(what + ": " + r.error().message);
  return r->body;
}

int g_md_counter = 0;  // distinct scratch dir names within one process

// One Argon2id hash for every benchmark user (the commands never check it; sign-in is
// not measured), so that creating users costs no 64 MiB hash per run.
const std::string& BenchPasswordHash() {
  static const std::string hash = [] {
    auto h = HashPassword("bench-user-password");
    if (!h.ok()) throw std::runtime_error("hash: " + h.error().message);
    return *h;
  }();
  return hash;
}

engine::Actor CreateUser(engine::Engine& engine, const std::string& name,
                         const std::string& display, const std::string& role) {
  Json body = Run(engine,
                  access::CreateUserCommand(engine::Actor{0, "system", "system"},
                                            access::CreateUser{name, display, {role}},
                                            BenchPasswordHash(), /*one_time=*/false),
                  "create user " + name);
  return engine::Actor{body["user"]["id"].get<std::int64_t>(), name, role};
}

// The embedded demo plant as ApplyPlant takes it (as admin::LoadDemoPlant reads it).
std::vector<masterdata::commands::PlantObjectSource> DemoPlantObjects() {
  SystemClock clock;
  std::vector<masterdata::plant::PlantFile> files =
      admin::DemoPlantFiles(admin::UtcDay(clock.NowMicros()));
  if (files.empty()) throw std::runtime_error("no demo plant files are embedded");
  masterdata::plant::ReadResult read = masterdata::plant::ReadPlantFiles(files);
  if (!read.errors.empty())
    throw std::runtime_error("demo plant: " + masterdata::plant::FormatErrors(read.errors));
  std::vector<masterdata::commands::PlantObjectSource> objects;
  for (std::size_t i = 0; i < read.objects.size(); ++i)
    objects.push_back(
        {read.objects[i].kind, read.objects[i].id, files[i].path, read.objects[i].content});
  return objects;
}

logbook::RecordEntry BenchLogbookEntry(std::int64_t i) {
  return logbook::RecordEntry{
      "BENCH-" + std::to_string(i % 16), "use",
      "Batch B-" + std::to_string(200000 + i) +
          ": line clearance done, equipment clean and within calibration; started granulation "
          "at setpoint 45 C, operator checked screen integrity.",
      std::nullopt, std::nullopt};
}

// Submits `n` logbook entries back to back (Engine::Submit) and waits for the last
// completion; returns the seconds from the first Submit to the last completion.
double SubmitLogbookGroup(engine::Engine& engine, const engine::Actor& actor, std::int64_t n) {
  std::mutex mutex;
  std::condition_variable done;
  std::int64_t completed = 0, failed = 0;
  std::string first_error;
  const auto start = SteadyClock::now();
  for (std::int64_t i = 0; i < n; ++i)
    engine.Submit(logbook::RecordLogbookEntry(actor, BenchLogbookEntry(i)),
                  [&](const Result<engine::CommandReply>& r) {
                    std::lock_guard lock(mutex);
                    if (!r.ok() && failed++ == 0) first_error = r.error().message;
                    if (++completed == n) done.notify_all();
                  });
  std::unique_lock lock(mutex);
  done.wait(lock, [&] { return completed == n; });
  const double seconds = SecondsSince(start);
  if (failed > 0)
    throw std::runtime_error(std::to_string(failed) + " logbook entries failed: " + first_error);
  return seconds;
}

}  // namespace

ChangeControlRun RunChangeControlBench(const std::string& work_dir, bool keep) {
  ScratchDir dir(work_dir, "md-write-" + std::to_string(g_md_counter++), keep);
  SystemClock clock;
  store::DataDir data{dir.path() + "/data"};
  Take(admin::InitDataDir({data, "bench", "bench-admin-password", false}, clock), "init");

  std::atomic<std::int64_t> commits{0};
  engine::EngineOptions eo;
  eo.data_dir = data;
  eo.clock = &clock;
  eo.on_commit = [&commits](std::int64_t) { commits.fetch_add(1, std::memory_order_relaxed); };
  auto engine = Take(engine::Engine::Start(eo), "engine");

  // Not timed: the two signers, each acknowledging signature policy v1 (published by init).
  const engine::Actor engineer = CreateUser(*engine, "engineer", "Bench Engineer", "engineer");
  const engine::Actor quality = CreateUser(*engine, "quality", "Bench Quality", "quality");
  for (const auto* a : {&engineer, &quality})
    Run(*engine, signatures::AcknowledgeSignaturePolicy(*a, 1), "acknowledge policy");
  std::vector<masterdata::commands::PlantObjectSource> objects = DemoPlantObjects();
  const masterdata::OpenChangeRequest open{
      "Bench: demo plant", "The embedded demo plant, applied by ordo_bench.",
      "Initial configuration", "New site: no production records exist yet.", std::nullopt};

  ChangeControlRun run;
  run.drafts = static_cast<std::int64_t>(objects.size());
  std::int64_t head = engine->head_seq();
  auto start = SteadyClock::now();
  Json applied = Run(*engine, masterdata::commands::ApplyPlant(engineer, open, std::move(objects)),
                     "apply plant");
  run.apply_seconds = SecondsSince(start);
  run.apply_entries = engine->head_seq() - head;
  const std::string cr = applied["change_request"]["id"].get<std::string>();
  if (run.apply_entries != run.drafts + 1)
    throw std::runtime_error("ApplyPlant appended " + std::to_string(run.apply_entries) +
                             " entries, expected " + std::to_string(run.drafts + 1));

  start = SteadyClock::now();
  Json submitted =
      Run(*engine,
          masterdata::commands::SubmitChangeRequest(
              engineer, cr, {engineer.user_id, engineer.name, "authored", std::string("bench")}),
          "submit");
  run.submit_seconds = SecondsSince(start);
  if (submitted["change_request"]["state"] != "in_review")
    throw std::runtime_error("after submit: " + submitted["change_request"]["state"].dump());

  start = SteadyClock::now();
  Json approved =
      Run(*engine,
          masterdata::commands::SignChangeRequest(
              quality, cr, {quality.user_id, quality.name, "approved", std::string("bench")}),
          "approve");
  run.approve_seconds = SecondsSince(start);
  if (approved["change_request"]["state"] != "approved")
    throw std::runtime_error("after approve: " + approved["change_request"]["state"].dump());

  // Baseline in the same store: as many logbook entries as drafts, as one group.
  const engine::Actor op = CreateUser(*engine, "operator", "Bench Operator", "operator");
  head = engine->head_seq();
  const std::int64_t commits_before = commits.load();
  run.logbook_entries = run.drafts;
  run.logbook_seconds = SubmitLogbookGroup(*engine, op, run.logbook_entries);
  run.logbook_commits = commits.load() - commits_before;
  if (engine->head_seq() - head != run.logbook_entries)
    throw std::runtime_error("logbook baseline appended " +
                             std::to_string(engine->head_seq() - head) + " entries");
  engine->Stop();
  engine.reset();

  // Not timed: every object is in force and the chain verifies.
  {
    auto db = Take(store::OpenStore(data, storage::OpenMode::kReadOnly), "open reader");
    auto in_force = Take(masterdata::AllInForce(*db, clock.NowMicros()), "all in force");
    if (static_cast<std::int64_t>(in_force.size()) != run.drafts)
      throw std::runtime_error(std::to_string(in_force.size()) + " objects in force, expected " +
                               std::to_string(run.drafts));
  }
  ledger::VerifyReport report = admin::VerifyDataDir(data);
  if (!report.ok) throw std::runtime_error("ledger verify after the run: " + report.message);
  return run;
}

MasterdataReadResult RunMasterdataReadBench(const std::string& work_dir, int rounds, int calls,
                                            bool keep) {
  ScratchDir dir(work_dir, "md-read-" + std::to_string(g_md_counter++), keep);
  SystemClock clock;
  store::DataDir data{dir.path() + "/data"};
  admin::InitOptions init;
  init.dir = data;
  init.site_name = "bench";
  init.admin_password = "bench-admin-password";
  init.demo = true;
  Take(admin::InitDataDir(init, clock), "init --demo");
  {
    // Not timed: enough logbook entries that the baseline reads a full page of 100.
    std::int64_t operator_id = 0;
    {
      auto reader = Take(store::OpenStore(data, storage::OpenMode::kReadOnly), "open");
      auto op = Take(access::FindUserByName(*reader, "operator"), "find operator");
      if (!op) throw std::runtime_error("the demo site has no operator");
      operator_id = op->id;
    }
    engine::EngineOptions eo;
    eo.data_dir = data;
    eo.clock = &clock;
    auto engine = Take(engine::Engine::Start(eo), "engine");
    SubmitLogbookGroup(*engine, engine::Actor{operator_id, "operator", "operator"}, 200);
    engine->Stop();
  }

  auto db = Take(store::OpenStore(data, storage::OpenMode::kReadOnly), "open reader");
  MasterdataReadResult result;
  // Not timed: what each read returns.
  {
    const TimeMicros now = clock.NowMicros();
    Json object = Take(masterdata::ObjectView(*db, "routing", kRouting, now), "object view");
    for (const auto& v : object["versions"])
      for (const auto& s : v["signatures"]) {
        if (s["status"] != "valid")
          throw std::runtime_error("ObjectView signature not valid: " + s.dump());
        ++result.signatures;
      }
    auto cr = Take(masterdata::FindChangeRequest(*db, kDemoChangeRequest), "find change request");
    if (!cr) throw std::runtime_error("the demo site has no " + kDemoChangeRequest);
    Json view = Take(masterdata::ChangeRequestView(*db, *cr, true), "change request view");
    result.cr_items = static_cast<std::int64_t>(view["items"].size());
    auto rows = Take(masterdata::AllInForce(*db, now), "all in force");
    std::vector<masterdata::plant::PlantObject> objects;
    for (const auto& r : rows) objects.push_back({r.kind, r.id, r.content});
    result.exported_files =
        static_cast<std::int64_t>(masterdata::plant::ExportFiles(objects).size());
    auto page = Take(logbook::ListLogbook(*db, "", 0, 100), "list logbook");
    if (result.signatures == 0 || result.cr_items == 0 || result.exported_files == 0 ||
        page.size() != 100)
      throw std::runtime_error("the demo reads returned nothing (signatures " +
                               std::to_string(result.signatures) + ", items " +
                               std::to_string(result.cr_items) + ", files " +
                               std::to_string(result.exported_files) + ", logbook rows " +
                               std::to_string(page.size()) + ")");
  }

  // Each call timed alone; a sink keeps the results observable.
  std::size_t sink = 0;
  auto measure = [&](auto&& call) {
    std::vector<double> us;
    us.reserve(static_cast<std::size_t>(calls));
    for (int i = 0; i < calls; ++i) {
      const auto start = SteadyClock::now();
      sink += call();
      us.push_back(SecondsSince(start) * 1e6);
    }
    return Median(std::move(us));
  };
  auto object_view = [&] {
    return Take(masterdata::ObjectView(*db, "routing", kRouting, clock.NowMicros()), "object view")
        .size();
  };
  auto cr_view = [&] {
    auto cr = Take(masterdata::FindChangeRequest(*db, kDemoChangeRequest), "find change request");
    return Take(masterdata::ChangeRequestView(*db, *cr, true), "change request view").size();
  };
  auto export_plant = [&] {
    auto rows = Take(masterdata::AllInForce(*db, clock.NowMicros()), "all in force");
    std::vector<masterdata::plant::PlantObject> objects;
    objects.reserve(rows.size());
    for (auto& r : rows) objects.push_back({r.kind, r.id, std::move(r.content)});
    return masterdata::plant::ExportFiles(objects).size();
  };
  auto logbook = [&] { return Take(logbook::ListLogbook(*db, "", 0, 100), "list logbook").size(); };
  // Row seals: the key the engine wrote at init, installed for this connection only
  // while the checked variants run (the engine is stopped, so nothing else installs it).
  auto seals = Take(store::ReadSealState(data), "read the seal file");
  if (!seals) throw std::runtime_error("init wrote no row seal file");
  auto operator_user = Take(access::FindUserByName(*db, "operator"), "find operator");
  const std::int64_t operator_id = operator_user->id;
  auto user = [&] {
    return Take(access::FindUserById(*db, operator_id), "find user")->name.size();
  };
  auto audit_rows = [&] {
    auto bad = Take(store::FindUnsealedRows(*db, seals->key), "audit rows");
    if (!bad.empty()) throw std::runtime_error("the demo store has unsealed rows");
    return std::size_t{1};
  };
  for (const auto& t : store::GuardedTables()) {
    auto n = Take(
        storage::FirstRow<std::int64_t>(*db, "SELECT COUNT(*) FROM " + t.table, storage::NoBind,
                                        [](const storage::Statement& st) { return st.Int(0); }),
        "count");
    result.guarded_rows += n.value_or(0);
  }
  for (int r = 0; r < rounds; ++r) {
    MasterdataReadRound round;
    round.logbook_us = measure(logbook);
    round.object_view_us = measure(object_view);
    round.cr_view_us = measure(cr_view);
    round.export_us = measure(export_plant);
    round.user_unchecked_us = measure(user);
    store::InstallSealKey(db->path(), seals->key);
    round.user_checked_us = measure(user);
    round.export_checked_us = measure(export_plant);
    round.audit_rows_ms = measure(audit_rows) / 1e3;
    store::RemoveSealKey(db->path());
    result.rounds.push_back(round);
  }
  if (sink == 0) throw std::runtime_error("the reads returned nothing");
  return result;
}

}  // namespace ordo::bench
