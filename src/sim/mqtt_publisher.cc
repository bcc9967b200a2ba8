// The MQTT publisher (mqtt_publisher.h), on libmosquitto's threaded loop.
#include "sim/mqtt_publisher.h"

#include <mosquitto.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "mes/equipment/sparkplug/session.h"

namespace ordo::sim {

namespace {

std::uint64_t NowMs() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

}  // namespace

MqttPublisher::MqttPublisher(MqttOptions options, std::function<void(const std::string&)> log)
    : options_(std::move(options)), log_(std::move(log)) {
  if (options_.client_id.empty()) options_.client_id = "ordo-sim-" + std::to_string(::getpid());
  json_seq_ = options_.first_seq;
  if (options_.sparkplug)
    edge_ = std::make_unique<SparkplugEdge>(options_.group_id, options_.edge_node_id,
                                            options_.work_units);
}

MqttPublisher::~MqttPublisher() {
  if (client_) {
    mosquitto_disconnect(client_);
    mosquitto_loop_stop(client_, true);
    mosquitto_destroy(client_);
  }
}

bool MqttPublisher::Start(std::string* error) {
  mosquitto_lib_init();
  client_ = mosquitto_new(options_.client_id.c_str(), true, this);
  if (!client_) {
    *error = "libmosquitto: cannot create a client";
    return false;
  }
  mosquitto_connect_callback_set(client_, &MqttPublisher::OnConnect);
  mosquitto_disconnect_callback_set(client_, &MqttPublisher::OnDisconnect);
  mosquitto_publish_callback_set(client_, &MqttPublisher::OnPublish);
  mosquitto_message_callback_set(client_, &MqttPublisher::OnMessage);
  mosquitto_reconnect_delay_set(client_, 1, 10, true);
  if (edge_) {
    Message will = edge_->Will();
    mosquitto_will_set(client_, will.topic.c_str(), static_cast<int>(will.payload.size()),
                       will.payload.data(), 1, false);
  }
  int rc = mosquitto_connect_async(client_, options_.host.c_str(), options_.port, 30);
  if (rc != MOSQ_ERR_SUCCESS && rc != MOSQ_ERR_ERRNO) {
    *error = std::string("MQTT connect to ") + options_.host + ":" + std::to_string(options_.port) +
             ": " + mosquitto_strerror(rc);
    return false;
  }
  if (rc == MOSQ_ERR_ERRNO) log_("broker not reachable yet; the client keeps trying");
  rc = mosquitto_loop_start(client_);
  if (rc != MOSQ_ERR_SUCCESS) {
    *error = std::string("libmosquitto loop: ") + mosquitto_strerror(rc);
    return false;
  }
  return true;
}

void MqttPublisher::OnConnect(mosquitto* m, void* self_ptr, int rc) {
  auto* self = static_cast<MqttPublisher*>(self_ptr);
  if (rc != 0) {
    self->log_(std::string("broker refused the connection: ") + mosquitto_connack_string(rc));
    return;
  }
  if (self->edge_) {
    const std::string ncmd =
        sparkplug::RebirthTopic(self->options_.group_id, self->options_.edge_node_id);
    mosquitto_subscribe(m, nullptr, ncmd.c_str(), 1);
    self->births_due_ = true;
  }
  ++self->sessions_;
  self->connected_ = true;
}

void MqttPublisher::OnDisconnect(mosquitto* m, void* self_ptr, int rc) {
  auto* self = static_cast<MqttPublisher*>(self_ptr);
  self->connected_ = false;
  if (rc == 0) return;  // our own disconnect
  self->log_("lost the broker connection; reconnecting");
  if (self->edge_) {
    // The broker published the will: the next session has the next bdSeq, and its will.
    std::lock_guard lock(self->edge_mutex_);
    self->edge_->EndSession();
    Message will = self->edge_->Will();
    mosquitto_will_set(m, will.topic.c_str(), static_cast<int>(will.payload.size()),
                       will.payload.data(), 1, false);
  }
}

void MqttPublisher::OnPublish(mosquitto*, void* self_ptr, int) {
  ++static_cast<MqttPublisher*>(self_ptr)->acknowledged_;
}

void MqttPublisher::OnMessage(mosquitto*, void* self_ptr, const mosquitto_message* message) {
  auto* self = static_cast<MqttPublisher*>(self_ptr);
  auto payload = sparkplug::DecodePayload(std::string_view(
      static_cast<const char*>(message->payload), static_cast<std::size_t>(message->payloadlen)));
  if (!payload.ok()) return;
  for (const auto& metric : payload->metrics)
    if (metric.name == sparkplug::kRebirthMetric && std::holds_alternative<bool>(metric.value) &&
        std::get<bool>(metric.value)) {
      self->log_("rebirth requested by the host");
      self->births_due_ = true;
    }
}

bool MqttPublisher::Send(const Message& message, const std::atomic<bool>& stop) {
  bool told = false;
  while (!stop.load()) {
    if (connected_.load()) {
      int rc = mosquitto_publish(client_, nullptr, message.topic.c_str(),
                                 static_cast<int>(message.payload.size()), message.payload.data(),
                                 1, false);
      if (rc == MOSQ_ERR_SUCCESS) {
        ++published_;
        return true;
      }
    }
    if (!told) log_("waiting for the broker");
    told = true;
    SleepUnlessStopped(200, stop);
  }
  return false;
}

bool MqttPublisher::BirthsIfDue(const std::atomic<bool>& stop) {
  if (!edge_ || !births_due_.exchange(false)) return true;
  std::vector<Message> births;
  {
    std::lock_guard lock(edge_mutex_);
    births = edge_->Births(NowMs());
  }
  for (const auto& m : births)
    if (!Send(m, stop)) return false;
  return true;
}

bool MqttPublisher::Publish(const Stream& stream, const std::atomic<bool>& stop,
                            std::string* error) {
  error->clear();
  if (!edge_) {
    for (const auto& m : JsonTopicMessages(options_.site, stream, &json_seq_))
      if (!Send(m, stop)) return false;
    return true;
  }
  // Wait for a session so that the births go first.
  while (!connected_.load() && !stop.load()) SleepUnlessStopped(100, stop);
  if (!BirthsIfDue(stop)) return false;
  std::vector<SparkplugEdge::DeviceData> groups;
  {
    std::lock_guard lock(edge_mutex_);
    groups = edge_->Group(stream);
  }
  for (const auto& g : groups) {
    if (!BirthsIfDue(stop)) return false;
    Message m;
    {
      std::lock_guard lock(edge_mutex_);
      m = edge_->Encode(g);
    }
    if (!Send(m, stop)) return false;
  }
  return true;
}

void MqttPublisher::Close() {
  if (!client_) return;
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (connected_.load() && acknowledged_.load() < published_.load() &&
         std::chrono::steady_clock::now() < end)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  if (edge_ && connected_.load()) {
    Message death;
    {
      std::lock_guard lock(edge_mutex_);
      death = edge_->Death();
      edge_->EndSession();
    }
    int mid = 0;
    const std::int64_t before = acknowledged_.load();
    if (mosquitto_publish(client_, &mid, death.topic.c_str(),
                          static_cast<int>(death.payload.size()), death.payload.data(), 1,
                          false) == MOSQ_ERR_SUCCESS) {
      const auto death_end = std::chrono::steady_clock::now() + std::chrono::seconds(2);
      while (acknowledged_.load() == before && std::chrono::steady_clock::now() < death_end)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  mosquitto_disconnect(client_);
  mosquitto_loop_stop(client_, false);
  mosquitto_destroy(client_);
  client_ = nullptr;
}

}  // namespace ordo::sim
