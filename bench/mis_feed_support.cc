// Helpers of the MIS feed benchmarks (see mis_feed_support.h).
#include "mis_feed_support.h"

#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>
#include <thread>

#include "bench_util.h"
#include "core/clock.h"

namespace ordo::bench {

namespace {

namespace http = boost::beast::http;
using Json = nlohmann::json;

constexpr const char* kFeedPassword = "bench feed password tulip 7";
constexpr const char* kMisAdminPassword = "bench mis admin password 1";

Json Expect(const Client::Response& r, int status, const std::string& what) {
  if (r.result_int() != status)
    throw std::runtime_error(what + ": HTTP " + std::to_string(r.result_int()) + " " + r.body());
  return r.body().empty() ? Json() : Json::parse(r.body());
}

std::string SignIn(Client& client, const std::string& user, const std::string& password) {
  auto r = client.Send(http::verb::post, "/api/v1/session",
                       Json{{"user", user}, {"password", password}}.dump());
  return Expect(r, 200, "sign in " + user).at("token").get<std::string>();
}

// The demo's work units; source u writes for unit u % 4, at its own millisecond offset.
std::string UnitName(int u) {
  static const char* units[] = {"WU-PRESS-01", "WU-PKG-01", "WU-BLISTER-01", "WU-MILL-01"};
  return units[u % 4];
}

Json Batch(const std::string& source, std::int64_t seq, const std::string& unit, int items,
           std::int64_t t0_ms) {
  static const char* states[] = {"running", "idle", "running", "down", "setup"};
  Json b{{"source", source}, {"seq", seq}, {"states", Json::array()}, {"counts", Json::array()}};
  for (int i = 0; i < items; ++i) {
    const std::int64_t t = t0_ms + (seq * items + i) * 1000;
    Json s{{"work_unit", unit}, {"time", t}, {"state", states[(seq + i) % 5]}};
    if ((seq + i) % 5 == 1) s["reason"] = "starved";
    b["states"].push_back(s);
    b["counts"].push_back(
        {{"work_unit", unit}, {"time", t}, {"total", 10}, {"good", 9}, {"scrap", 1}});
  }
  return b;
}

// The feed account, the sources and the machine data, on a started server.
void FillMes(const std::string& dir, int units, int batches, int items, MesWithData* out);

}  // namespace

MesWithData StartMesWithData(const std::string& ordo_bin, const std::string& dir, int units,
                             int batches, int items) {
  MesWithData mes;
  mes.server = StartDemoServer(ordo_bin, dir);
  try {
    FillMes(dir, units, batches, items, &mes);
  } catch (...) {
    StopServer(mes.server.pid);
    throw;
  }
  return mes;
}

namespace {
void FillMes(const std::string& dir, int units, int batches, int items, MesWithData* out) {
  MesWithData& mes = *out;
  Client admin(mes.server.port);
  admin.set_token(SignIn(admin, "admin", mes.server.passwords.at("admin")));
  Expect(admin.Send(http::verb::post, "/api/v1/users",
                    Json{{"name", "mis.feed"},
                         {"display_name", "MIS ledger feed"},
                         {"roles", {"feed_reader"}},
                         {"password", "feed one-time password 2026"}}
                        .dump()),
         201, "create the feed account");
  Client anon(mes.server.port);
  Expect(anon.Send(http::verb::post, "/api/v1/session/password",
                   Json{{"user", "mis.feed"},
                        {"password", "feed one-time password 2026"},
                        {"new_password", kFeedPassword}}
                       .dump()),
         200, "set the feed account's password");
  mes.feed_password_file = dir + "/mes-password";
  std::ofstream(mes.feed_password_file) << kFeedPassword << "\n";
  Client engineer(mes.server.port);
  engineer.set_token(SignIn(engineer, "engineer", mes.server.passwords.at("engineer")));
  std::vector<std::string> keys;
  for (int u = 0; u < units; ++u) {
    auto r = engineer.Send(http::verb::post, "/api/v1/sources",
                           Json{{"name", "mis-bench-" + std::to_string(u)},
                                {"kind", "rest"},
                                {"work_units", {UnitName(u)}}}
                               .dump());
    keys.push_back(Expect(r, 201, "register a source").at("api_key").get<std::string>());
  }
  const std::int64_t day_ms = 24LL * 3600 * 1000;
  const std::int64_t t0_ms = (SystemClock().NowMicros() / 1000 / day_ms - 30) * day_ms;
  mes.first_day = FormatUtcMicros(t0_ms * 1000);
  const std::int64_t span_ms = (static_cast<std::int64_t>(batches) + 2) * items * 1000;
  mes.last_day = FormatUtcMicros((t0_ms + (span_ms / day_ms + 1) * day_ms) * 1000);
  std::mutex m;
  std::string error;
  std::vector<std::thread> writers;
  const int threads = std::min(units, 4);
  for (int w = 0; w < threads; ++w)
    writers.emplace_back([&, w] {
      Client client(mes.server.port);
      for (int u = w; u < units; u += threads) {
        client.set_token(keys[u]);
        for (int s = 1; s <= batches; ++s) {
          auto r = client.Send(
              http::verb::post, "/api/v1/equipment-data",
              Batch("mis-bench-" + std::to_string(u), s, UnitName(u), items, t0_ms).dump());
          if (r.result_int() != 200) {
            std::lock_guard lock(m);
            if (error.empty()) error = r.body();
            return;
          }
        }
      }
    });
  for (auto& t : writers) t.join();
  if (!error.empty()) throw std::runtime_error("equipment data: " + error);
  Client fresh(mes.server.port);  // the others idled while the data was written: closed
  Json health = Expect(fresh.Send(http::verb::get, "/api/v1/health", ""), 200, "health");
  mes.head = health.at("head_seq").get<std::int64_t>();
  mes.machine_batches = static_cast<std::int64_t>(units) * batches;
  // The site's key, as the feed account reads it (ordo init signed the first checkpoint).
  Client feed(mes.server.port);
  feed.set_token(SignIn(feed, "mis.feed", kFeedPassword));
  Json signed_ = Expect(feed.Send(http::verb::get, "/api/v1/ledger/checkpoints?limit=1", ""), 200,
                        "the MES's first checkpoint");
  mes.site_key = signed_.at("checkpoints").at(0).at("public_key").get<std::string>();
}
}  // namespace

MisProcess StartMis(const std::string& mis_bin, const std::string& dir, const MesWithData& mes,
                    int nice, bool pin_key) {
  const std::string data = dir + "/data";
  std::ofstream(dir + "/admin-password") << kMisAdminPassword << "\n";
  pid_t init =
      Spawn({mis_bin, "init", "--data", data, "--admin-password-file", dir + "/admin-password"},
            dir + "/init.out", dir + "/init.err");
  int status = 0;
  ::waitpid(init, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("ordo-mis init failed: " + ReadTextFile(dir + "/init.err"));
  MisProcess mis;
  const std::string out = dir + "/serve.out";
  mis.spawned = SteadyClock::now();
  std::vector<std::string> argv{mis_bin,
                                "serve",
                                "--data",
                                data,
                                "--listen",
                                "127.0.0.1:0",
                                "--mes",
                                "http://127.0.0.1:" + std::to_string(mes.server.port),
                                "--mes-user",
                                "mis.feed",
                                "--mes-password-file",
                                mes.feed_password_file};
  if (pin_key) argv.insert(argv.end(), {"--mes-public-key", mes.site_key});
  if (nice > 0) argv.insert(argv.begin(), {"/usr/bin/nice", "-n", std::to_string(nice)});
  mis.pid = Spawn(argv, out, dir + "/serve.err");
  static const std::regex kListening(R"(listening on http://127\.0\.0\.1:(\d+))");
  std::smatch match;
  for (int i = 0; i < 600 && mis.port == 0; ++i) {
    const std::string text = ReadTextFile(out);
    if (std::regex_search(text, match, kListening))
      mis.port = static_cast<unsigned short>(std::stoi(match[1]));
    else if (::waitpid(mis.pid, &status, WNOHANG) == mis.pid)
      throw std::runtime_error("ordo-mis serve exited: " + ReadTextFile(dir + "/serve.err"));
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (mis.port == 0) {
    StopServer(mis.pid);
    throw std::runtime_error("ordo-mis serve did not listen in 6 s");
  }
  Client client(mis.port);
  mis.token = SignIn(client, "admin", kMisAdminPassword);
  return mis;
}

void WaitForHead(const MisProcess& mis, std::int64_t head, double timeout_s) {
  Client client(mis.port);
  client.set_token(mis.token);
  const auto start = SteadyClock::now();
  Json status;
  while (SecondsSince(start) < timeout_s) {
    status = Expect(client.Send(http::verb::get, "/api/v1/feed", ""), 200, "GET /api/v1/feed");
    if (status.value("state", "") == "following" &&
        status["cursor"].value("seq", std::int64_t{-1}) >= head)
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  throw std::runtime_error("the MIS did not reach the MES head " + std::to_string(head) + " in " +
                           std::to_string(timeout_s) + " s: " + status.dump());
}

std::vector<double> OperatorLoad(const MesWithData& mes, int clients, double seconds) {
  // Sign-in (Argon2id) first, outside the measured window.
  std::vector<std::unique_ptr<Client>> signed_in;
  for (int c = 0; c < clients; ++c) {
    signed_in.push_back(std::make_unique<Client>(mes.server.port));
    signed_in.back()->set_token(
        SignIn(*signed_in.back(), "operator", mes.server.passwords.at("operator")));
  }
  std::mutex m;
  std::vector<double> all;
  std::string error;
  std::vector<std::thread> threads;
  const auto deadline = SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                                                 std::chrono::duration<double>(seconds));
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      std::vector<double> mine;
      try {
        Client& client = *signed_in[c];
        for (int i = 0; SteadyClock::now() < deadline; ++i) {
          const Json body{{"subject", "WU-PRESS-01"},
                          {"category", "use"},
                          {"text", "Shift note " + std::to_string(c) + "-" + std::to_string(i) +
                                       ": press checked, guard closed, line clear."}};
          const auto t0 = SteadyClock::now();
          Expect(client.Send(http::verb::post, "/api/v1/logbook", body.dump()), 201, "logbook");
          mine.push_back(SecondsSince(t0) * 1000.0);
        }
      } catch (const std::exception& e) {
        std::lock_guard lock(m);
        if (error.empty()) error = e.what();
      }
      std::lock_guard lock(m);
      all.insert(all.end(), mine.begin(), mine.end());
    });
  for (auto& t : threads) t.join();
  if (!error.empty()) throw std::runtime_error("operator load: " + error);
  return all;
}

std::int64_t KpiStorm(const MisProcess& mis, const MesWithData& mes, int clients,
                      const std::atomic<bool>& stop) {
  std::atomic<std::int64_t> answered{0};
  std::mutex m;
  std::string error;
  const std::string window = "&from=" + mes.first_day + "&to=" + mes.last_day;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      try {
        Client client(mis.port);
        client.set_token(mis.token);
        for (int i = c; !stop.load(); ++i) {
          const std::string target =
              i % 2 ? "/api/v1/kpi/explain?kpi=availability&drilldown=true" + window
                    : "/api/v1/kpi?kpi=availability,effectiveness,quality_ratio" + window;
          // The status only: a dashboard parses its answers on its own machine, not on
          // the MES's host, so the load generator does not parse them here either.
          const auto r = client.Send(http::verb::get, target, "");
          if (r.result_int() != 200)
            throw std::runtime_error("GET " + target + ": HTTP " + std::to_string(r.result_int()));
          answered.fetch_add(1);
        }
      } catch (const std::exception& e) {
        std::lock_guard lock(m);
        if (error.empty()) error = e.what();
      }
    });
  for (auto& t : threads) t.join();
  if (!error.empty()) throw std::runtime_error("KPI storm: " + error);
  return answered.load();
}

}  // namespace ordo::bench
