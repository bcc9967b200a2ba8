// What the MQTT benchmark and the soak share (docs/PERFORMANCE.md): a real mosquitto on a
// free loopback port, `ordo serve --mqtt-broker` on a fresh demo data dir, a QoS 1
// publisher (libmosquitto) as a device would use, work units and tags added through the
// API, the connector's counters from /api/v1/health and the rows of telemetry.sqlite.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http_support.h"

struct mosquitto;

namespace ordo::bench {

using Json = nlohmann::json;

// /usr/sbin/mosquitto on 127.0.0.1:<free port>, no persistence, anonymous, no limit on a
// subscriber's queue (max_queued_messages 0), so that nothing published is dropped while
// ordo catches up; `max_inflight` QoS 1 messages in flight to a client (mosquitto's
// max_inflight_messages, 20 by default: the largest burst ordo gets). Stopped (SIGTERM) on
// destruction.
class Broker {
 public:
  explicit Broker(const std::string& dir, int max_inflight = 20);
  ~Broker();
  Broker(const Broker&) = delete;
  Broker& operator=(const Broker&) = delete;
  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = 0;
  int port_ = 0;
};

// A QoS 1 publisher with its own libmosquitto loop thread. Publish queues the message
// (libmosquitto keeps at most `max_inflight` unacknowledged at the broker and queues the
// rest); WaitAcknowledged waits until the broker has acknowledged all published.
class Publisher {
 public:
  Publisher(const std::string& client_id, int port, int max_inflight = 1000);
  ~Publisher();
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;
  void Publish(const std::string& topic, const std::string& payload);
  bool WaitAcknowledged(double timeout_seconds);
  std::int64_t published() const { return published_.load(); }
  std::int64_t acknowledged() const { return acknowledged_.load(); }

 private:
  mosquitto* client_ = nullptr;
  std::atomic<bool> connected_{false};
  std::atomic<std::int64_t> published_{0}, acknowledged_{0};
};

// A QoS 1 subscriber to `filter` with its own libmosquitto loop thread that only counts
// what it receives (the soak's floor phase: a consumer of the stream that is not ordo).
// The constructor returns once the broker has granted the subscription.
class Subscriber {
 public:
  Subscriber(const std::string& client_id, int port, const std::string& filter);
  ~Subscriber();
  Subscriber(const Subscriber&) = delete;
  Subscriber& operator=(const Subscriber&) = delete;
  std::int64_t received() const { return received_.load(); }

 private:
  mosquitto* client_ = nullptr;
  std::string filter_;
  std::atomic<bool> subscribed_{false};
  std::atomic<std::int64_t> received_{0};
};

// POST/GET helpers: the status and the parsed body (null when not JSON).
std::pair<int, Json> PostJson(Client& c, const std::string& target, const Json& body);
std::pair<int, Json> GetJson(Client& c, const std::string& target);
std::string SignIn(unsigned short port, const std::string& user, const std::string& password);

// Adds work units `ids` below the demo work centre WC-OSD-DISP (site SITE-BSL) through
// change control: the engineer applies and signs, quality approves and signs.
void AddWorkUnits(unsigned short port, const std::map<std::string, std::string>& passwords,
                  const std::vector<std::string>& ids);
// Registers an mqtt source for `units` (it owns ordo/<site>/<wu>/# of each).
void RegisterMqttSource(Client& engineer, const std::string& name,
                        const std::vector<std::string>& units);
// Defines every tag {name, work_unit} with `clients` concurrent engineer connections.
void DefineTags(unsigned short port, const std::string& engineer_token,
                const std::vector<std::pair<std::string, std::string>>& tags, int clients);

// services.mqtt of GET /api/v1/health (received, accepted, refused, ...).
Json MqttHealth(Client& c);
// Rows in DIR/data/telemetry.sqlite (read-only connection).
std::int64_t TelemetryRows(const std::string& dir);

// `ordo init --demo` and `ordo serve --mqtt-broker` below `dir`; waits until the connector
// has subscribed (up to 30 s). Throws std::runtime_error.
DemoServer StartMqttServer(const std::string& ordo_bin, const std::string& dir,
                           const Broker& broker);

// A device time in epoch ms, `ms` after an hour ago (inside ordo's accepted window).
std::int64_t HourAgoMs();

}  // namespace ordo::bench
