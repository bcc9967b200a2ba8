// `ordo sim` (sim_command.h): flags, signals, and the runner with one publisher.
#include "cli/sim_command.h"

#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/plant_commands.h"
#include "core/clock.h"
#include "sim/mqtt_publisher.h"
#include "sim/rest_publisher.h"
#include "sim/runner.h"

namespace ordo::cli {

namespace {

std::atomic<bool> g_stop{false};

void OnStopSignal(int) { g_stop.store(true); }

struct SimFlags {
  int work_units = 0;
  std::string ids, rest, mqtt, sparkplug, source, key_file, start, site = "site";
  std::string group_id = "ordo-sim", edge_node = "sim";
  std::uint64_t seed = 1;
  double duration_s = 0, speed = 1.0;
  bool fast = false, samples = false;
  std::int64_t first_seq = 0;
};

int Usage(const std::string& message) {
  std::fprintf(stderr, "ordo sim: %s\n", message.c_str());
  return 2;
}

void Log(const std::string& line) {
  std::fprintf(stderr, "ordo sim: %s\n", line.c_str());
  std::fflush(stderr);
}

// "HOST:PORT" -> host and port; false when malformed.
bool HostPort(const std::string& text, std::string* host, int* port) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  *host = text.substr(0, colon);
  try {
    std::size_t used = 0;
    *port = std::stoi(text.substr(colon + 1), &used);
    return used == text.size() - colon - 1 && *port > 0 && *port <= 65535;
  } catch (const std::exception&) {
    return false;
  }
}

int RunSim(const SimFlags& f) {
  const int publishers = !f.rest.empty() + !f.mqtt.empty() + !f.sparkplug.empty();
  if (publishers != 1)
    return Usage("give exactly one of --rest URL, --mqtt HOST:PORT, --sparkplug HOST:PORT");
  sim::RunOptions run;
  if (!f.ids.empty()) {
    std::stringstream in(f.ids);
    for (std::string id; std::getline(in, id, ',');)
      if (!id.empty()) run.plant.work_units.push_back(id);
    if (f.work_units != 0 && f.work_units != static_cast<int>(run.plant.work_units.size()))
      return Usage("--work-units " + std::to_string(f.work_units) + " does not match the " +
                   std::to_string(run.plant.work_units.size()) + " ids of --ids");
  } else {
    if (f.work_units < 1) return Usage("--work-units must be 1 or more (or give --ids)");
    for (int i = 1; i <= f.work_units; ++i) {
      char id[32];
      std::snprintf(id, sizeof id, "WU-SIM-%02d", i);
      run.plant.work_units.push_back(id);
    }
  }
  if (run.plant.work_units.empty()) return Usage("--ids names no work unit");
  if (f.duration_s < 0) return Usage("--duration must be 0 or more seconds");
  if (f.fast && f.duration_s == 0) return Usage("--fast needs --duration");
  if (f.speed <= 0 || f.speed > 3600) return Usage("--speed must be above 0 and at most 3600");
  run.plant.seed = f.seed;
  run.duration_ms = static_cast<std::int64_t>(f.duration_s * 1000);
  run.fast = f.fast;
  run.speed = f.speed;
  SystemClock clock;
  const std::int64_t now_ms = clock.NowMicros() / 1000;
  if (!f.start.empty()) {
    TimeMicros t = 0;
    if (ParseIsoTime(f.start, &t)) {
      run.plant.start_ms = t / 1000;
    } else {
      try {
        std::size_t used = 0;
        run.plant.start_ms = std::stoll(f.start, &used);
        if (used != f.start.size()) throw std::invalid_argument("start");
      } catch (const std::exception&) {
        return Usage("--start must be an ISO 8601 time with offset or epoch milliseconds");
      }
    }
  } else {
    // Fast mode ends now; real-time mode starts now.
    run.plant.start_ms = (f.fast ? now_ms - run.duration_ms : now_ms) / 1000 * 1000;
  }

  std::unique_ptr<sim::Publisher> publisher;
  std::string error;
  if (!f.rest.empty()) {
    auto url = ParseServerUrl(f.rest);
    if (!url.ok()) return Usage("--rest: " + url.error().message);
    if (f.source.empty()) return Usage("--rest needs --source NAME");
    if (f.key_file.empty()) return Usage("--rest needs --key-file FILE (the source's API key)");
    std::ifstream key_in(f.key_file);
    std::string key;
    if (!key_in || !std::getline(key_in, key) || key.empty())
      return Usage("cannot read an API key from the first line of --key-file " + f.key_file);
    while (!key.empty() && (key.back() == '\r' || key.back() == ' ')) key.pop_back();
    client::HttpClient http(url->port, url->tls, url->host);
    http.set_timeout_seconds(30);
    sim::RestOptions o;
    o.source = f.source;
    o.key = key;
    o.first_seq = f.first_seq > 0 ? f.first_seq : now_ms;
    o.samples = f.samples;
    publisher = std::make_unique<sim::RestPublisher>(http, o, Log);
  } else {
    sim::MqttOptions o;
    o.sparkplug = !f.sparkplug.empty();
    if (!HostPort(o.sparkplug ? f.sparkplug : f.mqtt, &o.host, &o.port))
      return Usage(std::string(o.sparkplug ? "--sparkplug" : "--mqtt") + " must be HOST:PORT");
    o.site = f.site;
    // As for REST: a restarted simulator does not reuse the seqs of an earlier run, which
    // ordo would refuse seq_reused (its (source, seq) spans all the source's topics).
    o.first_seq = f.first_seq > 0 ? f.first_seq : now_ms;
    o.group_id = f.group_id;
    o.edge_node_id = f.edge_node;
    o.work_units = run.plant.work_units;
    auto mqtt = std::make_unique<sim::MqttPublisher>(o, Log);
    if (!mqtt->Start(&error)) {
      Log(error);
      return 1;
    }
    publisher = std::move(mqtt);
  }

  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  Log("simulating " + std::to_string(run.plant.work_units.size()) + " work units from " +
      FormatUtcMicros(run.plant.start_ms * 1000) + (f.fast ? " (fast)" : " (real time)"));
  sim::RunReport report;
  const bool ok = sim::Run(run, *publisher, g_stop, &report, &error);
  std::string summary = std::to_string(report.states) + " states, " +
                        std::to_string(report.counts) + " counts, " +
                        std::to_string(report.samples) + " samples simulated up to " +
                        FormatUtcMicros(report.simulated_until_ms * 1000);
  if (auto* rest = dynamic_cast<sim::RestPublisher*>(publisher.get()))
    summary += "; " + std::to_string(rest->batches_sent()) + " batches sent, next seq " +
               std::to_string(rest->next_seq());
  if (report.stopped) summary += " (stopped by a signal)";
  std::printf("%s\n", summary.c_str());
  if (!ok) {
    Log(error);
    return 1;
  }
  return 0;
}

}  // namespace

