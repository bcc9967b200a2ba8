// Helpers of the HTTP benchmarks (see http_support.h).
#include "http_support.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace ordo::bench {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

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

std::int64_t ProcStatusKib(pid_t pid, const std::string& key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0) return std::stoll(line.substr(key.size() + 1));
  return 0;
}

void StopServer(pid_t pid) {
  ::kill(pid, SIGTERM);
  for (int i = 0; i < 400; ++i) {
    if (::waitpid(pid, nullptr, WNOHANG) == pid) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
}

DemoServer StartDemoServer(const std::string& ordo_bin, const std::string& dir) {
  DemoServer server = InitDemo(ordo_bin, dir);
  Serve(ordo_bin, dir, server);
  return server;
}

DemoServer InitDemo(const std::string& ordo_bin, const std::string& dir) {
  const std::string data = dir + "/data";
  DemoServer server;
  // ordo init --data DIR --demo, and the demo users' passwords from its output.
  pid_t init =
      Spawn({ordo_bin, "init", "--data", data, "--demo"}, dir + "/init.out", dir + "/init.err");
  int status = 0;
  ::waitpid(init, &status, 0);
  const std::string init_out = ReadTextFile(dir + "/init.out");
  static const std::regex kUser(R"(demo user: (\S+) role: \S+ password: (\S+))");
  for (std::sregex_iterator it(init_out.begin(), init_out.end(), kUser), end; it != end; ++it)
    server.passwords[(*it)[1]] = (*it)[2];
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !server.passwords.count("operator"))
    throw std::runtime_error("ordo init failed: " + ReadTextFile(dir + "/init.err"));
  return server;
}

void Serve(const std::string& ordo_bin, const std::string& dir, DemoServer& server,
           const std::vector<std::string>& extra_args) {
  const std::string data = dir + "/data";
  int status = 0;
  server.port = 0;
  // ordo serve on any free port; wait for the "listening" line.
  const std::string out = dir + "/serve.out";
  std::vector<std::string> argv{ordo_bin, "serve", "--data", data, "--listen", "127.0.0.1:0"};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  server.pid = Spawn(argv, out, dir + "/serve.log");
  std::string exited;  // how the server ended, when it did before listening
  static const std::regex kListening(R"(listening on http://127\.0\.0\.1:(\d+))");
  std::smatch m;
  for (int i = 0; i < 600 && server.port == 0 && exited.empty(); ++i) {
    std::string text = ReadTextFile(out);
    if (std::regex_search(text, m, kListening))
      server.port = static_cast<unsigned short>(std::stoi(m[1]));
    else if (::waitpid(server.pid, &status, WNOHANG) == server.pid)
      exited = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                 : "signal " + std::to_string(WTERMSIG(status));
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (server.port == 0) {
    if (exited.empty()) StopServer(server.pid);
    throw std::runtime_error("ordo serve (" + ordo_bin + ") did not start (" +
                             (exited.empty() ? std::string("no listening line in 30 s") : exited) +
                             "; 127 = could not exec): " + ReadTextFile(dir + "/serve.log"));
  }
}

Client::Response Client::Send(http::verb verb, const std::string& target, const std::string& body) {
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
  Response res;
  http::read(socket_, buffer_, res);
  if (!res.keep_alive()) Close();
  return res;
}

void Client::Close() {
  boost::system::error_code ec;
  socket_.shutdown(tcp::socket::shutdown_both, ec);
  socket_.close(ec);
}

}  // namespace ordo::bench
