// Execution benchmark through the HTTP API (see exec_bench.h).
#include "exec_bench.h"

#include <algorithm>
#include <atomic>
#include <latch>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "http_support.h"

namespace ordo::bench {

namespace {

namespace http = boost::beast::http;
using Json = nlohmann::json;

const char* const kCommands[] = {"start",   "acknowledge",    "parameter",
                                 "consume", "characteristic", "complete"};
constexpr int kCommandCount = 6;
constexpr const char* kLot = "L-RM-MCC-101-01";  // a demo lot, shared by every client

// POSTs `body`; the status and the parsed body (null when not JSON).
std::pair<int, Json> Post(Client& c, const std::string& target, const Json& body) {
  auto res = c.Send(http::verb::post, target, body.dump());
  return {res.result_int(), Json::parse(res.body(), nullptr, false)};
}

std::string SignIn(unsigned short port, const std::string& user, const std::string& password) {
  Client c(port);
  auto [status, body] = Post(c, "/api/v1/session", {{"user", user}, {"password", password}});
  if (status != 200 && status != 201)
    throw std::runtime_error("sign-in as " + user + ": HTTP " + std::to_string(status));
  return body.at("token").get<std::string>();
}

void Expect(const std::pair<int, Json>& reply, int status, const std::string& what) {
  if (reply.first != status)
    throw std::runtime_error(what + ": HTTP " + std::to_string(reply.first) + " " +
                             reply.second.dump().substr(0, 400));
}

std::string Unit(int client) {
  char id[32];
  std::snprintf(id, sizeof id, "WU-BENCH-%02d", client + 1);
  return id;
}

// One dispensing work unit per client, through change control (engineer proposes and
// signs, quality approves and signs): a work unit runs one operation at a time.
void AddWorkUnits(unsigned short port, const std::map<std::string, std::string>& passwords,
                  int clients) {
  Client engineer(port), quality(port);
  engineer.set_token(SignIn(port, "engineer", passwords.at("engineer")));
  quality.set_token(SignIn(port, "quality", passwords.at("quality")));
  Json files = Json::array();
  for (int c = 0; c < clients; ++c)
    files.push_back({{"path", "equipment/" + Unit(c) + ".yaml"},
                     {"text", "kind: equipment\nid: " + Unit(c) +
                                  "\nname: Benchmark dispensing balance\nlevel: work_unit\nparent: "
                                  "WC-OSD-DISP\nequipment_class: balance\ncapabilities:\n  - "
                                  "dispensing\nstatus: available\ncleaning_status: clean\n"}});
  auto applied = Post(engineer, "/api/v1/plant/apply",
                      {{"files", files},
                       {"title", "Benchmark work units"},
                       {"reason", "execution benchmark: one work unit per operator client"}});
  Expect(applied, 201, "plant apply");
  const std::string cr = applied.second.at("change_request").at("id").get<std::string>();
  Expect(Post(engineer, "/api/v1/change-requests/" + cr + "/submit",
              {{"signature", {{"user", "engineer"}, {"password", passwords.at("engineer")}}}}),
         200, "submit " + cr);
  Expect(Post(quality, "/api/v1/change-requests/" + cr + "/approve",
              {{"signature", {{"user", "quality"}, {"password", passwords.at("quality")}}}}),
         200, "approve " + cr);
}

}  // namespace

ExecRun RunExecBench(const ExecBenchOptions& o) {
  static int counter = 0;
  ScratchDir dir(o.work_dir, "exec-" + std::to_string(counter++), o.keep);
  const DemoServer demo = StartDemoServer(o.ordo_bin, dir.path());
  const unsigned short port = demo.port;
  const int clients = std::max(1, o.clients);
  const int orders = std::max(1, o.orders_per_client);
  ExecRun run;
  std::mutex mutex;
  std::string first_error;
  std::atomic<std::int64_t> errors{0};
  auto note_error = [&](const std::string& what) {
    errors.fetch_add(1);
    std::lock_guard lock(mutex);
    if (first_error.empty()) first_error = what;
  };

  try {
    const auto setup_start = SteadyClock::now();
    AddWorkUnits(port, demo.passwords, clients);
    const std::string supervisor = SignIn(port, "supervisor", demo.passwords.at("supervisor"));
    const std::string operator_password = demo.passwords.at("operator");

    std::latch ready(clients), go(1), logbook_ready(clients), logbook_go(1);
    SteadyClock::time_point deadline, logbook_deadline;
    std::vector<std::vector<double>> latencies(kCommandCount);
    std::vector<double> logbook_ms;
    std::atomic<std::int64_t> cycles{0}, requests{0}, logbook_writes{0};
    std::vector<double> finished(clients, 0);
    SteadyClock::time_point start;

    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
      threads.emplace_back([&, c] {
        Client client(port);
        bool ok = true;
        char prefix[32];
        std::snprintf(prefix, sizeof prefix, "WO-BENCH-%02d-", c + 1);
        try {  // outside the measured time: this client's orders, created and released
          client.set_token(supervisor);
          for (int n = 0; n < orders; ++n) {
            const std::string id = prefix + std::to_string(1000 + n);
            Expect(Post(client, "/api/v1/orders",
                        {{"order_id", id},
                         {"product", "PD-PCM500-20"},
                         {"quantity", 1500},
                         {"unit", "ea"},
                         {"due_date", "2030-06-28"},
                         {"priority", 5}}),
                   201, "create " + id);
            Expect(Post(client, "/api/v1/orders/" + id + "/release", Json::object()), 200,
                   "release " + id);
          }
          client.set_token(SignIn(port, "operator", operator_password));
        } catch (const std::exception& e) {
          note_error(std::string("setup: ") + e.what());
          ok = false;
        }
        ready.count_down();
        go.wait();
        std::vector<std::vector<double>> mine(kCommandCount);
        const std::string unit = Unit(c);
        for (int n = 0; ok && n < orders && SteadyClock::now() < deadline; ++n) {
          const std::string op = "/api/v1/orders/" + std::string(prefix) +
                                 std::to_string(1000 + n) + "/operations/10/";
          const std::pair<std::string, Json> steps[kCommandCount] = {
              {"start", {{"work_unit", unit}}},
              {"acknowledge-instructions", Json::object()},
              {"parameters", {{"name", "booth_downflow_velocity"}, {"value", 0.45}}},
              {"consume", {{"lot", kLot}, {"quantity", 1}, {"unit", "g"}}},
              {"characteristics", {{"name", "net_weight_deviation"}, {"values", {0.1}}}},
              {"complete", {{"good", 1500}}}};
          for (int s = 0; ok && s < kCommandCount; ++s) {
            const auto t0 = SteadyClock::now();
            try {
              auto reply = Post(client, op + steps[s].first, steps[s].second);
              if (reply.first != 200) {
                note_error(op + steps[s].first + ": HTTP " + std::to_string(reply.first) + " " +
                           reply.second.dump().substr(0, 400));
                ok = false;
                break;
              }
              mine[s].push_back(SecondsSince(t0) * 1000.0);
              requests.fetch_add(1);
            } catch (const std::exception& e) {
              note_error(op + steps[s].first + ": " + e.what());
              ok = false;
            }
          }
          if (ok) cycles.fetch_add(1);
        }
        {
          std::lock_guard lock(mutex);
          finished[c] = SecondsSince(start);
          for (int s = 0; s < kCommandCount; ++s)
            latencies[s].insert(latencies[s].end(), mine[s].begin(), mine[s].end());
        }
        // The floor, on the same server, the same connection: logbook writes.
        logbook_ready.count_down();
        logbook_go.wait();
        std::vector<double> floor;
        for (std::int64_t i = 0; SteadyClock::now() < logbook_deadline; ++i) {
          const Json body{{"subject", unit},
                          {"category", "use"},
                          {"text", "Batch B-" + std::to_string(100000 + i) +
                                       ": dispensing booth checked, balance within "
                                       "calibration, line clearance done."}};
          const auto t0 = SteadyClock::now();
          try {
            auto reply = Post(client, "/api/v1/logbook", body);
            if (reply.first != 201) {
              note_error("logbook: HTTP " + std::to_string(reply.first));
              continue;
            }
            floor.push_back(SecondsSince(t0) * 1000.0);
            logbook_writes.fetch_add(1);
          } catch (const std::exception& e) {
            note_error(std::string("logbook: ") + e.what());
            client.Close();
          }
        }
        std::lock_guard lock(mutex);
        logbook_ms.insert(logbook_ms.end(), floor.begin(), floor.end());
      });
    }
    ready.wait();
    run.setup_seconds = SecondsSince(setup_start);
    const std::int64_t setup_errors = errors.load();
    start = SteadyClock::now();
    deadline = start + std::chrono::microseconds(static_cast<std::int64_t>(o.seconds * 1e6));
    go.count_down();
    logbook_ready.wait();
    run.seconds = std::min(o.seconds, *std::max_element(finished.begin(), finished.end()));
    const auto logbook_start = SteadyClock::now();
    logbook_deadline =
        logbook_start + std::chrono::microseconds(static_cast<std::int64_t>(o.seconds * 1e6));
    logbook_go.count_down();
    for (auto& t : threads) t.join();
    run.logbook_seconds = SecondsSince(logbook_start);
    if (setup_errors > 0) throw std::runtime_error(first_error);

    run.cycles = cycles.load();
    run.requests = requests.load();
    run.logbook_writes = logbook_writes.load();
    for (int s = 0; s < kCommandCount; ++s) {
      std::sort(latencies[s].begin(), latencies[s].end());
      run.commands.push_back({kCommands[s], static_cast<std::int64_t>(latencies[s].size()),
                              Quantile(latencies[s], 0.50), Quantile(latencies[s], 0.99)});
    }
    std::sort(logbook_ms.begin(), logbook_ms.end());
    run.logbook_p50_ms = Quantile(logbook_ms, 0.50);
    run.logbook_p99_ms = Quantile(logbook_ms, 0.99);
  } catch (...) {
    StopServer(demo.pid);
    throw;
  }
  StopServer(demo.pid);
  run.errors = errors.load();
  if (run.errors > 0)
    std::fprintf(stderr, "ordo_bench: %lld execution benchmark errors, first: %s\n",
                 static_cast<long long>(run.errors), first_error.c_str());
  return run;
}

}  // namespace ordo::bench
