// Server start-up and graceful shutdown.
#include "server/serve.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdio>
#include <map>
#include <utility>

#include "admin/data_dir_ops.h"
#include "admin/integrity_audit.h"
#include "core/crypto.h"
#include "core/thread_scheduling.h"
#include "engine/engine.h"
#include "server/serve_tasks.h"

namespace ordo::server {

namespace {

// Submits the task's command, and again from its completion while the reply has "more"
// (at most kMaxRepeats in a row, then the timer's next turn); `running` is cleared at the
// end.
void RunTaskOnce(engine::Engine& engine, std::shared_ptr<const ServeTask> task,
                 std::shared_ptr<std::atomic<bool>> running, int repeats_left) {
  engine.Submit(
      task->command(false), [&engine, task, running, repeats_left](Result<engine::CommandReply> r) {
        if (!r.ok() && r.error().code != ErrorCode::kUnavailable)  // not: the engine stopping
          spdlog::warn("serve task {}: {}", task->name, r.error().message);
        if (r.ok() && ServeTaskHasMore(*r) && repeats_left > 0) {
          RunTaskOnce(engine, task, running, repeats_left - 1);
          return;
        }
        running->store(false);
      });
}

constexpr int kMaxRepeats = 10'000;

// Runs `task` every interval on the io thread: submits its command; the outcome is logged
// (the completion runs on the writer thread and must not block). A tick whose previous
// command has not finished yet is skipped, so two runs of one task never meet in one
// group (a run may rely on the previous one being durable, e.g. telemetry compaction).
void ScheduleTask(asio::io_context& io, engine::Engine& engine, const ServeTask& task,
                  std::shared_ptr<asio::steady_timer> timer,
                  std::shared_ptr<std::atomic<bool>> running) {
  timer->expires_after(std::chrono::seconds(task.interval_seconds));
  timer->async_wait([&io, &engine, &task, timer, running](const boost::system::error_code& ec) {
    if (ec) return;
    if (!running->exchange(true))
      RunTaskOnce(engine, std::make_shared<const ServeTask>(task), running, kMaxRepeats);
    ScheduleTask(io, engine, task, timer, running);
  });
}

void WaitDrained(asio::io_context& io, HttpServer& http, std::shared_ptr<asio::steady_timer> timer,
                 int ticks_left, std::function<void()> then) {
  if (http.active_requests() == 0 || ticks_left <= 0) {
    then();
    return;
  }
  timer->expires_after(std::chrono::milliseconds(50));
  timer->async_wait([&io, &http, timer, ticks_left, then](const boost::system::error_code&) {
    WaitDrained(io, http, timer, ticks_left - 1, then);
  });
}

// What the server does with an integrity violation (store/row_seal.h), on the io thread:
// one structured log line and the security event on the ledger (which pushes it to the
// admins' security event streams). The same record found the same way is recorded again
// only after kRepeatAfter, so a record read in a loop does not flood the ledger.
class ViolationRecorder {
 public:
  ViolationRecorder(engine::Engine& engine, const Clock& clock) : engine_(engine), clock_(clock) {}
  void Record(const store::IntegrityViolation& v) {
    spdlog::warn(
        "security_event type=security.integrity_violation table={} key=\"{}\" found_by={} "
        "detail=\"{}\"",
        v.table, v.key, v.found_by, v.detail);
    const TimeMicros now = clock_.NowMicros();
    const std::string id = v.table + " " + v.key + " " + v.found_by;
    auto last = recorded_.find(id);
    if (last != recorded_.end() && now - last->second < kRepeatAfter) return;
    recorded_[id] = now;
    auto event = store::IntegrityViolationEvent(v);
    if (!event) return;
    engine::Command c;
    c.actor = engine::Actor{0, "system", "system", engine::LocalOrigin()};
    c.decide = [event = *event](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
      return std::vector<ledger::Event>{event};
    };
    engine_.Submit(std::move(c), [](Result<engine::CommandReply> r) {
      if (!r.ok())
        spdlog::error("recording security.integrity_violation failed: {}", r.error().message);
    });
  }

