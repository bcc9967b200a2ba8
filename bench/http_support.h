// What the HTTP benchmarks share: starting the real `ordo` binary on a fresh demo data
// dir (`ordo init --demo`, then `ordo serve --listen 127.0.0.1:0`), stopping it, reading
// its memory figures, and one blocking keep-alive HTTP/1.1 client.
#pragma once

#include <sys/types.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ordo::bench {

std::string ReadTextFile(const std::string& path);

// fork + exec with stdout/stderr redirected to files. Returns the child's pid.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& out, const std::string& err);

// Reads one "Key:   123 kB" field of /proc/PID/status, in KiB (0 when missing).
std::int64_t ProcStatusKib(pid_t pid, const std::string& key);

// Sends SIGTERM and waits (up to 20 s, then SIGKILL).
void StopServer(pid_t pid);

// A server on a fresh demo data dir below `dir` (which the caller owns). Throws
// std::runtime_error when init or serve fails.
struct DemoServer {
  pid_t pid = 0;
  unsigned short port = 0;
  std::map<std::string, std::string> passwords;  // demo user name -> password
};
DemoServer StartDemoServer(const std::string& ordo_bin, const std::string& dir);
// The two halves of StartDemoServer: `ordo init --demo` into DIR/data (pid 0, port 0),
// and `ordo serve` on that data dir (sets pid and port). Throw as StartDemoServer.
DemoServer InitDemo(const std::string& ordo_bin, const std::string& dir);
// `extra_args` are added to `ordo serve` (e.g. --mqtt-broker HOST:PORT).
void Serve(const std::string& ordo_bin, const std::string& dir, DemoServer& server,
           const std::vector<std::string>& extra_args = {});

// One blocking keep-alive HTTP/1.1 connection (reconnects when the server closed it).
class Client {
 public:
  using Response = boost::beast::http::response<boost::beast::http::string_body>;
  explicit Client(unsigned short port) : port_(port), socket_(io_) {}
  Response Send(boost::beast::http::verb verb, const std::string& target, const std::string& body);
  void Close();
  void set_token(std::string token) { token_ = std::move(token); }

 private:
  unsigned short port_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
  std::string token_;
};

}  // namespace ordo::bench
