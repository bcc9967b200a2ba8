// HTTP benchmark: the real server, blocking Beast clients on their own threads, one
// keep-alive connection and one outstanding request per client. See http_bench.h.
#include "http_bench.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fstream>
#include <latch>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace ordo::bench {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// fork + exec with stdout/stderr redirected to files. Returns the child's pid.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& out, const std::string& err) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (o < 0 || e < 0) ::_exit(126);
    ::dup2(o, 1);
    ::dup2(e, 2);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

// Reads one "Key:   123 kB" field of /proc/PID/status, in KiB (0 when missing).
std::int64_t ProcStatusKib(pid_t pid, const std::string& key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0) return std::stoll(line.substr(key.size() + 1));
  return 0;
}

// Sends SIGTERM and waits (up to 20 s, then SIGKILL).
void StopServer(pid_t pid) {
  ::kill(pid, SIGTERM);
  for (int i = 0; i < 400; ++i) {
    if (::waitpid(pid, nullptr, WNOHANG) == pid) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
}

// One blocking keep-alive HTTP/1.1 connection.
class Client {
 public:
  explicit Client(unsigned short port) : port_(port), socket_(io_) {}

  http::response<http::string_body> Send(http::verb verb, const std::string& target,
                                         const std::string& body) {
    if (!socket_.is_open()) {
      socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
      socket_.set_option(tcp::no_delay(true));
      buffer_.clear();
    }
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::user_agent, "ordo-bench");
    if (!token_.empty()) req.set(http::field::authorization, "Bearer " + token_);
    if (!body.empty()) {
      req.set(http::field::content_type, "application/json");
      req.body() = body;
    }
    req.keep_alive(true);
    req.prepare_payload();
    http::write(socket_, req);
    http::response<http::string_body> res;
    http::read(socket_, buffer_, res);
    if (!res.keep_alive()) Close();
    return res;
  }
  void Close() {
    boost::system::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
  }
  void set_token(std::string token) { token_ = std::move(token); }

 private:
  unsigned short port_;
  asio::io_context io_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
  std::string token_;
};

}  // namespace

HttpRun RunHttpBench(const HttpBenchOptions& o) {
  static int counter = 0;
  ScratchDir dir(o.work_dir, "http-" + std::to_string(counter++), o.keep);
  const std::string data = dir.path() + "/data";

  // ordo init --data DIR --demo, and pick the operator's password from its output.
  pid_t init = Spawn({o.ordo_bin, "init", "--data", data, "--demo"}, dir.path() + "/init.out",
                     dir.path() + "/init.err");
  int status = 0;
  ::waitpid(init, &status, 0);
  const std::string init_out = ReadFile(dir.path() + "/init.out");
  std::smatch m;
  static const std::regex kOperator(R"(demo user: operator role: operator password: (\S+))");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::regex_search(init_out, m, kOperator))
    throw std::runtime_error("ordo init failed: " + ReadFile(dir.path() + "/init.err"));
  const std::string password = m[1];

  // ordo serve on any free port; wait for the "listening" line.
  const std::string out = dir.path() + "/serve.out";
  pid_t server = Spawn({o.ordo_bin, "serve", "--data", data, "--listen", "127.0.0.1:0"}, out,
                       dir.path() + "/serve.log");
  unsigned short port = 0;
  std::string exited;  // how the server ended, when it did before listening
  static const std::regex kListening(R"(listening on http://127\.0\.0\.1:(\d+))");
  for (int i = 0; i < 600 && port == 0 && exited.empty(); ++i) {
    std::string text = ReadFile(out);
    if (std::regex_search(text, m, kListening))
      port = static_cast<unsigned short>(std::stoi(m[1]));
    else if (::waitpid(server, &status, WNOHANG) == server)
      exited = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                 : "signal " + std::to_string(WTERMSIG(status));
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (port == 0) {
    if (exited.empty()) StopServer(server);
    throw std::runtime_error("ordo serve (" + o.ordo_bin + ") did not start (" +
                             (exited.empty() ? std::string("no listening line in 30 s") : exited) +
                             "; 127 = could not exec): " + ReadFile(dir.path() + "/serve.log"));
  }

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
