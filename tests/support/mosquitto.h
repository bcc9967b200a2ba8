// Test support: a real mosquitto broker (the Debian package) on a free loopback port,
// with persistence in its own directory, so that a test can stop and restart it (a broker
// outage) and keep the sessions; and mosquitto_pub to publish as a device would.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "support/process.h"

namespace ordo::testing {

class Mosquitto {
 public:
  // `dir`: where the configuration, the persistence file and the logs go (must exist).
  // `extra_config`: lines added to the configuration (e.g. password_file ...); anonymous
  // clients are allowed unless it sets allow_anonymous itself.
  explicit Mosquitto(std::string dir, std::string extra_config = "");
  ~Mosquitto();
  // Starts /usr/sbin/mosquitto -c <dir>/mosquitto.conf and waits until its port accepts
  // connections. The port is chosen free on the first start and kept on restarts.
  bool Start(std::string* error, std::chrono::milliseconds timeout = std::chrono::seconds(20));
  // SIGTERM (mosquitto saves its persistence file) and waits for the exit.
  bool Stop(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  bool Running() { return process_.Running(); }
  std::uint16_t port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  std::string Logs() const;

  // mosquitto_pub -q `qos` -t `topic` with `payload` (sent from a file: any size).
  // `client_id` and `clean_session` false give the publisher a persistent session.
  RunResult Publish(const std::string& topic, const std::string& payload, int qos = 1,
                    const std::vector<std::string>& extra_args = {}) const;

 private:
  std::string dir_, extra_config_;
  Process process_;
  std::uint16_t port_ = 0;
  int runs_ = 0;
};

// A TCP port on 127.0.0.1 that was free a moment ago (bound to 0, then closed).
std::uint16_t FreeLoopbackPort();
// True once 127.0.0.1:`port` accepts a TCP connection, false after `timeout`.
bool WaitForPort(std::uint16_t port, std::chrono::milliseconds timeout);

}  // namespace ordo::testing
