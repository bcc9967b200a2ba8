// ordo-mis serve: start-up and graceful shutdown.
#include "mis/app/serve.h"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <utility>

#include "core/crypto.h"
#include "mis/app/site_time_zone.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/store/dir_lock.h"
#include "mis/store/mis_store.h"

namespace ordo::mis::app {

namespace {

namespace asio = boost::asio;

int Fail(const std::string& message) {
  std::fprintf(stderr, "ordo-mis serve: %s\n", message.c_str());
  return 2;
}

// Calls `then` once no request is being handled, or after `ticks_left` x 50 ms.
void WaitDrained(server::HttpServer& http, std::shared_ptr<asio::steady_timer> timer,
                 int ticks_left, std::function<void()> then) {
  if (http.active_requests() == 0 || ticks_left <= 0) {
    then();
    return;
  }
  timer->expires_after(std::chrono::milliseconds(50));
  timer->async_wait([&http, timer, ticks_left, then](const boost::system::error_code&) {
    WaitDrained(http, timer, ticks_left - 1, then);
  });
}

}  // namespace

int RunServer(ServeOptions o, const std::vector<store::Migration>& migrations,
              const http::Router& router) {
  // First, before any thread starts: every thread inherits the calling thread's nice.
  http::SetThisThreadNice(o.nice);
  if (!o.time_zone.empty())  // refused before anything is opened
    if (auto zone = calendar::LoadTimeZone(o.time_zone, "time-zone"); !zone.ok())
      return Fail(zone.error().message);
  const std::string path = store::StorePath(o.data_dir);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Fail("no MIS store in " + o.data_dir + " (" + path +
                "): create one with `ordo-mis init --data DIR --admin-password-file FILE`");
  auto lock = store::DirLock::Acquire(o.data_dir);
  if (!lock.ok()) return Fail(lock.error().message);
  auto opened = store::OpenMisStore(path, migrations, /*create=*/false);
  if (!opened.ok()) return Fail(opened.error().message);
  if (!opened->applied.empty()) {
    std::string applied;
    for (const auto& a : opened->applied) applied += (applied.empty() ? "" : ", ") + a;
    std::printf("ordo-mis: upgraded the store schema (%s)\n", applied.c_str());
    spdlog::info("MIS store schema upgraded: {}", applied);
  }
  auto site_zone = EffectiveTimeZone(*opened->db, o.time_zone);
  if (!site_zone.ok()) return Fail(site_zone.error().message);
  spdlog::info("site time zone: {} (from {})", site_zone->zone.name(), site_zone->source);
  o.context.time_zone = site_zone->zone;
  SystemClock clock;
  // Services start before the server listens and stop after it stopped accepting.
  std::vector<Service*> started;
  auto stop_services = [&started] {
    for (auto it = started.rbegin(); it != started.rend(); ++it) (*it)->Stop();
    started.clear();
  };
  const ServiceContext service_context{o.data_dir, path, o.mes, &clock, site_zone->zone};
  for (auto& service : o.services) {
    if (auto ok = service->Start(service_context); !ok.ok()) {
      stop_services();
      return Fail(service->name() + ": " + ok.error().message);
    }
    started.push_back(service.get());
  }
  // Destroyed in this order at the end: the pool joined (nothing posts to the io_context
  // any more), the server and the signal set, the io_context (with any coroutine frame
  // still pending, which may use the context), then the context.
  auto io = std::make_unique<asio::io_context>(1);
  http::Context context(*io, *opened->db, clock, o.context);
  {
    auto http = server::HttpServer::Start(*io, o.http, [&router, &context](server::HttpRequest& r) {
      return router.Handle(context, r);
    });
    if (!http.ok()) {
      stop_services();
      return Fail(http.error().message);
    }
    asio::signal_set signals(*io, SIGTERM, SIGINT);
    signals.async_wait([&](const boost::system::error_code& error, int signal) {
      if (error) return;
      spdlog::info("signal {}: stop accepting, drain, stop", signal);
      (*http)->StopAccepting();
      context.BeginShutdown();
      WaitDrained(**http, std::make_shared<asio::steady_timer>(*io), 200, [&io] { io->stop(); });
    });
    if (InsecureFastPasswordHash())
      spdlog::warn(
          "ORDO_INSECURE_FAST_PASSWORD_HASH=1: new password hashes use the minimum "
          "Argon2id cost; for test suites only, never for a plant");
    spdlog::info("ordo-mis serving http://{}:{} data={} time_zone={}{} nice={} (reports {})",
                 o.http.address, (*http)->port(), o.data_dir, site_zone->zone.name(),
                 o.mes ? " mes=" + o.mes->url : "", getpriority(PRIO_PROCESS, 0),
                 o.context.report_nice);
    std::printf("ordo-mis: listening on http://%s:%u\n", o.http.address.c_str(),
                static_cast<unsigned>((*http)->port()));
    std::fflush(stdout);
    io->run();
    context.JoinPool();
  }
  io.reset();
  stop_services();
  spdlog::info("ordo-mis: shutdown complete");
  return 0;
}

}  // namespace ordo::mis::app
