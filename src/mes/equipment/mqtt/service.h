// The MQTT connector of `ordo serve --mqtt-broker HOST:PORT` (docs/mqtt.md), a background
// service of the server (server/background_service.h): a persistent-session client that
// subscribes to the plain JSON topics (ordo/#, QoS 1) and to Sparkplug B (the edge node
// messages, docs/sparkplug.md) and ingests each message through MessageIngest or
// SparkplugIngest before the message is acknowledged, a burst at a time: the ingest commands
// of the messages the client reads together are submitted without waiting, in message order,
// and the client's burst handler waits for all of them. As Sparkplug host application it
// publishes its retained STATE (online on connect, offline as will and on a clean stop).
// Health: the connection, counters and the Sparkplug edge nodes.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "mes/equipment/mqtt/client.h"
#include "mes/equipment/mqtt/message_ingest.h"
#include "mes/equipment/mqtt/sparkplug_ingest.h"
#include "server/background_service.h"

namespace ordo::equipment::mqtt {

class MqttService : public server::BackgroundService {
 public:
  // `sparkplug_host_id`: the host id of spBv1.0/STATE/<host id>.
  MqttService(ClientOptions options, std::string sparkplug_host_id = "ordo");
  ~MqttService() override;
  std::string name() const override { return "mqtt"; }
  // Opens its reader connection and starts the client; the broker may be down.
  Status Start(const server::ServiceContext& context) override;
  void Stop() override;
  // Client::StatusJson() plus {"received", "accepted", "duplicates", "refused", "ignored",
  // "not_stored", "refusals_not_recorded", "sparkplug": {"host_id",
  // SparkplugIngest::Health()...}} (counters since start; refused counts every refusal,
  // refusals_not_recorded those the refusal throttle left out of the ledger).
  Json Health() const override;

 private:
  bool OnMessage(const std::string& topic, const std::string& payload);
  // Waits for the messages of the burst (JSON and Sparkplug); false unless all of them are
  // durable.
  bool OnBurstEnd();
  // Counts `outcome` of a message on `topic`; false when it is not durable.
  bool Count(const std::string& topic, const Result<MessageOutcome>& outcome);

  ClientOptions options_;
  std::string host_id_;
  std::string state_online_;               // the STATE payload published on each connect
  std::unique_ptr<MessageIngest> ingest_;  // client thread only (after Start)
  std::unique_ptr<SparkplugIngest> sparkplug_;
  std::unique_ptr<Client> client_;
  std::atomic<std::int64_t> received_{0}, accepted_{0}, duplicates_{0}, refused_{0}, ignored_{0},
      not_stored_{0}, refusals_not_recorded_{0};
};

}  // namespace ordo::equipment::mqtt
