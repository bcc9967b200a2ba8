// HTTP benchmark: the real server, blocking Beast clients on their own threads, one
// keep-alive connection and one outstanding request per client. See http_bench.h.
#include "http_bench.h"

#include <atomic>
#include <latch>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "http_support.h"

namespace ordo::bench {

namespace http = boost::beast::http;

HttpRun RunHttpBench(const HttpBenchOptions& o) {
  static int counter = 0;
  ScratchDir dir(o.work_dir, "http-" + std::to_string(counter++), o.keep);
  const DemoServer demo = StartDemoServer(o.ordo_bin, dir.path());
  const pid_t server = demo.pid;
  const unsigned short port = demo.port;
  const std::string password = demo.passwords.at("operator");

  const int clients = std::max(1, o.clients);
  std::latch signed_in(clients), go(1);
  SteadyClock::time_point deadline;
  std::mutex mutex;
  std::vector<double> latencies_ms;
  std::string first_error;
  std::atomic<std::int64_t> writes{0}, errors{0}, signed_in_ok{0};
  auto note_error = [&](const std::string& what) {
    errors.fetch_add(1);
    std::lock_guard lock(mutex);
    if (first_error.empty()) first_error = what;
  };

  const auto login_start = SteadyClock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      Client client(port);
      bool ok = false;
      try {
        auto res = client.Send(http::verb::post, "/api/v1/session",
                               nlohmann::json{{"user", "operator"}, {"password", password}}.dump());
        if (res.result_int() == 200 || res.result_int() == 201) {
          client.set_token(nlohmann::json::parse(res.body()).at("token").get<std::string>());
          ok = true;
          signed_in_ok.fetch_add(1);
        } else {
          note_error("sign-in: HTTP " + std::to_string(res.result_int()) + " " + res.body());
        }
      } catch (const std::exception& e) {
        note_error(std::string("sign-in: ") + e.what());
      }
      signed_in.count_down();
      go.wait();
      if (!ok) return;
      std::vector<double> mine;
      char subject[32];
      std::snprintf(subject, sizeof subject, "BENCH-%02d", c % 100);
      for (std::int64_t i = 0; SteadyClock::now() < deadline; ++i) {
        const std::string body =
            nlohmann::json{{"subject", subject},
                           {"category", "use"},
                           {"text", "Batch B-" + std::to_string(100000 + i) +
                                        ": line clearance done, equipment clean and within "
                                        "calibration; started granulation at setpoint 45 C, "
                                        "operator checked screen integrity."}}
                .dump();
        const auto t0 = SteadyClock::now();
        try {
          auto res = client.Send(http::verb::post, "/api/v1/logbook", body);
          if (res.result_int() == 201) {
            writes.fetch_add(1);
            mine.push_back(SecondsSince(t0) * 1000.0);
          } else {
            note_error("write: HTTP " + std::to_string(res.result_int()) + " " + res.body());
          }
        } catch (const std::exception& e) {
          note_error(std::string("write: ") + e.what());
          client.Close();
        }
      }
      std::lock_guard lock(mutex);
      latencies_ms.insert(latencies_ms.end(), mine.begin(), mine.end());
    });
  }
  signed_in.wait();
  HttpRun run;
  run.login_seconds = SecondsSince(login_start);
  const std::int64_t login_errors = errors.exchange(0);
  const auto start = SteadyClock::now();
  deadline = start + std::chrono::microseconds(static_cast<std::int64_t>(o.seconds * 1e6));
  go.count_down();
  for (auto& t : threads) t.join();
  run.seconds = SecondsSince(start);
  run.vm_hwm_kib = ProcStatusKib(server, "VmHWM");
  run.vm_rss_kib = ProcStatusKib(server, "VmRSS");
  try {
    Client probe(port);
    auto res = probe.Send(http::verb::get, "/api/v1/health", "");
    run.head_seq = nlohmann::json::parse(res.body()).value("head_seq", std::int64_t{0});
  } catch (const std::exception&) {
  }
  StopServer(server);

  run.writes = writes.load();
  run.errors = errors.load() + login_errors;
  std::sort(latencies_ms.begin(), latencies_ms.end());
  run.p50_ms = Quantile(latencies_ms, 0.50);
  run.p99_ms = Quantile(latencies_ms, 0.99);
  run.max_ms = latencies_ms.empty() ? 0 : latencies_ms.back();
  if (signed_in_ok.load() == 0) throw std::runtime_error("no client could sign in: " + first_error);
  if (run.errors > 0)
    std::fprintf(stderr, "ordo_bench: %lld HTTP errors, first: %s\n",
                 static_cast<long long>(run.errors), first_error.c_str());
  return run;
}

}  // namespace ordo::bench
