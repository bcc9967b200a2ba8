// The MQTT connector of ordo serve (service.h).
#include "mes/equipment/mqtt/service.h"

#include <spdlog/spdlog.h>

#include "mes/equipment/mqtt/topics.h"
#include "store/data_dir.h"

namespace ordo::equipment::mqtt {

namespace {

// The Sparkplug 3.0 STATE payload of the host.
std::string StatePayload(bool online, std::int64_t timestamp_ms) {
  return Json{{"online", online}, {"timestamp", timestamp_ms}}.dump();
}

}  // namespace

MqttService::MqttService(ClientOptions options, std::string sparkplug_host_id)
    : options_(std::move(options)), host_id_(std::move(sparkplug_host_id)) {}

MqttService::~MqttService() { Stop(); }

Status MqttService::Start(const server::ServiceContext& context) {
  auto reader = store::OpenStore(context.data_dir, storage::OpenMode::kReadWrite);
  if (!reader.ok()) return reader.error();
  auto sparkplug_reader = store::OpenStore(context.data_dir, storage::OpenMode::kReadWrite);
  if (!sparkplug_reader.ok()) return sparkplug_reader.error();
  const std::string broker = options_.host + ":" + std::to_string(options_.port);
  ingest_ =
      std::make_unique<MessageIngest>(context.engine, std::move(*reader), context.clock, broker);
  sparkplug_ = std::make_unique<SparkplugIngest>(
      context.engine, std::move(*sparkplug_reader), context.clock, broker,
      [this](const std::string& topic, const std::string& payload) -> Status {
        if (!client_) return Error::Make(ErrorCode::kUnavailable, "no MQTT client");
        return client_->Publish(topic, payload, 0, false);
      });
  // Sparkplug 3.0 host STATE: one timestamp for the will and every online message of this
  // run (the spec wants the online message's timestamp to be the will's).
  const std::int64_t started_ms = context.clock.NowMicros() / 1000;
  const std::string state_topic = "spBv1.0/STATE/" + host_id_;
  state_online_ = StatePayload(true, started_ms);
  ClientOptions options = options_;
  options.will = Will{state_topic, StatePayload(false, started_ms), 1, true};
  options.farewell = options.will;
  options.on_burst_end = [this] { return OnBurstEnd(); };
  auto client = Client::Create(
      options, [this](const std::string& t, const std::string& p) { return OnMessage(t, p); },
      [this, state_topic](Client& c) {
        sparkplug_->ConnectionLost();
        auto st = c.Publish(state_topic, state_online_, 1, true);
        if (!st.ok()) spdlog::warn("mqtt: {}", st.error().message);
        auto s = c.Subscribe(kSubscription, 1);
        if (!s.ok()) spdlog::warn("mqtt: {}", s.error().message);
        for (const char* filter : kSparkplugSubscriptions) {
          auto f = c.Subscribe(filter, 1);
          if (!f.ok()) spdlog::warn("mqtt: {}", f.error().message);
        }
      });
  if (!client.ok()) return client.error();
  client_ = std::move(*client);
  client_->Start();
  spdlog::info(
      "mqtt: connecting to {}:{} as {} (persistent session, {} and spBv1.0 QoS 1, Sparkplug "
      "host id {})",
      options_.host, options_.port, options_.client_id, kSubscription, host_id_);
  return Ok();
}

void MqttService::Stop() {
  if (client_) client_->Stop();
}

bool MqttService::OnMessage(const std::string& topic, const std::string& payload) {
  ++received_;
  if (topic.rfind(kSparkplugRoot, 0) == 0) return sparkplug_->Begin(topic, payload);
  return ingest_->Begin(topic, payload);
}

bool MqttService::OnBurstEnd() {
  bool durable = true;
  for (const auto& finished : ingest_->Finish())
    durable = Count(finished.topic, finished.outcome) && durable;
  for (const auto& finished : sparkplug_->Finish())
    durable = Count(finished.topic, finished.outcome) && durable;
  return durable;
}

bool MqttService::Count(const std::string& topic, const Result<MessageOutcome>& outcome) {
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
    case MessageOutcome::kIgnored:
      ++ignored_;
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
  j["ignored"] = ignored_.load();
  j["not_stored"] = not_stored_.load();
  j["refusals_not_recorded"] = refusals_not_recorded_.load();
  Json sparkplug = sparkplug_ ? sparkplug_->Health() : Json::object();
  sparkplug["host_id"] = host_id_;
  j["sparkplug"] = std::move(sparkplug);
  return j;
}

}  // namespace ordo::equipment::mqtt
