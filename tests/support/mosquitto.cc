// Test support: a real mosquitto broker (mosquitto.h).
#include "support/mosquitto.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

namespace ordo::testing {

std::uint16_t FreeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof(a);
  std::uint16_t port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

bool WaitForPort(std::uint16_t port, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) == 0;
    ::close(fd);
    if (ok) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

Mosquitto::Mosquitto(std::string dir, std::string extra_config)
    : dir_(std::move(dir)), extra_config_(std::move(extra_config)) {}

Mosquitto::~Mosquitto() {
  if (process_.valid() && process_.Running()) Stop();
}

bool Mosquitto::Start(std::string* error, std::chrono::milliseconds timeout) {
  if (port_ == 0) port_ = FreeLoopbackPort();
  if (port_ == 0) {
    *error = "no free loopback port";
    return false;
  }
  std::string config = "listener " + std::to_string(port_) + " 127.0.0.1\n" +
                       std::string(extra_config_.find("allow_anonymous") == std::string::npos
                                       ? "allow_anonymous true\n"
                                       : "") +
                       "persistence true\n"
                       "persistence_location " +
                       dir_ +
                       "/\n"
                       "log_dest stderr\n"
                       "log_type all\n"
                       "max_queued_messages 10000\n";
  if (::geteuid() == 0) config += "user root\n";  // keep access to the persistence directory
  config += extra_config_;
  WriteFile(dir_ + "/mosquitto.conf", config);
  const std::string run = std::to_string(++runs_);
  process_ =
      Process::Spawn({"/usr/sbin/mosquitto", "-c", dir_ + "/mosquitto.conf"},
                     dir_ + "/mosquitto-" + run + ".out", dir_ + "/mosquitto-" + run + ".err");
  if (!process_.valid()) {
    *error = "cannot start /usr/sbin/mosquitto";
    return false;
  }
  if (!WaitForPort(port_, timeout)) {
    *error = "mosquitto did not listen on port " + std::to_string(port_) + "\n" + Logs();
    process_.Kill();
    return false;
  }
  return true;
}

bool Mosquitto::Stop(std::chrono::milliseconds timeout) {
  if (!process_.valid()) return true;
  process_.Signal(SIGTERM);
  if (process_.Wait(timeout)) return true;
  process_.Kill();
  return false;
}

std::string Mosquitto::Logs() const {
  const std::string run = std::to_string(runs_);
  return Tail(dir_ + "/mosquitto-" + run + ".err");
}

RunResult Mosquitto::Publish(const std::string& topic, const std::string& payload, int qos,
                             const std::vector<std::string>& extra_args) const {
  static std::atomic<int> counter{0};
  const std::string file = dir_ + "/payload-" + std::to_string(counter++);
  WriteFile(file, payload);
  std::vector<std::string> argv = {"/usr/bin/mosquitto_pub",
                                   "-h",
                                   "127.0.0.1",
                                   "-p",
                                   std::to_string(port_),
                                   "-q",
                                   std::to_string(qos),
                                   "-t",
                                   topic,
                                   "-f",
                                   file};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  RunResult r = Run(argv, dir_, std::chrono::seconds(30));
  ::unlink(file.c_str());
  return r;
}

}  // namespace ordo::testing
