// MQTT ingest benchmark (make bench; docs/PERFORMANCE.md), issue 12 section 8:
//  - samples: a real mosquitto on loopback, `ordo serve --mqtt-broker`, one QoS 1
//    publisher sending N tag samples on ordo/<site>/<wu>/tag/<name> as fast as the broker
//    takes them; the clock runs from the first publish until the connector has accepted
//    all N (each acceptance is after the ledger and the telemetry commit); then the rows of
//    telemetry.sqlite are counted. Baseline in the same run: a bare batched insert of the
//    same N rows (same table, 1000 rows per transaction, synchronous=FULL). Twice: with
//    mosquitto's default max_inflight_messages (20, so ordo gets bursts of at most 20) and
//    with `--wide-inflight` (default 1000), on a fresh broker and server.
//  - states and counts: N messages on .../state and .../count into the ledger over MQTT,
//    against the same N items over REST, one item per request (the same unit of work
//    through the other door), on the same server.
//  - the equipment board: GET /api/v1/equipment/board with the demo's work units, then
//    with `--board-units` more (default 500, each with a state), p50 and p99.
// Medians over `--runs` (default 3). `--quick`: a smoke run. Exit 1 on any failure or
// when a count does not add up.
// `--sparkplug`: only the Sparkplug B host path instead: one edge node (a sparkplug source
// with node_work_unit WU-PRESS-01) publishes an NBIRTH, then N NDATA (seq 1, 2, ... mod
// 256; alternately a state and a count, as the states-and-counts run), QoS 1; the clock
// runs from the first NDATA publish until the connector has accepted all N + 1 messages.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "bench_util.h"
#include "cli/capabilities.h"
#include "core/crypto.h"
#include "mes/equipment/sparkplug/sparkplug.h"
#include "mes/telemetry/domain/seal.h"
#include "mes/telemetry/store/telemetry_file.h"
#include "mqtt_support.h"

