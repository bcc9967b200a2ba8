// Telemetry ingest benchmark (make bench; docs/PERFORMANCE.md): samples per second from
// POST /api/v1/equipment-data of the real server into telemetry.sqlite (durable before
// each 200: the ledger commit and the telemetry commit), with concurrent keep-alive
// clients, one rest source and one tag per client; against a bare batched insert of the
// same rows (same table, one transaction per batch, synchronous=FULL through the storage
// driver) in the same run. Prints samples per second and the ratio. `--quick`: a smoke run.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli/capabilities.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "http_support.h"
#include "mes/telemetry/domain/seal.h"
#include "mes/telemetry/store/telemetry_file.h"

namespace ordo::bench {
namespace {

namespace http = boost::beast::http;
using Json = nlohmann::json;

const char* kUnits[] = {"WU-PRESS-01", "WU-PKG-01", "WU-BLISTER-01", "WU-MILL-01"};

double Value(int c, std::int64_t seq, int i) {
  return 50 + 20 * std::sin(static_cast<double>(seq * 1000 + i) / 37.0) + c;
}

// A batch of `items` samples of tag `tag`, device times one per 10 ms from `t0_ms`.
Json MakeBatch(const std::string& source, const std::string& tag, int c, std::int64_t seq,
               int items, std::int64_t t0_ms) {
  Json b{{"source", source}, {"seq", seq}, {"samples", Json::array()}};
  for (int i = 0; i < items; ++i)
    b["samples"].push_back(
        {{"tag", tag}, {"time", t0_ms + (seq * items + i) * 10}, {"value", Value(c, seq, i)}});
  return b;
}

double RestRun(const std::string& ordo_bin, const std::string& dir, int clients, int batches,
               int items) {
  DemoServer server = StartDemoServer(ordo_bin, dir);
  Client engineer(server.port);
  auto login = engineer.Send(
      http::verb::post, "/api/v1/session",
      Json{{"user", "engineer"}, {"password", server.passwords.at("engineer")}}.dump());
  engineer.set_token(Json::parse(login.body()).at("token").get<std::string>());
  std::vector<std::string> keys;
  for (int c = 0; c < clients; ++c) {
    auto r = engineer.Send(http::verb::post, "/api/v1/sources",
                           Json{{"name", "bench-" + std::to_string(c)},
                                {"kind", "rest"},
                                {"work_units", {kUnits[c % 4]}}}
                               .dump());
    if (r.result_int() != 201) throw std::runtime_error("register source: " + r.body());
    keys.push_back(Json::parse(r.body()).at("api_key").get<std::string>());
    auto t = engineer.Send(
        http::verb::post, "/api/v1/tags",
        Json{{"name", "bench.t" + std::to_string(c)}, {"work_unit", kUnits[c % 4]}}.dump());
    if (t.result_int() != 201) throw std::runtime_error("define tag: " + t.body());
  }
  const std::int64_t t0_ms = SystemClock().NowMicros() / 1000 - 3600 * 1000;
  std::atomic<int> failures{0};
  std::string first_error;
  std::mutex m;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      Client client(server.port);
      client.set_token(keys[c]);
      const std::string source = "bench-" + std::to_string(c);
      for (int s = 1; s <= batches; ++s) {
        auto r = client.Send(
            http::verb::post, "/api/v1/equipment-data",
            MakeBatch(source, "bench.t" + std::to_string(c), c, s, items, t0_ms).dump());
        if (r.result_int() != 200) {
          std::lock_guard lock(m);
          if (failures++ == 0) first_error = r.body();
        }
      }
    });
  for (auto& t : threads) t.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  StopServer(server.pid);
  if (failures) throw std::runtime_error("REST ingest failed: " + first_error);
  return static_cast<double>(items) * batches * clients / seconds;
}

// The same rows (all columns, values as the telemetry file holds them) inserted into the
// same table of a fresh file, one transaction per batch.
double BareRun(const std::string& dir, int clients, int batches, int items) {
  auto file = telemetry::OpenTelemetryFile(dir + "/bare.sqlite", storage::OpenMode::kCreate);
  if (!file.ok()) throw std::runtime_error(file.error().message);
  storage::Database& db = **file;
  const std::int64_t t0_ms = SystemClock().NowMicros() / 1000 - 3600 * 1000;
  std::vector<std::vector<telemetry::SampleRow>> work;
  std::int64_t id = 0;
  for (int s = 1; s <= batches; ++s)
    for (int c = 0; c < clients; ++c) {
      std::vector<telemetry::SampleRow> rows;
      for (int i = 0; i < items; ++i) {
        telemetry::SampleRow r;
        r.id = ++id;
        r.tag = "bench.t" + std::to_string(c);
        r.time_us = (t0_ms + (s * items + i) * 10) * 1000;
        r.value = Value(c, s, i);
        r.source = "bench-" + std::to_string(c);
        r.seq = s;
        r.idx = i;
        r.entry_seq = s * clients + c;
        r.received_us = t0_ms * 1000;
        r.row_hash = telemetry::RowHash(r);
        rows.push_back(std::move(r));
      }
      work.push_back(std::move(rows));
    }
  const auto start = std::chrono::steady_clock::now();
  for (const auto& rows : work) {
    storage::Transaction tx(db);
    if (!tx.begin_status().ok()) throw std::runtime_error("begin");
    auto st = db.Prepare(
        "INSERT INTO sample(id, tag, time_us, value, source, seq, idx, entry_seq, received_us, "
        "row_hash) VALUES(?,?,?,?,?,?,?,?,?,?)");
    if (!st.ok()) throw std::runtime_error(st.error().message);
    for (const auto& r : rows) {
      (*st)->Bind(1, r.id).Bind(2, r.tag).Bind(3, r.time_us).Bind(4, telemetry::ValueText(r.value));
      (*st)->Bind(5, r.source).Bind(6, r.seq).Bind(7, r.idx).Bind(8, r.entry_seq);
      (*st)->Bind(9, r.received_us).Bind(10, r.row_hash);
      if (!(*st)->Run().ok()) throw std::runtime_error("insert");
    }
    if (!tx.Commit().ok()) throw std::runtime_error("commit");
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return static_cast<double>(items) * batches * clients / seconds;
}

}  // namespace
}  // namespace ordo::bench

int main(int argc, char** argv) {
  using namespace ordo::bench;
  const bool quick = argc > 1 && std::string(argv[1]) == "--quick";
  const int clients = 4, batches = quick ? 3 : 50, items = 1000;
  ordo::InitCrypto();
  ordo::cli::RegisterCapabilities();
  const std::string dir = std::filesystem::temp_directory_path() /
                          ("ordo-telemetry-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/rest");
  std::filesystem::create_directories(dir + "/bare");
  try {
    const double bare_rate = BareRun(dir + "/bare", clients, batches, items);
    const double rest_rate = RestRun(ORDO_BIN, dir + "/rest", clients, batches, items);
    std::printf(
        "telemetry ingest: %d sources x %d batches x %d samples\n"
        "  bare batched SQLite insert (same rows, one transaction per batch): %.0f samples/s\n"
        "  REST (POST /api/v1/equipment-data into telemetry.sqlite, %d keep-alive clients): "
        "%.0f samples/s\n"
        "  ratio REST / bare: %.2f\n",
        clients, batches, items, bare_rate, clients, rest_rate, rest_rate / bare_rate);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "telemetry bench: %s\n", e.what());
    std::filesystem::remove_all(dir);
    return 1;
  }
  std::filesystem::remove_all(dir);
  return 0;
}