 private:
  static constexpr TimeMicros kRepeatAfter = 600'000'000;  // 10 minutes
  engine::Engine& engine_;
  const Clock& clock_;
  std::map<std::string, TimeMicros> recorded_;  // io thread only
};

}  // namespace

int RunServer(ServeOptions o) {
  store::DataDir dir{o.data_dir};
  auto lock = admin::DirLock::Acquire(dir);
  if (!lock.ok()) {
    std::fprintf(stderr, "ordo serve: %s\n", lock.error().message.c_str());
    return 2;
  }
  SystemClock clock;
  // Before anything opens the store for writing: refuse a newer store untouched, or
  // back up and upgrade an older one (docs/decisions/0004-schema-upgrades.md).
  auto upgrade = admin::UpgradeStore(dir, clock);
  if (!upgrade.ok()) {
    std::fprintf(stderr, "ordo serve: %s\n", upgrade.error().message.c_str());
    return 2;
  }
  if (!upgrade->backup.empty()) {
    std::printf("ordo: upgraded the store schema (%s); backup taken first: %s\n",
                upgrade->applied.c_str(), upgrade->backup.c_str());
    spdlog::info("store schema upgraded ({}); backup {}", upgrade->applied, upgrade->backup);
  }
  asio::io_context io(1);
  std::atomic<Api*> api_ptr{nullptr};

  engine::EngineOptions eo;
  eo.data_dir = dir;
  eo.clock = &clock;
  eo.checkpoint_every_entries = o.checkpoint_every_entries;
  eo.checkpoint_every_micros = o.checkpoint_every_seconds * 1'000'000;
  eo.on_commit = [&io, &api_ptr](std::int64_t head) {
    asio::post(io, [&api_ptr, head] {
      if (Api* api = api_ptr.load()) api->OnCommit(head);
    });
  };
  auto engine = engine::Engine::Start(eo);
  if (!engine.ok()) {
    std::fprintf(stderr, "ordo serve: %s\n", engine.error().message.c_str());
    return 2;
  }
  auto reader = store::OpenStore(dir, storage::OpenMode::kReadWrite);
  if (!reader.ok()) {
    std::fprintf(stderr, "ordo serve: %s\n", reader.error().message.c_str());
    return 2;
  }
  ViolationRecorder violations(**engine, clock);
  store::SetIntegrityViolationHandler([&io, &violations](const store::IntegrityViolation& v) {
    asio::post(io, [&violations, v] { violations.Record(v); });
  });
  struct HandlerReset {  // nobody reports to `violations` once it is gone
    ~HandlerReset() { store::SetIntegrityViolationHandler(nullptr); }
  } handler_reset;
  // Capabilities' serve tasks (server/serve_tasks.h): once now, before listening, then on
  // their timers.
  std::vector<std::shared_ptr<asio::steady_timer>> task_timers;
  std::vector<ServeTask> tasks = RegisteredServeTasks();  // outlives the timers below
  for (ServeTask& task : tasks) {
    if (auto it = o.task_interval_seconds.find(task.name); it != o.task_interval_seconds.end())
      task.interval_seconds = it->second;
    // One command before listening (a backlog is worked off by the timer's chain).
    auto first = (*engine)->SubmitAndWait(task.command(true));
    if (!first.ok()) {
      std::fprintf(stderr, "ordo serve: %s: %s\n", task.name.c_str(),
                   first.error().message.c_str());
      return 2;
    }
    if (task.interval_seconds <= 0) continue;
    task_timers.push_back(std::make_shared<asio::steady_timer>(io));
    ScheduleTask(io, **engine, task, task_timers.back(),
                 std::make_shared<std::atomic<bool>>(false));
  }
  o.api.data_dir = o.data_dir;
  o.api.services = o.services;
  // Background services start before the server listens and stop before the engine.
  std::vector<std::shared_ptr<BackgroundService>> started;
  struct ServicesStop {
    std::vector<std::shared_ptr<BackgroundService>>& list;
    void operator()() {
      for (auto it = list.rbegin(); it != list.rend(); ++it) (*it)->Stop();
      list.clear();
    }
    ~ServicesStop() { (*this)(); }
  } stop_services{started};
  for (const auto& s : o.services) {
    auto ok = s->Start(ServiceContext{**engine, dir, clock});
    if (!ok.ok()) {
      std::fprintf(stderr, "ordo serve: %s: %s\n", s->name().c_str(), ok.error().message.c_str());
      return 2;
    }
    started.push_back(s);
  }
  Api api(io, **engine, std::move(*reader), clock, o.api);
  admin::BackgroundAudit audit(dir, o.audit_interval_seconds);
  api_ptr = &api;
  auto http = HttpServer::Start(io, o.http, [&api](HttpRequest& r) { return api.Handle(r); });
  if (!http.ok()) {
    std::fprintf(stderr, "ordo serve: %s\n", http.error().message.c_str());
    return 2;
  }
  // The signal handlers are in place before "listening" is announced: a supervisor that
  // stops the server right after start gets the drain and the signed head, not a kill.
  asio::signal_set signals(io, SIGTERM, SIGINT);
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: stop accepting, drain, flush", signal);
    (*http)->StopAccepting();
    api.BeginShutdown();
    auto timer = std::make_shared<asio::steady_timer>(io);
    for (auto& t : task_timers) t->cancel();
    WaitDrained(io, **http, timer, 200, [&] {
      audit.Stop();
      stop_services();    // before the engine: a service may still be committing
      (*engine)->Stop();  // drains the queue and signs the head
      spdlog::info("shutdown complete");
      io.stop();
    });
  });
  const bool tls = !o.http.tls_cert_file.empty();
  if (InsecureFastPasswordHash())
    spdlog::warn(
        "ORDO_INSECURE_FAST_PASSWORD_HASH=1: new password hashes use the minimum "
        "Argon2id cost; for test suites only, never for a plant");
  spdlog::info("ordo serving {}://{}:{} data={}", tls ? "https" : "http", o.http.address,
               (*http)->port(), o.data_dir);
  std::printf("ordo: listening on %s://%s:%u\n", tls ? "https" : "http", o.http.address.c_str(),
              static_cast<unsigned>((*http)->port()));
  std::fflush(stdout);
  // The io thread (every request) takes a core as soon as a request or a reply is ready;
  // threads started before this keep their own slice.
  (void)RequestThisThreadsSlice(kRequestPathSlice);
  io.run();
  audit.Stop();
  stop_services();
  store::SetIntegrityViolationHandler(nullptr);
  api_ptr = nullptr;
  (*engine)->Stop();
  return 0;
}

}  // namespace ordo::server
