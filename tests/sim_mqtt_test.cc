// Integration tests of `ordo sim --mqtt` and `--sparkplug` against a real mosquitto
// started by the test, with a subscriber in the test that checks what arrives (the
// Sparkplug payloads decoded by our decoder and followed by our host session).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <mosquitto.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <mutex>
#include <thread>
#include <tuple>

#include "core/clock.h"
#include "core/testing/verifies.h"
#include "mes/equipment/sparkplug/session.h"
#include "sim/messages.h"
#include "support/ordo.h"

namespace ordo::testing {
namespace {

const std::vector<std::string> kUnits = {"WU-PRESS-01", "WU-COAT-01"};
const std::int64_t kHalfHour = 1800 * 1000;

std::uint16_t FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

// A subscriber that keeps every message it receives, in order.
class Subscriber {
 public:
  bool Start(int port, const std::string& filter, std::string* error) {
    mosquitto_lib_init();
    filter_ = filter;
    client_ = mosquitto_new(nullptr, true, this);
    // Subscribes on every connect: a broker restart forgets the subscription.
    mosquitto_connect_callback_set(client_, [](mosquitto* m, void* self, int rc) {
      auto* s = static_cast<Subscriber*>(self);
      if (rc != 0) return;
      mosquitto_subscribe(m, nullptr, s->filter_.c_str(), 1);
    });
    mosquitto_message_callback_set(client_, [](mosquitto*, void* self, const mosquitto_message* m) {
      auto* s = static_cast<Subscriber*>(self);
      std::lock_guard lock(s->mutex_);
      s->messages_.push_back({m->topic, std::string(static_cast<const char*>(m->payload),
                                                    static_cast<std::size_t>(m->payloadlen))});
    });
    mosquitto_subscribe_callback_set(client_, [](mosquitto*, void* self, int, int, const int*) {
      static_cast<Subscriber*>(self)->subscribed_ = true;
      ++static_cast<Subscriber*>(self)->subscriptions_;
    });
    // The broker may take a moment to listen.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    int rc = MOSQ_ERR_NO_CONN;
    while (std::chrono::steady_clock::now() < deadline &&
           (rc = mosquitto_connect(client_, "127.0.0.1", port, 30)) != MOSQ_ERR_SUCCESS)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (rc != MOSQ_ERR_SUCCESS) {
      *error = std::string("cannot connect to mosquitto: ") + mosquitto_strerror(rc);
      return false;
    }
    mosquitto_subscribe(client_, nullptr, filter.c_str(), 1);
    mosquitto_reconnect_delay_set(client_, 1, 1, false);
    mosquitto_loop_start(client_);
    while (!subscribed_ && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!subscribed_) *error = "no SUBACK";
    return subscribed_;
  }
  ~Subscriber() {
    if (!client_) return;
    mosquitto_disconnect(client_);
    mosquitto_loop_stop(client_, false);
    mosquitto_destroy(client_);
  }
  // Subscriptions acknowledged so far (one more after each reconnect).
  int subscriptions() const { return subscriptions_.load(); }
  void Publish(const std::string& topic, const std::string& payload) {
    mosquitto_publish(client_, nullptr, topic.c_str(), static_cast<int>(payload.size()),
                      payload.data(), 1, false);
  }
  std::vector<sim::Message> Messages() {
    std::lock_guard lock(mutex_);
    return messages_;
  }
  // Waits until `done(messages)` holds (or 60 s); returns whether it did.
  bool WaitUntil(const std::function<bool(const std::vector<sim::Message>&)>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      if (done(Messages())) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  // Waits until `count` messages arrived (or 30 s); returns what arrived.
  std::vector<sim::Message> WaitFor(std::size_t count) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      {
        std::lock_guard lock(mutex_);
        if (messages_.size() >= count) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::lock_guard lock(mutex_);
    return messages_;
  }

 private:
  mosquitto* client_ = nullptr;
  std::atomic<bool> subscribed_{false};
  std::atomic<int> subscriptions_{0};
  std::string filter_;
  std::mutex mutex_;
  std::vector<sim::Message> messages_;
};

class SimMqttTest : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = FreePort();
    WriteFile(dir_ / "mosquitto.conf", "listener " + std::to_string(port_) +
                                           " 127.0.0.1\nallow_anonymous true\npersistence false\n");
    broker_ = Process::Spawn({"/usr/sbin/mosquitto", "-c", dir_ / "mosquitto.conf"},
                             dir_ / "mosquitto.out", dir_ / "mosquitto.err");
  }
  void TearDown() override {
    broker_.Signal(SIGTERM);
    broker_.Wait(std::chrono::seconds(10));
  }
  void RestartBroker() {
    broker_.Signal(SIGTERM);
    ASSERT_TRUE(broker_.Wait(std::chrono::seconds(10)).has_value());
    broker_ = Process::Spawn({"/usr/sbin/mosquitto", "-c", dir_ / "mosquitto.conf"},
                             dir_ / "mosquitto2.out", dir_ / "mosquitto2.err");
  }
  RunResult Sim(const std::vector<std::string>& args) {
    std::vector<std::string> argv{
        OrdoBinary(), "sim",  "--ids",   "WU-PRESS-01,WU-COAT-01", "--seed", "5", "--fast",
        "--duration", "1800", "--start", std::to_string(start_)};
    argv.insert(argv.end(), args.begin(), args.end());
    return ordo::testing::Run(argv, dir_.path());
  }
  sim::Stream Expected() {
    sim::PlantOptions o;
    o.work_units = kUnits;
    o.seed = 5;
    o.start_ms = start_;
    sim::PlantModel model(o);
    return model.Advance(start_ + kHalfHour);
  }