void AddSimCommand(CLI::App& app, int* rc) {
  auto flags = std::make_shared<SimFlags>();
  auto* sim = app.add_subcommand(
      "sim", "Simulate a plant's machines and send their states, counts and process values");
  sim->add_option("--work-units", flags->work_units, "number of work units (ids WU-SIM-01...)");
  sim->add_option("--ids", flags->ids, "comma-separated work unit ids to simulate instead");
  sim->add_option("--seed", flags->seed, "the seed: the same seed gives the same stream");
  sim->add_option("--rest", flags->rest, "ordo's URL: POST /api/v1/equipment-data");
  sim->add_option("--source", flags->source, "--rest: the registered rest source's name");
  sim->add_option("--key-file", flags->key_file, "--rest: file whose first line is its API key");
  sim->add_option("--first-seq", flags->first_seq,
                  "--rest, --mqtt: seq of the first batch or message (default: the wall clock "
                  "in epoch ms)");
  sim->add_flag("--samples", flags->samples,
                "--rest: send process values too (--mqtt always publishes them)");
  sim->add_option("--mqtt", flags->mqtt, "broker HOST:PORT: ordo/<site>/<work unit>/... topics");
  sim->add_option("--site", flags->site, "--mqtt: the site in the topics");
  sim->add_option("--sparkplug", flags->sparkplug, "broker HOST:PORT: a Sparkplug B edge node");
  sim->add_option("--group-id", flags->group_id, "--sparkplug: group id");
  sim->add_option("--edge-node", flags->edge_node, "--sparkplug: edge node id");
  sim->add_option("--duration", flags->duration_s,
                  "simulated seconds to run (0 = until SIGINT/SIGTERM)");
  sim->add_option("--speed", flags->speed, "simulated seconds per wall second (real time)");
  sim->add_flag("--fast", flags->fast, "do not pace by the wall clock (needs --duration)");
  sim->add_option("--start", flags->start,
                  "simulated start time (default now; with --fast, now minus the duration)");
  sim->callback([flags, rc] { *rc = RunSim(*flags); });
}

}  // namespace ordo::cli
