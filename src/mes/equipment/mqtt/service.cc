// The MQTT connector of ordo serve (service.h).
#include "mes/equipment/mqtt/service.h"

#include <spdlog/spdlog.h>

#include "mes/equipment/mqtt/topics.h"
#include "store/data_dir.h"

namespace ordo::equipment::mqtt {

MqttService::MqttService(ClientOptions options) : options_(std::move(options)) {}

MqttService::~MqttService() { Stop(); }

Status MqttService::Start(const server::ServiceContext& context) {
  auto reader = store::OpenStore(context.data_dir, storage::OpenMode::kReadWrite);
  if (!reader.ok()) return reader.error();
  ingest_ = std::make_unique<MessageIngest>(context.engine, std::move(*reader), context.clock,
                                            options_.host + ":" + std::to_string(options_.port));
  auto client = Client::Create(
      options_, [this](const std::string& t, const std::string& p) { return OnMessage(t, p); },
      [](Client& c) {
        auto s = c.Subscribe(kSubscription, 1);
        if (!s.ok()) spdlog::warn("mqtt: {}", s.error().message);
      });
  if (!client.ok()) return client.error();
  client_ = std::move(*client);
  client_->Start();
  spdlog::info("mqtt: connecting to {}:{} as {} (persistent session, {} QoS 1)", options_.host,
               options_.port, options_.client_id, kSubscription);
  return Ok();
}

void MqttService::Stop() {
  if (client_) client_->Stop();
}

bool MqttService::OnMessage(const std::string& topic, const std::string& payload) {
  ++received_;
  auto outcome = ingest_->Handle(topic, payload);
  if (!outcome.ok()) {
    ++not_stored_;
    spdlog::error("mqtt: message on {} not stored ({}); not acknowledged", topic,
                  outcome.error().message);
    return false;
  }
  switch (outcome->kind) {
    case MessageOutcome::kAccepted:
      ++accepted_;
      break;
    case MessageOutcome::kDuplicate:
      ++duplicates_;
      break;
    case MessageOutcome::kRefused:
      ++refused_;
      if (!outcome->recorded) ++refusals_not_recorded_;
      spdlog::warn("mqtt: refused message on {} (source {}): {} {}{}", topic,
                   outcome->source.empty() ? "(none)" : outcome->source, outcome->refusal.reason,
                   outcome->refusal.message,
                   outcome->recorded ? "" : " (not recorded: refusal throttle)");
      break;
  }
  return true;
}

Json MqttService::Health() const {
  Json j = client_ ? client_->StatusJson()
                   : Json{{"connected", false},
                          {"broker", options_.host + ":" + std::to_string(options_.port)}};
  j["received"] = received_.load();
  j["accepted"] = accepted_.load();
  j["duplicates"] = duplicates_.load();
  j["refused"] = refused_.load();
  j["not_stored"] = not_stored_.load();
  j["refusals_not_recorded"] = refusals_not_recorded_.load();
  return j;
}

}  // namespace ordo::equipment::mqtt
