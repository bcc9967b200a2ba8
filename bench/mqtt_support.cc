// Helpers of the MQTT benchmark and the soak (see mqtt_support.h).
#include "mqtt_support.h"

#include <arpa/inet.h>
#include <mosquitto.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "core/clock.h"
#include "mes/telemetry/store/telemetry_file.h"

namespace ordo::bench {

namespace http = boost::beast::http;

namespace {

int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("no free loopback port");
  }
  ::close(fd);
  return ntohs(a.sin_port);
}

bool Accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

std::once_flag mosquitto_init;

}  // namespace

Broker::Broker(const std::string& dir, int max_inflight) {
  port_ = FreePort();
  {
    std::ofstream conf(dir + "/mosquitto.conf");
    conf << "listener " << port_ << " 127.0.0.1\n"
         << "allow_anonymous true\npersistence false\n"
         << "max_queued_messages 0\nmax_inflight_messages " << max_inflight << "\n"
         << "log_dest file " << dir << "/mosquitto.log\n";
  }
  pid_ = Spawn({"/usr/sbin/mosquitto", "-c", dir + "/mosquitto.conf"}, dir + "/mosquitto.out",
               dir + "/mosquitto.err");
  for (int i = 0; i < 400; ++i) {
    if (Accepts(port_)) return;
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  StopServer(pid_);
  throw std::runtime_error("mosquitto did not start: " + ReadTextFile(dir + "/mosquitto.err"));
}

Broker::~Broker() { StopServer(pid_); }

Publisher::Publisher(const std::string& client_id, int port, int max_inflight) {
  std::call_once(mosquitto_init, [] { mosquitto_lib_init(); });
  client_ = mosquitto_new(client_id.c_str(), true, this);
  if (!client_) throw std::runtime_error("mosquitto_new");
  mosquitto_max_inflight_messages_set(client_, static_cast<unsigned>(max_inflight));
  mosquitto_connect_callback_set(client_, [](mosquitto*, void* self, int rc) {
    if (rc == 0) static_cast<Publisher*>(self)->connected_ = true;
  });
  mosquitto_publish_callback_set(
      client_, [](mosquitto*, void* self, int) { ++static_cast<Publisher*>(self)->acknowledged_; });
  if (mosquitto_connect(client_, "127.0.0.1", port, 60) != MOSQ_ERR_SUCCESS ||
      mosquitto_loop_start(client_) != MOSQ_ERR_SUCCESS)
    throw std::runtime_error("publisher: cannot connect to the broker");
  for (int i = 0; i < 200 && !connected_; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  if (!connected_) throw std::runtime_error("publisher: no CONNACK from the broker");
}

Publisher::~Publisher() {
  mosquitto_disconnect(client_);
  mosquitto_loop_stop(client_, false);
  mosquitto_destroy(client_);
}

void Publisher::Publish(const std::string& topic, const std::string& payload) {
  const int rc = mosquitto_publish(client_, nullptr, topic.c_str(),
                                   static_cast<int>(payload.size()), payload.data(), 1, false);
  if (rc != MOSQ_ERR_SUCCESS)
    throw std::runtime_error("publish " + topic + ": " + mosquitto_strerror(rc));
  ++published_;
}

bool Publisher::WaitAcknowledged(double timeout_seconds) {
  const auto end = std::chrono::steady_clock::now() +
                   std::chrono::milliseconds(static_cast<int>(timeout_seconds * 1000));
  while (acknowledged_.load() < published_.load()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

Subscriber::Subscriber(const std::string& client_id, int port, const std::string& filter)
    : filter_(filter) {
  std::call_once(mosquitto_init, [] { mosquitto_lib_init(); });
  client_ = mosquitto_new(client_id.c_str(), true, this);
  if (!client_) throw std::runtime_error("mosquitto_new");
  mosquitto_connect_callback_set(client_, [](mosquitto* m, void* self, int rc) {
    if (rc == 0)
      mosquitto_subscribe(m, nullptr, static_cast<Subscriber*>(self)->filter_.c_str(), 1);
  });
  mosquitto_subscribe_callback_set(client_, [](mosquitto*, void* self, int, int n, const int* qos) {
    if (n == 1 && qos[0] == 1) static_cast<Subscriber*>(self)->subscribed_ = true;
  });
  mosquitto_message_callback_set(client_, [](mosquitto*, void* self, const mosquitto_message*) {
    ++static_cast<Subscriber*>(self)->received_;
  });
  const bool started = mosquitto_connect(client_, "127.0.0.1", port, 60) == MOSQ_ERR_SUCCESS &&
                       mosquitto_loop_start(client_) == MOSQ_ERR_SUCCESS;
  for (int i = 0; started && i < 200 && !subscribed_; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  if (!subscribed_) {
    if (started) mosquitto_loop_stop(client_, true);
    mosquitto_destroy(client_);
    throw std::runtime_error("subscriber: no QoS 1 subscription to " + filter + " at the broker");
  }
}

Subscriber::~Subscriber() {
  mosquitto_disconnect(client_);
  mosquitto_loop_stop(client_, false);
  mosquitto_destroy(client_);
}

std::pair<int, Json> PostJson(Client& c, const std::string& target, const Json& body) {
  auto res = c.Send(http::verb::post, target, body.dump());
  return {res.result_int(), Json::parse(res.body(), nullptr, false)};
}

std::pair<int, Json> GetJson(Client& c, const std::string& target) {
  auto res = c.Send(http::verb::get, target, "");
  return {res.result_int(), Json::parse(res.body(), nullptr, false)};
}

std::string SignIn(unsigned short port, const std::string& user, const std::string& password) {
  Client c(port);
  auto [status, body] = PostJson(c, "/api/v1/session", {{"user", user}, {"password", password}});
  if (status != 200 && status != 201)
    throw std::runtime_error("sign-in as " + user + ": HTTP " + std::to_string(status));
  return body.at("token").get<std::string>();
}

static void Expect(const std::pair<int, Json>& reply, int status, const std::string& what) {
  if (reply.first != status)
    throw std::runtime_error(what + ": HTTP " + std::to_string(reply.first) + " " +
                             reply.second.dump().substr(0, 400));
}

void AddWorkUnits(unsigned short port, const std::map<std::string, std::string>& passwords,
                  const std::vector<std::string>& ids) {
  Client engineer(port), quality(port);
  engineer.set_token(SignIn(port, "engineer", passwords.at("engineer")));
  quality.set_token(SignIn(port, "quality", passwords.at("quality")));
  Json files = Json::array();
  for (const auto& id : ids)
    files.push_back({{"path", "equipment/" + id + ".yaml"},
                     {"text", "kind: equipment\nid: " + id +
                                  "\nname: Soak machine\nlevel: work_unit\nparent: "
                                  "WC-OSD-DISP\nequipment_class: balance\ncapabilities:\n  - "
                                  "dispensing\nstatus: available\ncleaning_status: clean\n"}});
  auto applied = PostJson(engineer, "/api/v1/plant/apply",
                          {{"files", files},
                           {"title", "Benchmark work units"},
                           {"reason", "MQTT benchmark and soak: simulated machines"}});
  Expect(applied, 201, "plant apply");
  const std::string cr = applied.second.at("change_request").at("id").get<std::string>();
  Expect(PostJson(engineer, "/api/v1/change-requests/" + cr + "/submit",
                  {{"signature", {{"user", "engineer"}, {"password", passwords.at("engineer")}}}}),
         200, "submit " + cr);
  Expect(PostJson(quality, "/api/v1/change-requests/" + cr + "/approve",
                  {{"signature", {{"user", "quality"}, {"password", passwords.at("quality")}}}}),
         200, "approve " + cr);
}

void RegisterMqttSource(Client& engineer, const std::string& name,
                        const std::vector<std::string>& units) {
  // The demo's simulator source (ordo init --demo) owns the demo work units' topics:
  // disabled, so that this source is their only enabled owner.
  auto off = engineer.Send(http::verb::patch, "/api/v1/sources/demo-sim-mqtt",
                           Json{{"enabled", false}}.dump());
  if (off.result_int() != 200)
    throw std::runtime_error("disable demo-sim-mqtt: HTTP " + std::to_string(off.result_int()));
  Expect(PostJson(engineer, "/api/v1/sources",
                  {{"name", name}, {"kind", "mqtt"}, {"work_units", units}}),
         201, "register source " + name);
}

void DefineTags(unsigned short port, const std::string& engineer_token,
                const std::vector<std::pair<std::string, std::string>>& tags, int clients) {
  std::atomic<std::size_t> next{0};
  std::mutex m;
  std::string error;
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&] {
      try {
        Client client(port);
        client.set_token(engineer_token);
        for (std::size_t i = next++; i < tags.size(); i = next++)
          Expect(PostJson(client, "/api/v1/tags",
                          {{"name", tags[i].first}, {"work_unit", tags[i].second}}),
                 201, "define tag " + tags[i].first);
      } catch (const std::exception& e) {
        std::lock_guard lock(m);
        if (error.empty()) error = e.what();
        next = tags.size();
      }
    });
  for (auto& t : threads) t.join();
  if (!error.empty()) throw std::runtime_error(error);
}

Json MqttHealth(Client& c) {
  auto [status, body] = GetJson(c, "/api/v1/health");
  if (status != 200 || !body.contains("services") || !body["services"].contains("mqtt"))
    throw std::runtime_error("health: HTTP " + std::to_string(status) + " " +
                             body.dump().substr(0, 300));
  return body["services"]["mqtt"];
}

std::int64_t TelemetryRows(const std::string& dir) {
  auto file =
      telemetry::OpenTelemetryFile(dir + "/data/telemetry.sqlite", storage::OpenMode::kReadOnly);
  if (!file.ok()) throw std::runtime_error("telemetry file: " + file.error().message);
  auto st = (*file)->Prepare("SELECT COUNT(*) FROM sample");
  if (!st.ok()) throw std::runtime_error(st.error().message);
  auto row = (*st)->Step();
  if (!row.ok() || !*row) throw std::runtime_error("count samples");
  const std::int64_t n = (*st)->Int(0);
  (*st)->Reset();
  return n;
}

DemoServer StartMqttServer(const std::string& ordo_bin, const std::string& dir,
                           const Broker& broker) {
  DemoServer server = InitDemo(ordo_bin, dir);
  Serve(ordo_bin, dir, server, {"--mqtt-broker", broker.address(), "--mqtt-client-id", "ordo"});
  Client c(server.port);
  for (int i = 0; i < 300; ++i) {
    Json h = MqttHealth(c);
    if (h.value("subscribed", false)) return server;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  StopServer(server.pid);
  throw std::runtime_error("ordo's MQTT connector did not subscribe in 30 s");
}

std::int64_t HourAgoMs() { return SystemClock().NowMicros() / 1000 - 3600 * 1000; }

}  // namespace ordo::bench
