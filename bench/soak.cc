// The MQTT soak (see soak.h).
#include "soak.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "bench_util.h"
#include "mqtt_support.h"
#include "soak_stream.h"

namespace ordo::bench {
namespace {

namespace http = boost::beast::http;

std::pair<double, double> P50P99(std::vector<double> ms) {
  if (ms.empty()) return {0, 0};
  std::sort(ms.begin(), ms.end());
  return {Quantile(ms, 0.5), Quantile(ms, 0.99)};
}

// ORDO_SOAK_PROBE_LOG: a file that gets one line per operator command (append): its wall
// time in ms, its latency in ms and the phase (idle, floor or soak).
std::FILE* ProbeLog() {
  static std::FILE* f = [] {
    const char* path = std::getenv("ORDO_SOAK_PROBE_LOG");
    return path && *path ? std::fopen(path, "a") : nullptr;
  }();
  return f;
}

// Operator commands (logbook writes) every `probe_ms` until `stop`; latencies in ms.
void Probe(unsigned short port, const std::string& token, int probe_ms, const char* phase,
           const std::atomic<bool>& stop, std::vector<double>* ms, int* errors,
           std::string* first_error) {
  Client c(port);
  c.set_token(token);
  auto next = SteadyClock::now();
  for (std::int64_t i = 0; !stop.load(); ++i) {
    const std::string body =
        Json{{"subject", "WU-SOAK-001"},
             {"category", "use"},
             {"text", "Soak probe " + std::to_string(i) + ": line clearance checked."}}
            .dump();
    const auto start = SteadyClock::now();
    try {
      auto res = c.Send(http::verb::post, "/api/v1/logbook", body);
      ms->push_back(SecondsSince(start) * 1000);
      if (std::FILE* f = ProbeLog())  // wall time (ms), latency and phase, for finding a pattern
        std::fprintf(f, "%lld %.3f %s\n",
                     static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                std::chrono::system_clock::now().time_since_epoch())
                                                .count()),
                     ms->back(), phase);
      if (res.result_int() != 201 && (*errors)++ == 0)
        *first_error = "logbook: HTTP " + std::to_string(res.result_int()) + " " + res.body();
    } catch (const std::exception& e) {
      if ((*errors)++ == 0) *first_error = std::string("logbook: ") + e.what();
      c.Close();
    }
    next += std::chrono::milliseconds(probe_ms);
    std::this_thread::sleep_until(next);
  }
}

// The disk probe's file: 256 blocks of 4 KiB, written and synced once before it is timed,
// so that no timed write allocates a block.
constexpr int kDiskProbeBlocks = 256;
constexpr std::size_t kDiskProbeBlock = 4096;

// Creates the disk probe's file at `path`, whole and synced; false when it cannot.
bool PrepareDiskProbe(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  const std::string block(kDiskProbeBlock, 'd');
  bool ok = true;
  for (int i = 0; i < kDiskProbeBlocks && ok; ++i)
    ok = ::write(fd, block.data(), block.size()) == static_cast<ssize_t>(block.size());
  ok = ok && ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// Every `every_ms` until `stop`: 4 KiB written over the next block of the file at `path`
// (PrepareDiskProbe) and fdatasync'd, timed in ms. A failed write or sync is not timed.
void DiskProbe(const std::string& path, int every_ms, const std::atomic<bool>& stop,
               std::vector<double>* ms) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return;
  const std::string block(kDiskProbeBlock, 'p');
  auto next = SteadyClock::now();
  for (std::int64_t i = 0; !stop.load(); ++i) {
    const auto start = SteadyClock::now();
    const auto at = static_cast<off_t>((i % kDiskProbeBlocks) * kDiskProbeBlock);
    if (::pwrite(fd, block.data(), block.size(), at) == static_cast<ssize_t>(block.size()) &&
        ::fdatasync(fd) == 0)
      ms->push_back(SecondsSince(start) * 1000);
    next += std::chrono::milliseconds(every_ms);
    std::this_thread::sleep_until(next);
  }
  ::close(fd);
}

std::int64_t Handled(const Json& h) {
  return h.value("accepted", std::int64_t{0}) + h.value("refused", std::int64_t{0}) +
         h.value("duplicates", std::int64_t{0}) + h.value("ignored", std::int64_t{0});
}

