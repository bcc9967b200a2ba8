// Server start-up and graceful shutdown.
#include "server/serve.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdio>
#include <utility>

#include "admin/data_dir_ops.h"
#include "engine/engine.h"

namespace ordo::server {

namespace {

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
  o.api.data_dir = o.data_dir;
  Api api(io, **engine, std::move(*reader), clock, o.api);
  api_ptr = &api;
  auto http = HttpServer::Start(io, o.http, [&api](HttpRequest& r) { return api.Handle(r); });
  if (!http.ok()) {
    std::fprintf(stderr, "ordo serve: %s\n", http.error().message.c_str());
    return 2;
  }
  const bool tls = !o.http.tls_cert_file.empty();
  spdlog::info("ordo serving {}://{}:{} data={}", tls ? "https" : "http", o.http.address,
               (*http)->port(), o.data_dir);
  std::printf("ordo: listening on %s://%s:%u\n", tls ? "https" : "http", o.http.address.c_str(),
              static_cast<unsigned>((*http)->port()));
  std::fflush(stdout);

  asio::signal_set signals(io, SIGTERM, SIGINT);
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: stop accepting, drain, flush", signal);
    (*http)->StopAccepting();
    api.BeginShutdown();
    auto timer = std::make_shared<asio::steady_timer>(io);
    WaitDrained(io, **http, timer, 200, [&] {
      (*engine)->Stop();  // drains the queue and signs the head
      spdlog::info("shutdown complete");
      io.stop();
    });
  });
  io.run();
  api_ptr = nullptr;
  (*engine)->Stop();
  return 0;
}

}  // namespace ordo::server