namespace ordo::bench {
namespace {

namespace http = boost::beast::http;

const char* kUnits[] = {"WU-PRESS-01", "WU-PKG-01", "WU-BLISTER-01", "WU-MILL-01"};
constexpr int kTagsPerUnit = 5;

std::string TagName(int u, int t) { return "mb.u" + std::to_string(u) + ".t" + std::to_string(t); }
double Value(std::int64_t i) { return 20 + static_cast<double>(i % 1000) / 100.0; }

struct Run {
  double bare = 0, mqtt_samples = 0, mqtt_samples_wide = 0, mqtt_items = 0, rest_items = 0;
  double board_small_p50 = 0, board_small_p99 = 0, board_large_p50 = 0, board_large_p99 = 0;
  int board_small_units = 0, board_large_units = 0;
};

// The same rows as the MQTT run stores, inserted bare, 1000 per transaction.
double BareRun(const std::string& dir, int n) {
  auto file = telemetry::OpenTelemetryFile(dir + "/bare.sqlite", storage::OpenMode::kCreate);
  if (!file.ok()) throw std::runtime_error(file.error().message);
  storage::Database& db = **file;
  const std::int64_t t0 = HourAgoMs();
  std::vector<telemetry::SampleRow> rows;
  for (int i = 0; i < n; ++i) {
    telemetry::SampleRow r;
    r.id = i + 1;
    r.tag = TagName(i % 4, (i / 4) % kTagsPerUnit);
    r.time_us = (t0 + i) * 1000;
    r.value = Value(i);
    r.source = "mb-mqtt";
    r.seq = i + 1;
    r.idx = 0;
    r.entry_seq = 1000 + i;
    r.received_us = t0 * 1000;
    r.row_hash = telemetry::RowHash(r);
    rows.push_back(std::move(r));
  }
  const auto start = SteadyClock::now();
  for (int b = 0; b < n; b += 1000) {
    storage::Transaction tx(db);
    if (!tx.begin_status().ok()) throw std::runtime_error("begin");
    auto st = db.Prepare(
        "INSERT INTO sample(id, tag, time_us, value, source, seq, idx, entry_seq, received_us, "
        "row_hash) VALUES(?,?,?,?,?,?,?,?,?,?)");
    if (!st.ok()) throw std::runtime_error(st.error().message);
    for (int i = b; i < std::min(n, b + 1000); ++i) {
      const auto& r = rows[static_cast<std::size_t>(i)];
      (*st)->Bind(1, r.id).Bind(2, r.tag).Bind(3, r.time_us).Bind(4, telemetry::ValueText(r.value));
      (*st)->Bind(5, r.source).Bind(6, r.seq).Bind(7, r.idx).Bind(8, r.entry_seq);
      (*st)->Bind(9, r.received_us).Bind(10, r.row_hash);
      if (!(*st)->Run().ok()) throw std::runtime_error("insert");
    }
    if (!tx.Commit().ok()) throw std::runtime_error("commit");
  }
  return n / SecondsSince(start);
}

// Waits until the connector has accepted `target` messages; throws on a refusal or after
// `timeout` seconds without progress.
void WaitAccepted(Client& c, std::int64_t target, double stall_seconds) {
  std::int64_t last = -1;
  auto progress = SteadyClock::now();
  for (;;) {
    Json h = MqttHealth(c);
    const std::int64_t accepted = h.value("accepted", std::int64_t{0});
    if (h.value("refused", 0) != 0 || h.value("not_stored", 0) != 0)
      throw std::runtime_error("MQTT messages refused or not stored: " + h.dump());
    if (accepted >= target) return;
    if (accepted != last) {
      last = accepted;
      progress = SteadyClock::now();
    } else if (SecondsSince(progress) > stall_seconds) {
      throw std::runtime_error("MQTT ingest stalled at " + std::to_string(accepted) + " of " +
                               std::to_string(target) + ": " + h.dump());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// `samples_only`: the tag samples (into run.mqtt_samples_wide) through a broker with
// `inflight` messages in flight; else everything, through a broker with mosquitto's default.
void MqttRun(const std::string& dir, int n, Run& run, bool samples_only = false,
             int inflight = 20) {
  Broker broker(dir, inflight);
  DemoServer server = StartMqttServer(ORDO_BIN, dir, broker);
  try {
    Client engineer(server.port);
    engineer.set_token(SignIn(server.port, "engineer", server.passwords.at("engineer")));
    const std::vector<std::string> units(std::begin(kUnits), std::end(kUnits));
    RegisterMqttSource(engineer, "mb-mqtt", units);
    std::vector<std::pair<std::string, std::string>> tags;
    for (int u = 0; u < 4; ++u)
      for (int t = 0; t < kTagsPerUnit; ++t) tags.push_back({TagName(u, t), kUnits[u]});
    for (const auto& [name, unit] : tags) {
      auto r = PostJson(engineer, "/api/v1/tags", {{"name", name}, {"work_unit", unit}});
      if (r.first != 201) throw std::runtime_error("define tag: " + r.second.dump());
    }
    Client health(server.port);
    const std::int64_t t0 = HourAgoMs();
    // Tag samples: message i goes to unit i % 4, tag (i / 4) % 5.
    {
      std::vector<std::pair<std::string, std::string>> messages;
      for (int i = 0; i < n; ++i) {
        const int u = i % 4;
        messages.push_back({std::string("ordo/SITE-BSL/") + kUnits[u] + "/tag/" +
                                TagName(u, (i / 4) % kTagsPerUnit),
                            Json{{"seq", i + 1}, {"time", t0 + i}, {"value", Value(i)}}.dump()});
      }
      Publisher pub("mb-pub-samples", broker.port());
      const auto start = SteadyClock::now();
      for (const auto& [topic, payload] : messages) pub.Publish(topic, payload);
      WaitAccepted(health, n, 30);
      (samples_only ? run.mqtt_samples_wide : run.mqtt_samples) = n / SecondsSince(start);
      const std::int64_t rows = TelemetryRows(dir);
      if (rows != n)
        throw std::runtime_error("telemetry.sqlite holds " + std::to_string(rows) + " rows, " +
                                 std::to_string(n) + " published");
    }
    if (samples_only) {
      StopServer(server.pid);
      return;
    }
    // States and counts: alternating, message i to unit i % 4.
    {
      static const char* states[] = {"running", "setup", "running", "down"};
      std::vector<std::pair<std::string, std::string>> messages;
      for (int i = 0; i < n; ++i) {
        const int u = i % 4;
        const std::int64_t seq = n + i + 1, t = t0 + n + i;
        if (i % 2 == 0)
          messages.push_back(
              {std::string("ordo/SITE-BSL/") + kUnits[u] + "/state",
               Json{{"seq", seq}, {"time", t}, {"state", states[(i / 8) % 4]}}.dump()});
        else
          messages.push_back({std::string("ordo/SITE-BSL/") + kUnits[u] + "/count",
                              Json{{"seq", seq}, {"time", t}, {"total", 2}, {"good", 2}}.dump()});
      }
      Publisher pub("mb-pub-states", broker.port());
      const auto start = SteadyClock::now();
      for (const auto& [topic, payload] : messages) pub.Publish(topic, payload);
      WaitAccepted(health, 2 * static_cast<std::int64_t>(n), 30);
      run.mqtt_items = n / SecondsSince(start);
    }
    // The same items over REST, one per request, one client (a rest source).
    {
      auto r = PostJson(engineer, "/api/v1/sources",
                        {{"name", "mb-rest"}, {"kind", "rest"}, {"work_units", units}});
      if (r.first != 201) throw std::runtime_error("register rest source: " + r.second.dump());
      Client device(server.port);
      device.set_token(r.second.at("api_key").get<std::string>());
      static const char* states[] = {"running", "setup", "running", "down"};
      std::vector<std::string> bodies;
      const std::int64_t t1 = t0 + 2 * n;
      for (int i = 0; i < n; ++i) {
        const int u = i % 4;
        Json b{{"source", "mb-rest"}, {"seq", i + 1}};
        if (i % 2 == 0)
          b["states"] = Json::array(
              {{{"work_unit", kUnits[u]}, {"time", t1 + i}, {"state", states[(i / 8) % 4]}}});
        else
          b["counts"] = Json::array(
              {{{"work_unit", kUnits[u]}, {"time", t1 + i}, {"total", 2}, {"good", 2}}});
        bodies.push_back(b.dump());
      }
      const auto start = SteadyClock::now();
      for (const auto& body : bodies) {
        auto res = device.Send(http::verb::post, "/api/v1/equipment-data", body);
        if (res.result_int() != 200)
          throw std::runtime_error("REST item: HTTP " + std::to_string(res.result_int()) + " " +
                                   res.body());
      }
      run.rest_items = n / SecondsSince(start);
    }
  } catch (...) {
    StopServer(server.pid);
    throw;
  }
  StopServer(server.pid);
}

namespace sp = ordo::sparkplug;

sp::Metric Named(const std::string& name, sp::DataType type, sp::Value value) {
  sp::Metric m;
  m.name = name;
  m.datatype = type;
  m.value = std::move(value);
  return m;
}

std::string Encoded(std::int64_t time_ms, std::uint64_t seq, std::vector<sp::Metric> metrics) {
  sp::Payload p;
  p.timestamp_ms = static_cast<std::uint64_t>(time_ms);
  p.seq = seq;
  p.metrics = std::move(metrics);
  return sp::EncodePayload(p);
}

// N NDATA messages of one edge node through the broker into the ledger: messages/s.
double SparkplugRun(const std::string& dir, int n) {
  Broker broker(dir);
  DemoServer server = StartMqttServer(ORDO_BIN, dir, broker);
  double rate = 0;
  try {
    Client engineer(server.port);
    engineer.set_token(SignIn(server.port, "engineer", server.passwords.at("engineer")));
    auto r = PostJson(engineer, "/api/v1/sources",
                      {{"name", "mb-spb"},
                       {"kind", "sparkplug"},
                       {"group_id", "bench"},
                       {"edge_node", "mb-edge"},
                       {"work_units", {"WU-PRESS-01"}},
                       {"node_work_unit", "WU-PRESS-01"}});
    if (r.first != 201) throw std::runtime_error("register sparkplug source: " + r.second.dump());
    static const char* states[] = {"running", "setup", "running", "down"};
    const std::int64_t t0 = HourAgoMs();
    const std::string data_topic = "spBv1.0/bench/NDATA/mb-edge";
    std::vector<std::string> payloads;
    for (int i = 0; i < n; ++i) {
      const auto seq = static_cast<std::uint64_t>((i + 1) % 256);
      if (i % 2 == 0)
        payloads.push_back(
            Encoded(t0 + 1 + i, seq,
                    {Named("state", sp::DataType::kString, std::string(states[(i / 8) % 4]))}));
      else
        payloads.push_back(Encoded(t0 + 1 + i, seq,
                                   {Named("count/total", sp::DataType::kInt64, std::int64_t{2}),
                                    Named("count/good", sp::DataType::kInt64, std::int64_t{2})}));
    }
    Client health(server.port);
    Publisher pub("mb-pub-spb", broker.port());
    pub.Publish("spBv1.0/bench/NBIRTH/mb-edge",
                Encoded(t0, 0,
                        {Named("bdSeq", sp::DataType::kInt64, std::int64_t{0}),
                         Named("state", sp::DataType::kString, std::string("running")),
                         Named("count/total", sp::DataType::kInt64, std::int64_t{0}),
                         Named("count/good", sp::DataType::kInt64, std::int64_t{0})}));
    WaitAccepted(health, 1, 30);
    const auto start = SteadyClock::now();
    for (const auto& payload : payloads) pub.Publish(data_topic, payload);
    WaitAccepted(health, n + 1, 30);
    rate = n / SecondsSince(start);
    const Json spb = MqttHealth(health)["sparkplug"];
    if (spb.value("rebirths_requested", -1) != 0)
      throw std::runtime_error("the Sparkplug run asked for a rebirth: " + spb.dump());
  } catch (...) {
    StopServer(server.pid);
    throw;
  }
  StopServer(server.pid);
  return rate;
}

// `--sparkplug`: the Sparkplug run alone, `runs` times on fresh servers; the median.
int SparkplugMain(const std::string& dir, int runs, int messages) {
  std::vector<double> rates;
  try {
    for (int r = 0; r < runs; ++r) {
      const std::string base = dir + "/spb-" + std::to_string(r);
      std::filesystem::create_directories(base);
      rates.push_back(SparkplugRun(base, messages));
      std::filesystem::remove_all(base);
      std::printf("run %d: Sparkplug NDATA into the ledger %.0f messages/s\n", r + 1, rates.back());
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mqtt bench: %s\n", e.what());
    std::filesystem::remove_all(dir);
    return 1;
  }
  std::filesystem::remove_all(dir);
  std::printf(
      "Sparkplug B ingest, median of %d runs (%d NDATA of one edge node each, QoS 1, one "
      "publisher): %.0f messages/s\n",
      runs, messages, Median(rates));
  for (double r : rates)
    if (!(r > 0)) return 1;
  return 0;
}

// p50/p99 (ms) of `calls` GETs of the board; the work units on the last answer.
std::pair<double, double> TimeBoard(Client& c, int calls, int* lines) {
  std::vector<double> ms;
  for (int i = 0; i < calls; ++i) {
    const auto start = SteadyClock::now();
    auto [status, body] = GetJson(c, "/api/v1/equipment/board");
    ms.push_back(SecondsSince(start) * 1000);
    if (status != 200) throw std::runtime_error("board: HTTP " + std::to_string(status));
    if (i + 1 == calls) {
      *lines = 0;
      for (const auto& line : body.at("lines"))
        *lines += static_cast<int>(line.at("work_units").size());
    }
  }
  std::sort(ms.begin(), ms.end());
  return {Quantile(ms, 0.5), Quantile(ms, 0.99)};
}

void BoardRun(const std::string& dir, int units, int calls, Run& run) {
  DemoServer server = StartDemoServer(ORDO_BIN, dir);
  try {
    Client reader(server.port);
    reader.set_token(SignIn(server.port, "operator", server.passwords.at("operator")));
    std::tie(run.board_small_p50, run.board_small_p99) =
        TimeBoard(reader, calls, &run.board_small_units);
    std::vector<std::string> ids;
    char id[32];
    for (int u = 0; u < units; ++u) {
      std::snprintf(id, sizeof id, "WU-SOAK-%03d", u + 1);
      ids.push_back(id);
    }
    AddWorkUnits(server.port, server.passwords, ids);
    // Each new unit running, with a count, so that every line has a state.
    Client engineer(server.port);
    engineer.set_token(SignIn(server.port, "engineer", server.passwords.at("engineer")));
    // A source speaks for at most 200 work units: one rest source per 200.
    const std::int64_t t = HourAgoMs();
    for (std::size_t first = 0; first < ids.size(); first += 200) {
      const std::vector<std::string> chunk(
          ids.begin() + static_cast<std::ptrdiff_t>(first),
          ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), first + 200)));
      const std::string name = "mb-board-" + std::to_string(first / 200);
      auto r = PostJson(engineer, "/api/v1/sources",
                        {{"name", name}, {"kind", "rest"}, {"work_units", chunk}});
      if (r.first != 201) throw std::runtime_error("register board source: " + r.second.dump());
      Client device(server.port);
      device.set_token(r.second.at("api_key").get<std::string>());
      Json b{{"source", name}, {"seq", 1}, {"states", Json::array()}, {"counts", Json::array()}};
      for (const auto& u : chunk) {
        b["states"].push_back({{"work_unit", u}, {"time", t}, {"state", "running"}});
        b["counts"].push_back({{"work_unit", u}, {"time", t + 1000}, {"total", 5}, {"good", 5}});
      }
      auto res = device.Send(http::verb::post, "/api/v1/equipment-data", b.dump());
      if (res.result_int() != 200) throw std::runtime_error("board states: " + res.body());
    }
    std::tie(run.board_large_p50, run.board_large_p99) =
        TimeBoard(reader, calls, &run.board_large_units);
  } catch (...) {
    StopServer(server.pid);
    throw;
  }
  StopServer(server.pid);
}

double MedianOf(const std::vector<Run>& runs, double Run::*field) {
  std::vector<double> v;
  for (const auto& r : runs) v.push_back(r.*field);
  return Median(v);
}

}  // namespace
}  // namespace ordo::bench

int main(int argc, char** argv) {
  using namespace ordo::bench;
  bool quick = false, sparkplug = false;
  int runs = 3, messages = 5000, board_units = 500, board_calls = 100, wide_inflight = 1000;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
    if (a == "--quick") {
      quick = true;
    } else if (a == "--sparkplug") {
      sparkplug = true;
    } else if (a == "--runs") {
      runs = next();
    } else if (a == "--messages") {
      messages = next();
    } else if (a == "--board-units") {
      board_units = next();
    } else if (a == "--board-calls") {
      board_calls = next();
    } else if (a == "--wide-inflight") {
      wide_inflight = next();
    } else {
      std::fprintf(stderr,
                   "usage: ordo_mqtt_bench [--quick] [--sparkplug] [--runs N] [--messages N] "
                   "[--board-units N] [--board-calls N] [--wide-inflight N]\n");
      return 2;
    }
  }
  if (quick) runs = 1, messages = 200, board_units = 20, board_calls = 10;
  ordo::InitCrypto();
  ordo::cli::RegisterCapabilities();
  const std::string dir =
      std::filesystem::temp_directory_path() / ("ordo-mqtt-bench-" + std::to_string(::getpid()));
  if (sparkplug) return SparkplugMain(dir, runs, messages);
  std::vector<Run> results;
  try {
    for (int r = 0; r < runs; ++r) {
      Run run;
      const std::string base = dir + "/" + std::to_string(r);
      for (const char* sub : {"/bare", "/mqtt", "/mqtt-wide", "/board"})
        std::filesystem::create_directories(base + sub);
      run.bare = BareRun(base + "/bare", messages);
      MqttRun(base + "/mqtt", messages, run);
      MqttRun(base + "/mqtt-wide", messages, run, /*samples_only=*/true, wide_inflight);
      BoardRun(base + "/board", board_units, board_calls, run);
      std::filesystem::remove_all(base);
      std::printf(
          "run %d: bare %.0f samples/s; MQTT samples %.0f/s (%.3f of bare), with a %d-message "
          "window %.0f/s (%.3f); MQTT states+counts "
          "%.0f items/s, REST one item per request %.0f items/s (MQTT/REST %.2f); board p50/p99 "
          "%.1f/%.1f ms with %d work units, %.1f/%.1f ms with %d\n",
          r + 1, run.bare, run.mqtt_samples, run.mqtt_samples / run.bare, wide_inflight,
          run.mqtt_samples_wide, run.mqtt_samples_wide / run.bare, run.mqtt_items, run.rest_items,
          run.mqtt_items / run.rest_items, run.board_small_p50, run.board_small_p99,
          run.board_small_units, run.board_large_p50, run.board_large_p99, run.board_large_units);
      std::fflush(stdout);
      results.push_back(run);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mqtt bench: %s\n", e.what());
    std::filesystem::remove_all(dir);
    return 1;
  }
  std::filesystem::remove_all(dir);
  const double bare = MedianOf(results, &Run::bare), mqtt = MedianOf(results, &Run::mqtt_samples);
  const double items = MedianOf(results, &Run::mqtt_items),
               rest = MedianOf(results, &Run::rest_items);
  std::vector<double> sample_ratios, wide_ratios, item_ratios;
  for (const auto& r : results) {
    sample_ratios.push_back(r.mqtt_samples / r.bare);
    wide_ratios.push_back(r.mqtt_samples_wide / r.bare);
    item_ratios.push_back(r.mqtt_items / r.rest_items);
  }
  std::printf(
      "MQTT ingest, medians of %d runs (%d messages each, QoS 1, one publisher):\n"
      "  bare batched SQLite insert (same rows, 1000 per transaction): %.0f samples/s\n"
      "  MQTT tag samples into telemetry.sqlite, end to end: %.0f samples/s\n"
      "  ratio MQTT / bare: %.4f\n"
      "  the same with the broker's max_inflight_messages %d: %.0f samples/s, ratio %.4f\n"
      "  MQTT states + counts into the ledger: %.0f items/s\n"
      "  REST states + counts, one item per request: %.0f items/s\n"
      "  ratio MQTT / REST: %.2f\n"
      "equipment board, medians of %d runs (%d GETs each):\n"
      "  demo plant, %d work units on the board: p50 %.1f ms, p99 %.1f ms\n"
      "  + %d work units, %d on the board: p50 %.1f ms, p99 %.1f ms\n",
      runs, messages, bare, mqtt, Median(sample_ratios), wide_inflight,
      MedianOf(results, &Run::mqtt_samples_wide), Median(wide_ratios), items, rest,
      Median(item_ratios), runs, board_calls, results.back().board_small_units,
      MedianOf(results, &Run::board_small_p50), MedianOf(results, &Run::board_small_p99),
      board_units, results.back().board_large_units, MedianOf(results, &Run::board_large_p50),
      MedianOf(results, &Run::board_large_p99));
  for (const auto& r : results)
    if (!(r.mqtt_samples > 0 && r.mqtt_samples_wide > 0 && r.mqtt_items > 0 && r.rest_items > 0 &&
          r.bare > 0 && r.board_large_units == r.board_small_units + board_units)) {
      std::fprintf(stderr, "mqtt bench: a figure is not positive or the board misses units\n");
      return 1;
    }
  return 0;
}