// One phase's probes: the operator's commands (Probe) and, when `disk_file` is not empty,
// the disk probe's syncs (DiskProbe), in threads from construction until Stop.
class PhaseProbes {
 public:
  PhaseProbes(const SoakOptions& o, unsigned short port, const std::string& token,
              const std::string& disk_file, const char* phase, SoakResult* r) {
    probe_ = std::thread(Probe, port, token, o.probe_ms, phase, std::cref(stop_), &command_ms_,
                         &r->probe_errors, &r->first_error);
    if (!disk_file.empty())
      disk_ = std::thread(DiskProbe, disk_file, o.disk_probe_ms, std::cref(stop_), &disk_ms_);
  }
  ~PhaseProbes() { Stop(); }
  PhaseProbes(const PhaseProbes&) = delete;
  PhaseProbes& operator=(const PhaseProbes&) = delete;
  // Stops and joins the threads; the latencies are complete after it.
  void Stop() {
    stop_ = true;
    if (probe_.joinable()) probe_.join();
    if (disk_.joinable()) disk_.join();
  }
  const std::vector<double>& command_ms() const { return command_ms_; }
  const std::vector<double>& disk_ms() const { return disk_ms_; }

 private:
  std::atomic<bool> stop_{false};
  std::vector<double> command_ms_, disk_ms_;
  std::thread probe_, disk_;
};