  TempDir dir_{"ordo-sim-mqtt"};
  std::uint16_t port_ = 0;
  Process broker_;
  std::int64_t start_ = (SystemClock().NowMicros() / 1000 - 3'600'000) / 60000 * 60000;
};

TEST_F(SimMqttTest, JsonTopicsArriveWithQos1AsTheModelProducedThem) {
  ORDO_VERIFIES("ORDO-SIM-09");
  Subscriber sub;
  std::string error;
  ASSERT_TRUE(sub.Start(port_, "ordo/#", &error)) << error << ReadFile(dir_ / "mosquitto.err");
  RunResult r =
      Sim({"--mqtt", "127.0.0.1:" + std::to_string(port_), "--site", "bsl", "--first-seq", "1"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  std::int64_t seq = 1;
  auto expected = sim::JsonTopicMessages("bsl", Expected(), &seq);
  ASSERT_GT(expected.size(), 100u);
  auto got = sub.WaitFor(expected.size());
  ASSERT_EQ(got.size(), expected.size());
  // One publisher, QoS 1, one subscriber: in order, each once.
  EXPECT_EQ(got, expected);
  EXPECT_EQ(got.front().topic, "ordo/bsl/WU-PRESS-01/state");
  // A tag's topic and payload name it in full, <work unit>.<tag>, as ordo's tags do.
  EXPECT_TRUE(std::any_of(got.begin(), got.end(), [](const sim::Message& m) {
    return m.topic == "ordo/bsl/WU-PRESS-01/tag/WU-PRESS-01.temperature" &&
           Json::parse(m.payload).value("tag", "") == "WU-PRESS-01.temperature";
  }));
}

TEST_F(SimMqttTest, SparkplugBirthsDataAndDeathArriveInSequence) {
  ORDO_VERIFIES("ORDO-SIM-10");
  Subscriber sub;
  std::string error;
  ASSERT_TRUE(sub.Start(port_, "spBv1.0/#", &error)) << error;
  RunResult r = Sim({"--sparkplug", "127.0.0.1:" + std::to_string(port_), "--group-id", "plant",
                     "--edge-node", "sim"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  const sim::Stream expected = Expected();
  sim::SparkplugEdge reference("plant", "sim", kUnits);
  const std::size_t data = reference.Group(expected).size();
  // NBIRTH, a DBIRTH per device, the data, the NDEATH of the clean stop.
  auto got = sub.WaitFor(1 + kUnits.size() + data + 1);
  ASSERT_EQ(got.size(), 1 + kUnits.size() + data + 1);
  EXPECT_EQ(got.front().topic, "spBv1.0/plant/NBIRTH/sim");
  EXPECT_EQ(got[1].topic, "spBv1.0/plant/DBIRTH/sim/WU-PRESS-01");
  EXPECT_EQ(got.back().topic, "spBv1.0/plant/NDEATH/sim");
  sparkplug::EdgeNodeSession host("plant", "sim");
  std::vector<std::tuple<std::int64_t, std::string, std::string>> states;  // from DDATA
  for (std::size_t i = 0; i < got.size(); ++i) {
    auto topic = sparkplug::ParseTopic(got[i].topic);
    ASSERT_TRUE(topic.ok()) << got[i].topic;
    auto payload = sparkplug::DecodePayload(got[i].payload);
    ASSERT_TRUE(payload.ok()) << got[i].topic << ": " << payload.error().message;
    if (i == 0 || i + 1 == got.size()) {
      ASSERT_FALSE(payload->metrics.empty());
      EXPECT_EQ(payload->metrics[0].name, "bdSeq");
      EXPECT_EQ(std::get<std::int64_t>(payload->metrics[0].value), 0);
    }
    auto d = host.OnMessage(*topic, *payload);
    EXPECT_NE(d.outcome, sparkplug::Outcome::kRefused) << got[i].topic << d.reason;
    EXPECT_FALSE(d.rebirth_needed) << got[i].topic << " " << d.rebirth_detail;
    if (topic->type == sparkplug::MessageType::kDData)
      for (const auto& m : d.metrics)
        if (m.name == "state")
          states.emplace_back(static_cast<std::int64_t>(m.timestamp_ms.value_or(0)),
                              topic->device_id, std::get<std::string>(m.value));
  }
  EXPECT_FALSE(host.online());  // the NDEATH took the node offline
  std::vector<std::tuple<std::int64_t, std::string, std::string>> want;
  for (const auto& s : expected.states) want.emplace_back(s.time_ms, s.work_unit, s.state);
  std::sort(want.begin(), want.end());
  EXPECT_EQ(states, want);  // the groups go out in (time, device) order
}

// The bdSeq metric of an NBIRTH or NDEATH message (-1 when it has none).
std::int64_t BdSeq(const sim::Message& m) {
  auto p = sparkplug::DecodePayload(m.payload);
  if (!p.ok()) return -1;
  for (const auto& metric : p->metrics)
    if (metric.name == "bdSeq" && std::holds_alternative<std::int64_t>(metric.value))
      return std::get<std::int64_t>(metric.value);
  return -1;
}

TEST_F(SimMqttTest, AfterABrokerRestartTheEdgeNodeIsBornAgainWithTheNextBdSeq) {
  ORDO_VERIFIES("ORDO-SIM-10");
  Subscriber sub;
  std::string error;
  ASSERT_TRUE(sub.Start(port_, "spBv1.0/#", &error)) << error;
  // Real time, 60 simulated seconds per second, until SIGTERM.
  Process sim =
      Process::Spawn({OrdoBinary(), "sim", "--ids", "WU-PRESS-01,WU-COAT-01", "--seed", "5",
                      "--speed", "60", "--sparkplug", "127.0.0.1:" + std::to_string(port_),
                      "--group-id", "plant", "--edge-node", "sim"},
                     dir_ / "sim.out", dir_ / "sim.err");
  auto count = [](const std::vector<sim::Message>& all, const std::string& topic) {
    return std::count_if(all.begin(), all.end(),
                         [&](const sim::Message& m) { return m.topic == topic; });
  };
  const std::string nbirth = "spBv1.0/plant/NBIRTH/sim", ddata = "spBv1.0/plant/DDATA/sim/";
  ASSERT_TRUE(sub.WaitUntil([&](const auto& all) {
    return count(all, nbirth) == 1 &&
           std::any_of(all.begin(), all.end(),
                       [&](const sim::Message& m) { return m.topic.starts_with(ddata); });
  })) << ReadFile(dir_ / "sim.err");
  EXPECT_EQ(BdSeq(sub.Messages().front()), 0);
  // The broker goes away and comes back; the subscriber is back when it subscribed again.
  RestartBroker();
  ASSERT_TRUE(sub.WaitUntil([&](const auto&) { return sub.subscriptions() >= 2; }));
  // The host asks for a rebirth (the sim's own reconnect may have come before we listened).
  sub.Publish(sparkplug::RebirthTopic("plant", "sim"),
              sparkplug::EncodePayload(sparkplug::RebirthRequest(1)));
  ASSERT_TRUE(sub.WaitUntil([&](const auto& all) { return count(all, nbirth) >= 2; }))
      << ReadFile(dir_ / "sim.err");
  // Let some data follow the new birth, then stop the sim: the NDEATH carries the bdSeq.
  std::size_t after_birth = sub.Messages().size();
  ASSERT_TRUE(sub.WaitUntil([&](const auto& all) { return all.size() > after_birth + 5; }));
  sim.Signal(SIGTERM);
  auto status = sim.Wait(std::chrono::seconds(30));
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(status->code, 0) << ReadFile(dir_ / "sim.err");
  ASSERT_TRUE(sub.WaitUntil([&](const auto& all) {
    return !all.empty() && all.back().topic == "spBv1.0/plant/NDEATH/sim";
  }));
  const auto all = sub.Messages();
  // From the last NBIRTH on, our host session follows without asking for a rebirth.
  std::size_t last_birth = 0;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].topic == nbirth) last_birth = i;
  EXPECT_EQ(BdSeq(all[last_birth]), 1) << "the session after the broker restart";
  EXPECT_EQ(BdSeq(all.back()), 1) << "its NDEATH";
  sparkplug::EdgeNodeSession host("plant", "sim");
  for (std::size_t i = last_birth; i < all.size(); ++i) {
    auto topic = sparkplug::ParseTopic(all[i].topic);
    auto payload = sparkplug::DecodePayload(all[i].payload);
    ASSERT_TRUE(topic.ok() && payload.ok()) << all[i].topic;
    auto d = host.OnMessage(*topic, *payload);
    EXPECT_NE(d.outcome, sparkplug::Outcome::kRefused) << all[i].topic << d.reason;
    EXPECT_FALSE(d.rebirth_needed) << all[i].topic << " " << d.rebirth_detail;
  }
  EXPECT_FALSE(host.online());
}

}  // namespace
}  // namespace ordo::testing
