// The MQTT connector of `ordo serve --mqtt-broker HOST:PORT` (docs/mqtt.md), a background
// service of the server (server/background_service.h): a persistent-session client that
// subscribes to the plain JSON topics (ordo/#, QoS 1) and ingests each message through
// MessageIngest before the message is acknowledged. Health: the connection and counters.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "mes/equipment/mqtt/client.h"
#include "mes/equipment/mqtt/message_ingest.h"
#include "server/background_service.h"

namespace ordo::equipment::mqtt {

class MqttService : public server::BackgroundService {
 public:
  explicit MqttService(ClientOptions options);
  ~MqttService() override;
  std::string name() const override { return "mqtt"; }
  // Opens its reader connection and starts the client; the broker may be down.
  Status Start(const server::ServiceContext& context) override;
  void Stop() override;
  // Client::StatusJson() plus {"received", "accepted", "duplicates", "refused", "not_stored",
  // "refusals_not_recorded"} (counters since start; refused counts every refusal, the last
  // those the refusal throttle left out of the ledger).
  Json Health() const override;

 private:
  bool OnMessage(const std::string& topic, const std::string& payload);

  ClientOptions options_;
  std::unique_ptr<MessageIngest> ingest_;  // client thread only (after Start)
  std::unique_ptr<Client> client_;
  std::atomic<std::int64_t> received_{0}, accepted_{0}, duplicates_{0}, refused_{0}, not_stored_{0},
      refusals_not_recorded_{0};
};

}  // namespace ordo::equipment::mqtt