// The floor phase (SoakOptions::floor_seconds): a copy of `stream` published below
// "soak-floor/" by a publisher of its own to a subscriber of its own, while the operator
// (and the disk probe, when `disk_file` is not empty) probes the idle server; its figures
// in r->floor_* and r->disk_floor_*.
void RunFloor(const SoakOptions& o, const Broker& broker, const SoakStream& stream,
              unsigned short port, const std::string& token, const std::string& disk_file,
              SoakResult* r) {
  Subscriber sink("soak-floor-sink", broker.port(), "soak-floor/#");
  Publisher pub("soak-floor-publisher", broker.port(), 10000);
  SoakStream floor = stream;  // its own seqs: ordo's edge nodes see no gap
  SoakPublishing out;
  const std::atomic<bool> never{false};
  PhaseProbes probes(o, port, token, disk_file, "floor", r);
  const auto start = SteadyClock::now();
  PublishSoakStream(floor, pub, o.floor_seconds, "soak-floor/", never, &out);
  std::this_thread::sleep_until(
      start + std::chrono::milliseconds(static_cast<std::int64_t>(o.floor_seconds * 1000)));
  probes.Stop();
  if (!out.error.empty()) throw std::runtime_error("floor publisher: " + out.error);
  pub.WaitAcknowledged(30);
  for (int i = 0; i < 300 && sink.received() < pub.published(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  r->floor_published = pub.acknowledged();
  r->floor_received = sink.received();
  r->floor_probes = static_cast<int>(probes.command_ms().size());
  std::tie(r->floor_p50_ms, r->floor_p99_ms) = P50P99(probes.command_ms());
  r->disk_floor_syncs = static_cast<int>(probes.disk_ms().size());
  std::tie(r->disk_floor_p50_ms, r->disk_floor_p99_ms) = P50P99(probes.disk_ms());
}

}  // namespace

SoakResult RunSoak(const SoakOptions& o) {
  SoakResult r;
  const std::string dir = o.work_dir + "/soak";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto log = [&](const std::string& line) {
    if (o.verbose) std::fprintf(stderr, "soak: %s\n", line.c_str()), std::fflush(stderr);
  };
  Broker broker(dir, o.broker_inflight);
  const auto setup_start = SteadyClock::now();
  DemoServer server = StartMqttServer(o.ordo_bin, dir, broker);
  try {
    SoakStream stream;
    stream.shape = o.shape;
    stream.phases = o.phases;
    stream.tags = o.tags;
    const bool sparkplug = o.shape == SoakShape::kSparkplugDevices;
    std::vector<std::pair<std::string, std::string>> tags;
    for (int u = 0; u < o.units; ++u) {
      stream.units.push_back(SoakUnitId(u));
      for (int t = 0; t < o.tags; ++t) tags.push_back({SoakTagId(u, t), SoakUnitId(u)});
    }
    const std::vector<std::string>& units = stream.units;
    log("adding " + std::to_string(o.units) + " work units and " + std::to_string(tags.size()) +
        " tags");
    AddWorkUnits(server.port, server.passwords, units);
    const std::string engineer = SignIn(server.port, "engineer", server.passwords.at("engineer"));
    if (!sparkplug) {
      Client c(server.port);
      c.set_token(engineer);
      // A source speaks for at most 200 work units: one mqtt source per 200.
      for (std::size_t first = 0; first < units.size(); first += 200)
        RegisterMqttSource(
            c, "soak-" + std::to_string(first / 200),
            {units.begin() + static_cast<std::ptrdiff_t>(first),
             units.begin() + static_cast<std::ptrdiff_t>(std::min(units.size(), first + 200))});
    }
    DefineTags(server.port, engineer, tags, 2);
    // The publisher (its messages before the soak, the births, are counted too).
    Publisher pub("soak-publisher", broker.port(), 10000);
    Client health(server.port);
    stream.t0_ms = HourAgoMs() + 3600 * 1000;
    if (sparkplug) {
      Client c(server.port);
      c.set_token(engineer);
      r.samples += BirthEdgeNodes(c, pub, stream.t0_ms - 1000, &stream);
      // The births handled before the idle phase, so it is idle.
      const auto wait_start = SteadyClock::now();
      while (Handled(MqttHealth(health)) < pub.published() && SecondsSince(wait_start) < 120)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    r.setup_seconds = SecondsSince(setup_start);
    const std::string op = SignIn(server.port, "operator", server.passwords.at("operator"));

    // The disk probe's file, beside the data directory (o.disk_probe_ms).
    const std::string disk_probe_file =
        o.disk_probe_ms > 0 && PrepareDiskProbe(dir + "/disk-probe") ? dir + "/disk-probe" : "";
    // Idle: the operator command alone.
    {
      PhaseProbes idle(o, server.port, op, disk_probe_file, "idle", &r);
      std::this_thread::sleep_for(
          std::chrono::milliseconds(static_cast<int>(o.idle_seconds * 1000)));
      idle.Stop();
      std::tie(r.idle_p50_ms, r.idle_p99_ms) = P50P99(idle.command_ms());
      std::tie(r.disk_idle_p50_ms, r.disk_idle_p99_ms) = P50P99(idle.disk_ms());
      r.disk_idle_syncs = static_cast<int>(idle.disk_ms().size());
      r.idle_probes = static_cast<int>(idle.command_ms().size());
    }
    log("idle operator command p50 " + std::to_string(r.idle_p50_ms) + " ms, p99 " +
        std::to_string(r.idle_p99_ms) + " ms");
    if (o.floor_seconds > 0) {
      RunFloor(o, broker, stream, server.port, op, disk_probe_file, &r);
      log("floor (the stream to another subscriber) operator command p50 " +
          std::to_string(r.floor_p50_ms) + " ms, p99 " + std::to_string(r.floor_p99_ms) + " ms");
    }

    // The soak: publisher at 1 Hz, probes, and a monitor of memory and backlog (on a
    // connection of its own: the server closes one idle for longer than the phases before).
    Client monitor(server.port);
    r.rss_start_kib = r.rss_peak_kib = ProcStatusKib(server.pid, "VmRSS");
    std::atomic<bool> stop{false};
    PhaseProbes probes(o, server.port, op, disk_probe_file, "soak", &r);
    SoakPublishing out;
    std::thread publisher([&] { PublishSoakStream(stream, pub, o.seconds, "", stop, &out); });
    // Stops and joins the threads before an exception leaves this scope.
    auto join_all = [&] {
      stop = true;
      if (publisher.joinable()) publisher.join();
      probes.Stop();
    };
    const auto soak_start = SteadyClock::now();
    std::int64_t last_log = 0;
    try {
      while (SecondsSince(soak_start) < o.seconds) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        r.rss_peak_kib = std::max(r.rss_peak_kib, ProcStatusKib(server.pid, "VmRSS"));
        const Json h = MqttHealth(monitor);
        r.max_backlog = std::max(r.max_backlog, pub.published() - Handled(h));
        const auto s = static_cast<std::int64_t>(SecondsSince(soak_start));
        if (s / 10 != last_log / 10) {
          last_log = s;
          log(std::to_string(s) + " s: published " + std::to_string(pub.published()) +
              ", handled " + std::to_string(Handled(h)) + ", VmRSS " +
              std::to_string(ProcStatusKib(server.pid, "VmRSS") / 1024) + " MiB");
        }
      }
    } catch (...) {
      join_all();
      throw;
    }
    publisher.join();
    if (!out.error.empty()) {
      join_all();
      throw std::runtime_error("publisher: " + out.error);
    }
    r.slipped_seconds = out.slipped_seconds;
    r.rss_end_kib = ProcStatusKib(server.pid, "VmRSS");
    r.rss_peak_kib = std::max(r.rss_peak_kib, r.rss_end_kib);
    join_all();
    std::tie(r.soak_p50_ms, r.soak_p99_ms) = P50P99(probes.command_ms());
    r.soak_probes = static_cast<int>(probes.command_ms().size());
    std::tie(r.disk_soak_p50_ms, r.disk_soak_p99_ms) = P50P99(probes.disk_ms());
    r.disk_soak_syncs = static_cast<int>(probes.disk_ms().size());
    pub.WaitAcknowledged(30);
    r.published = pub.acknowledged();
    // Every message was acknowledged, or samples counts what was sent but not delivered,
    // and the check (stored == samples) fails.
    r.samples += out.samples.load();

    // Drain: wait (bounded) until the connector has handled everything published.
    const auto drain_start = SteadyClock::now();
    Json h = MqttHealth(monitor);
    while (Handled(h) < r.published && SecondsSince(drain_start) < o.drain_seconds) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      h = MqttHealth(monitor);
    }
    if (Handled(h) >= r.published) r.drained_after = SecondsSince(drain_start);
    r.accepted = h.value("accepted", std::int64_t{0});
    r.refused = h.value("refused", std::int64_t{0});
    r.not_stored = h.value("not_stored", std::int64_t{0});
    r.rebirths = h.value("/sparkplug/rebirths_requested"_json_pointer, std::int64_t{0});
    r.rss_drained_kib = ProcStatusKib(server.pid, "VmRSS");
    r.hwm_kib = ProcStatusKib(server.pid, "VmHWM");
    r.stored = TelemetryRows(dir);
    r.server_alive = ::waitpid(server.pid, nullptr, WNOHANG) == 0 && ::kill(server.pid, 0) == 0;
  } catch (...) {
    StopServer(server.pid);
    throw;
  }
  StopServer(server.pid);
  std::filesystem::remove_all(dir);
  return r;
}

