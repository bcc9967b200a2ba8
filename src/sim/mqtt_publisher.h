// Publishes the simulated stream to an MQTT broker with libmosquitto, QoS 1: either ordo's
// plain JSON topics (ordo/<site>/<work unit>/state|count|tag/<name>) or as a Sparkplug B
// edge node (NBIRTH/DBIRTH on every connect, DDATA, NDEATH as the will and on a clean
// stop; a rebirth NCMD from the host republishes the births). The client library's loop
// thread reconnects after a lost connection; Publish waits for it, and every message is
// published once the connection is back (docs/simulator.md).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "sim/messages.h"
#include "sim/runner.h"

struct mosquitto;
struct mosquitto_message;

namespace ordo::sim {

struct MqttOptions {
  std::string host = "127.0.0.1";
  int port = 1883;
  std::string client_id;  // default "ordo-sim-<pid>"
  bool sparkplug = false;
  std::string site = "site";   // JSON topics
  std::int64_t first_seq = 1;  // JSON topics: the first message's seq (then one more each)
  std::string group_id = "ordo-sim", edge_node_id = "sim";  // Sparkplug
  std::vector<std::string> work_units;                      // Sparkplug devices
};

class MqttPublisher final : public Publisher {
 public:
  MqttPublisher(MqttOptions options, std::function<void(const std::string&)> log);
  ~MqttPublisher() override;
  // Starts connecting (the loop thread keeps trying). False with *error when libmosquitto
  // refuses the options.
  bool Start(std::string* error);
  bool Publish(const Stream& stream, const std::atomic<bool>& stop, std::string* error) override;
  // Waits (up to 5 s) for the broker to acknowledge what was published, sends the NDEATH
  // (Sparkplug) and disconnects.
  void Close() override;
  std::int64_t published() const { return published_.load(); }

 private:
  static void OnConnect(mosquitto* m, void* self, int rc);
  static void OnDisconnect(mosquitto* m, void* self, int rc);
  static void OnPublish(mosquitto* m, void* self, int mid);
  static void OnMessage(mosquitto* m, void* self, const mosquitto_message* message);
  // Publishes one message at QoS 1, waiting for a connection; false when stopped.
  bool Send(const Message& message, const std::atomic<bool>& stop);
  // Sparkplug: the births of a new session when one is due.
  bool BirthsIfDue(const std::atomic<bool>& stop);

  MqttOptions options_;
  std::function<void(const std::string&)> log_;
  mosquitto* client_ = nullptr;
  std::atomic<bool> connected_{false};
  std::atomic<bool> births_due_{false};  // set on connect and on a rebirth NCMD
  std::atomic<int> sessions_{0};         // connects so far
  std::atomic<std::int64_t> published_{0}, acknowledged_{0};
  std::int64_t json_seq_ = 1;            // the next JSON message's seq
  std::mutex edge_mutex_;                // guards edge_ (will set from the loop thread)
  std::unique_ptr<SparkplugEdge> edge_;  // Sparkplug only
};

}  // namespace ordo::sim
