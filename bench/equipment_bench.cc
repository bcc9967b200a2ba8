// Equipment ingest benchmark (make bench; docs/PERFORMANCE.md): state changes and counts
// per second into the ledger, (1) through POST /api/v1/equipment-data of the real server
// with concurrent keep-alive clients, one rest source per client, and (2) through the
// command engine directly (IngestCommand, no HTTP), on fresh demo data dirs in the same
// run. Each batch holds `items` states and `items` counts for one work unit. Prints items
// per second and the ratio HTTP / engine. `--quick`: a smoke run.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "admin/data_dir_ops.h"
#include "cli/capabilities.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "engine/engine.h"
#include "http_support.h"
#include "mes/equipment/commands/equipment_commands.h"
#include "mes/equipment/domain/batch.h"
#include "store/data_dir.h"

namespace ordo::bench {
namespace {

namespace http = boost::beast::http;
using Json = nlohmann::json;

const char* kUnits[] = {"WU-PRESS-01", "WU-PKG-01", "WU-BLISTER-01", "WU-MILL-01"};

template <typename T>
T Take(Result<T> r, const std::string& what) {
  if (!r.ok()) throw std::runtime_error(what + ": " + r.error().message);
  return std::move(*r);
}

// A batch of `items` states and `items` counts of `unit`, device times from `t0_ms`.
Json MakeBatch(const std::string& source, std::int64_t seq, const std::string& unit, int items,
               std::int64_t t0_ms) {
  static const char* states[] = {"running", "setup", "running", "down"};
  Json b{{"source", source}, {"seq", seq}, {"states", Json::array()}, {"counts", Json::array()}};
  for (int i = 0; i < items; ++i) {
    const std::int64_t t = t0_ms + (seq * items + i) * 1000;
    b["states"].push_back({{"work_unit", unit}, {"time", t}, {"state", states[i % 4]}});
    b["counts"].push_back(
        {{"work_unit", unit}, {"time", t}, {"total", 10}, {"good", 9}, {"scrap", 1}});
  }
  return b;
}

double HttpRun(const std::string& ordo_bin, const std::string& dir, int clients, int batches,
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
        auto r = client.Send(http::verb::post, "/api/v1/equipment-data",
                             MakeBatch(source, s, kUnits[c % 4], items, t0_ms).dump());
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
  if (failures) throw std::runtime_error("HTTP ingest failed: " + first_error);
  return 2.0 * items * batches * clients / seconds;
}

double EngineRun(const std::string& dir, int clients, int batches, int items) {
  SystemClock clock;
  store::DataDir data{dir + "/data"};
  admin::InitOptions init;
  init.dir = data;
  init.site_name = "bench";
  init.admin_password = "bench-admin-password";
  init.demo = true;
  Take(admin::InitDataDir(init, clock), "init --demo");
  engine::EngineOptions eo;
  eo.data_dir = data;
  eo.clock = &clock;
  auto engine = Take(engine::Engine::Start(eo), "engine");
  const engine::Actor engineer{0, "bench", "engineer", std::nullopt};
  for (int c = 0; c < clients; ++c) {
    equipment::SourceRegistered s;
    s.name = "bench-" + std::to_string(c);
    s.kind = "rest";
    s.work_units = {kUnits[c % 4]};
    s.key_hash = Sha256Hex(s.name);
    Take(engine->SubmitAndWait(equipment::RegisterSourceCommand(engineer, s)), "register");
  }
  const std::int64_t t0_ms = clock.NowMicros() / 1000 - 3600 * 1000;
  // Decoded as the handler decodes them, before the clock starts.
  struct Item {
    std::string source;
    equipment::Batch batch;
    std::string hash;
  };
  std::vector<Item> work;
  for (int s = 1; s <= batches; ++s)
    for (int c = 0; c < clients; ++c) {
      const std::string source = "bench-" + std::to_string(c);
      Json body = MakeBatch(source, s, kUnits[c % 4], items, t0_ms);
      work.push_back({source, Take(equipment::DecodeBatch(body, true, clock.NowMicros()), "decode"),
                      equipment::BatchHash(body)});
    }
  std::mutex m;
  std::condition_variable cv;
  std::size_t pending = work.size();
  std::string failure;
  const auto start = std::chrono::steady_clock::now();
  for (auto& w : work)
    engine->Submit(
        equipment::IngestCommand(engine::Actor{0, "source:" + w.source, "device", std::nullopt},
                                 w.source, std::move(w.batch), w.hash, clock.NowMicros()),
        [&](Result<engine::CommandReply> r) {
          std::lock_guard lock(m);
          if ((!r.ok() || r->body.contains("refused")) && failure.empty())
            failure = r.ok() ? r->body.dump() : r.error().message;
          if (--pending == 0) cv.notify_all();
        });
  {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return pending == 0; });
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  engine->Stop();
  if (!failure.empty()) throw std::runtime_error("engine ingest failed: " + failure);
  return 2.0 * items * batches * clients / seconds;
}

}  // namespace
}  // namespace ordo::bench

int main(int argc, char** argv) {
  using namespace ordo::bench;
  const bool quick = argc > 1 && std::string(argv[1]) == "--quick";
  const int clients = 4, batches = quick ? 5 : 250, items = 20;
  ordo::InitCrypto();
  ordo::cli::RegisterCapabilities();
  const std::string dir = std::filesystem::temp_directory_path() /
                          ("ordo-equipment-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/http");
  std::filesystem::create_directories(dir + "/engine");
  try {
    const double engine_rate = EngineRun(dir + "/engine", clients, batches, items);
    const double http_rate = HttpRun(ORDO_BIN, dir + "/http", clients, batches, items);
    std::printf(
        "equipment ingest: %d sources x %d batches x (%d states + %d counts)\n"
        "  engine (IngestCommand, no HTTP): %.0f items/s into the ledger\n"
        "  REST (POST /api/v1/equipment-data, %d keep-alive clients): %.0f items/s\n"
        "  ratio REST / engine: %.2f\n",
        clients, batches, items, items, engine_rate, clients, http_rate, http_rate / engine_rate);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "equipment bench: %s\n", e.what());
    std::filesystem::remove_all(dir);
    return 1;
  }
  std::filesystem::remove_all(dir);
  return 0;
}