std::string SoakSummary(const SoakOptions& o, const SoakResult& r, double rss_margin_mib) {
  std::ostringstream s;
  auto mib = [](std::int64_t kib) { return static_cast<double>(kib) / 1024.0; };
  char buf[256];
  s << "soak: " << o.units << " work units x " << o.tags << " tags at 1 Hz for " << o.seconds
    << " s over MQTT (QoS 1, "
    << (o.shape == SoakShape::kSparkplugDevices
            ? "Sparkplug B: one DDATA per work unit a second carrying its tags"
            : "one JSON message per sample")
    << (o.shape == SoakShape::kSparkplugDevices
            ? (o.phases == SoakPhases::kByDevice     ? ", each device at its own phase"
               : o.phases == SoakPhases::kByEdgeNode ? ", each edge node at its own phase"
                                                     : ", all at the top of each second")
            : "")
    << "), operator command every " << o.probe_ms << " ms, broker max_inflight_messages "
    << o.broker_inflight << "\n";
  s << "setup_seconds: " << r.setup_seconds << "\n";
  s << "published: " << r.published << "\nsamples: " << r.samples << "\naccepted: " << r.accepted
    << "\nrebirths_requested: " << r.rebirths << "\nrefused: " << r.refused
    << "\nnot_stored: " << r.not_stored << "\nstored_in_telemetry: " << r.stored << "\n";
  s << "offered_rate_per_s: " << o.units * o.tags << "\n";
  s << "max_backlog: " << r.max_backlog << "\npublisher_slipped_s: " << r.slipped_seconds << "\n";
  s << "drained_after_s: "
    << (r.drained_after < 0 ? std::string("not within the drain wait")
                            : std::to_string(r.drained_after))
    << "\n";
  std::snprintf(buf, sizeof buf,
                "rss_mib: start %.1f, peak %.1f, end %.1f, after drain %.1f, VmHWM %.1f\n",
                mib(r.rss_start_kib), mib(r.rss_peak_kib), mib(r.rss_end_kib),
                mib(r.rss_drained_kib), mib(r.hwm_kib));
  s << buf;
  std::snprintf(buf, sizeof buf,
                "operator_command_ms: idle p50 %.2f p99 %.2f (%d); soak p50 %.2f p99 %.2f (%d); "
                "p99 ratio %.2f\n",
                r.idle_p50_ms, r.idle_p99_ms, r.idle_probes, r.soak_p50_ms, r.soak_p99_ms,
                r.soak_probes, r.p99_ratio());
  s << buf;
  if (o.floor_seconds > 0) {
    std::snprintf(buf, sizeof buf,
                  "floor_operator_command_ms (the same stream for %g s to a subscriber that is "
                  "not ordo, ordo idle): p50 %.2f p99 %.2f (%d); p99 over idle %.2f; messages "
                  "published %lld, received %lld\n",
                  o.floor_seconds, r.floor_p50_ms, r.floor_p99_ms, r.floor_probes,
                  r.idle_p99_ms > 0 ? r.floor_p99_ms / r.idle_p99_ms : 0,
                  static_cast<long long>(r.floor_published),
                  static_cast<long long>(r.floor_received));
    s << buf;
    std::snprintf(buf, sizeof buf,
                  "soak_p99_over_floor_p99: %.2f (1 or less: the soak's tail is no more than the "
                  "load generator's own)\n",
                  r.floor_p99_ms > 0 ? r.soak_p99_ms / r.floor_p99_ms : 0);
    s << buf;
    if (o.disk_probe_ms > 0) {
      std::snprintf(buf, sizeof buf, "floor_disk_sync_ms: p50 %.2f p99 %.2f (%d)\n",
                    r.disk_floor_p50_ms, r.disk_floor_p99_ms, r.disk_floor_syncs);
      s << buf;
    }
  }
  if (o.disk_probe_ms > 0) {
    std::snprintf(buf, sizeof buf,
                  "disk_sync_ms (4 KiB + fdatasync beside the data every %d ms, no ordo): idle "
                  "p50 %.2f p99 %.2f (%d); soak p50 %.2f p99 %.2f (%d); p99 ratio %.2f\n",
                  o.disk_probe_ms, r.disk_idle_p50_ms, r.disk_idle_p99_ms, r.disk_idle_syncs,
                  r.disk_soak_p50_ms, r.disk_soak_p99_ms, r.disk_soak_syncs,
                  r.disk_idle_p99_ms > 0 ? r.disk_soak_p99_ms / r.disk_idle_p99_ms : 0);
    s << buf;
  }
  s << "probe_errors: " << r.probe_errors << "\nserver_alive: " << (r.server_alive ? "yes" : "no")
    << "\n";
  if (!r.first_error.empty()) s << "first_error: " << r.first_error << "\n";
  const bool kept_up = r.InvariantsHold() && r.drained_after >= 0;
  const bool rss_flat = mib(r.rss_end_kib - r.rss_start_kib) <= rss_margin_mib;
  const bool p99_ok = r.p99_ratio() <= 1.5;
  // The ratio is a measure only when the idle phase was idle: a stall of the machine in it
  // (its p99 many times its p50) makes any soak p99 look good.
  const bool idle_quiet = r.idle_p99_ms <= kIdleQuietFactor * r.idle_p50_ms;
  s << "check all_stored_no_refusals_alive: " << (kept_up ? "pass" : "FAIL") << "\n";
  std::snprintf(buf, sizeof buf, "check rss_end_minus_start <= %.0f MiB: %s\n", rss_margin_mib,
                rss_flat ? "pass" : "FAIL");
  s << buf;
  std::snprintf(buf, sizeof buf,
                "check idle_p99 <= %.0fx idle_p50 (the idle phase was quiet): %s\n",
                kIdleQuietFactor,
                idle_quiet ? "pass" : "FAIL (the machine stalled; the p99 ratio is no measure)");
  s << buf;
  s << "check p99_ratio <= 1.5: " << (p99_ok ? "pass" : "FAIL") << "\n";
  s << "verdict: " << (kept_up && rss_flat && idle_quiet && p99_ok ? "pass" : "FAIL") << "\n";
  return s.str();
}

}  // namespace ordo::bench
