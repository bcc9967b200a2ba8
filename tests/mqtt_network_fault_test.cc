// The network fault test of the MQTT connector (docs/mqtt.md): the test process moves into
// a network namespace of its own (so the nft rule touches nothing else on the machine),
// starts a real mosquitto with a second listener for the devices and the real
// `ordo serve --mqtt-broker`, then cuts the connection between ordo and the broker with an
// nft rule that drops every packet (no reset, no FIN: only the keepalive can tell). Data a
// REST source sends meanwhile is stored; once the rule is gone ordo reconnects and every
// message the devices published, queued or in flight, arrives exactly once.
#include <gtest/gtest.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
#include <map>
#include <thread>

#include "api_fixture.h"
#include "core/testing/verifies.h"
#include "support/mosquitto.h"
#include "support/wait.h"

namespace ordo::testing {
namespace {

constexpr const char* kTopic = "ordo/SITE-BSL/WU-PRESS-01/count";
constexpr const char* kWindow = "?from=2026-11-30T00:00:00Z&to=2026-11-30T23:00:00Z";
constexpr const char* kNft = "/usr/sbin/nft";
// The keepalive's 1.5 x 5 s to notice the cut, and a reconnect whose SYN may wait for the
// kernel's next retransmission after the rule is gone.
constexpr std::chrono::seconds kPatience{180};

class MqttNetworkFaultTest : public ApiTest {
 protected:
  void SetUp() override {
    // A namespace of its own for this thread and every process it starts (ordo, mosquitto,
    // nft): before anything is started, so that all of them live in it.
    if (::unshare(CLONE_NEWNET) != 0)
      GTEST_SKIP() << "the network fault test needs a network namespace of its own "
                      "(CAP_SYS_ADMIN, i.e. root): unshare(CLONE_NEWNET) failed: "
                   << std::strerror(errno);
    ASSERT_EQ(::access(kNft, X_OK), 0) << "nft is missing (apt package nftables; "
                                          "scripts/install-deps installs it)";
    RunResult lo = testing::Run({"/usr/sbin/ip", "link", "set", "lo", "up"}, broker_dir_.path(),
                                std::chrono::seconds(10));
    ASSERT_EQ(lo.status.code, 0) << lo.Describe();
    device_port_ = FreeLoopbackPort();
    std::string error;
    broker_ = std::make_unique<Mosquitto>(
        broker_dir_.path(), "listener " + std::to_string(device_port_) + " 127.0.0.1\n");
    ASSERT_TRUE(broker_->Start(&error)) << error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
    server_ = std::make_unique<OrdoServer>(
        sandbox_.data(), sandbox_.root(),
        std::vector<std::string>{"--mqtt-broker", broker_->address(), "--mqtt-client-id",
                                 "ordo-fault", "--mqtt-keepalive", "5"});
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
    ASSERT_TRUE(WaitFor([&] { return Mqtt().value("subscribed", false); })) << server_->Logs();
  }
  void TearDown() override {
    ApiTest::TearDown();
    if (HasFailure() && broker_) std::fprintf(stderr, "%s\n", broker_->Logs().c_str());
    broker_.reset();
  }

  // nft with these arguments, in this namespace; the test fails when nft does.
  void Nft(std::vector<std::string> args) {
    args.insert(args.begin(), kNft);
    RunResult r = testing::Run(args, broker_dir_.path(), std::chrono::seconds(10));
    ASSERT_EQ(r.status.code, 0) << r.Describe();
  }
  // Drops every packet to and from ordo's listener of the broker (the devices' listener
  // stays up).
  void CutOrdoFromTheBroker() {
    const std::string port = std::to_string(broker_->port());
    Nft({"add", "table", "inet", "ordo_fault"});
    Nft({"add", "chain", "inet", "ordo_fault", "out",
         "{ type filter hook output priority 0 ; policy accept ; }"});
    Nft({"add", "rule", "inet", "ordo_fault", "out", "tcp", "dport", port, "drop"});
    Nft({"add", "rule", "inet", "ordo_fault", "out", "tcp", "sport", port, "drop"});
  }
  void Reconnect() { Nft({"delete", "table", "inet", "ordo_fault"}); }

  Json Mqtt() {
    HttpReply r = http().Get("/api/v1/health");
    return r.status == 200 ? r.json()["services"]["mqtt"] : Json();
  }
  // A device publishes a count increment through its own listener (QoS 1).
  void DevicePublishes(std::int64_t seq, const std::string& time, int total) {
    RunResult r =
        broker_->Publish(kTopic, Json{{"seq", seq}, {"time", time}, {"total", total}}.dump(), 1,
                         {"-p", std::to_string(device_port_), "-i", "press-plc"});
    ASSERT_EQ(r.status.code, 0) << r.Describe();
  }
  // The seqs of the press source's accepted batches after `after`, with multiplicity.
  std::map<std::int64_t, int> AcceptedSeqs(std::int64_t after) {
    std::string error;
    std::map<std::int64_t, int> seqs;
    for (const auto& e : AllLedger(http(), supervisor_, &error, after))
      if (e.value("type", "") == "equipment.batch_accepted" &&
          e["payload"].value("source", "") == "press-mqtt")
        ++seqs[e["payload"].value("seq", 0LL)];
    EXPECT_EQ(error, "");
    return seqs;
  }
  int Total(const std::string& wu) {
    HttpReply r = http().Get("/api/v1/work-units/" + wu + "/counts" + kWindow, supervisor_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["totals"].value("total", -1);
  }

  TempDir broker_dir_{"ordo-mosquitto-fault"};
  std::unique_ptr<Mosquitto> broker_;
  std::uint16_t device_port_ = 0;
  std::string supervisor_;
};

TEST_F(MqttNetworkFaultTest, ACutConnectionLosesNothingAndOrdoResumes) {
  ORDO_VERIFIES("ORDO-MQTT-16");
  const std::string engineer = TokenFor("engineer");
  supervisor_ = TokenFor("supervisor");
  // The demo's simulator source (ordo init --demo) owns WU-PRESS-01's topics too.
  ASSERT_EQ(http()
                .Request("PATCH", "/api/v1/sources/demo-sim-mqtt", Json{{"enabled", false}}.dump(),
                         engineer, {{"Content-Type", "application/json"}})
                .status,
            200);
  ASSERT_EQ(
      http()
          .Post("/api/v1/sources",
                Json{{"name", "press-mqtt"}, {"kind", "mqtt"}, {"work_units", {"WU-PRESS-01"}}},
                engineer)
          .status,
      201);
  HttpReply rest = http().Post(
      "/api/v1/sources",
      Json{{"name", "pkg-rest"}, {"kind", "rest"}, {"work_units", {"WU-PKG-01"}}}, engineer);
  ASSERT_EQ(rest.status, 201) << rest.Describe();
  const std::string key = rest.json().value("api_key", "");
  const std::int64_t head = HeadSeq(http());
  DevicePublishes(1, "2026-11-30T06:00:00Z", 10);
  ASSERT_TRUE(WaitFor([&] { return AcceptedSeqs(head).size() == 1; })) << server_->Logs();

  // The cable is cut: the devices go on publishing (queued by the broker for ordo's
  // persistent session, or sent into the dead connection), and ordo notices the silence.
  CutOrdoFromTheBroker();
  DevicePublishes(2, "2026-11-30T06:10:00Z", 20);
  ASSERT_TRUE(WaitFor([&] { return !Mqtt().value("connected", true); }, kPatience))
      << Mqtt().dump();
  EXPECT_FALSE(Mqtt().value("last_error", Json()).is_null()) << Mqtt().dump();
  DevicePublishes(3, "2026-11-30T06:20:00Z", 30);
  HttpReply sent = http().Post(
      "/api/v1/equipment-data",
      Json{{"source", "pkg-rest"},
           {"seq", 1},
           {"counts",
            {{{"work_unit", "WU-PKG-01"}, {"time", "2026-11-30T06:05:00Z"}, {"total", 7}}}}},
      key);
  ASSERT_EQ(sent.status, 200) << sent.Describe();
  EXPECT_EQ(Total("WU-PKG-01"), 7);  // REST data is stored while MQTT is cut off
  EXPECT_EQ(AcceptedSeqs(head).size(), 1u);

  // The network is back: ordo reconnects by itself and what was published meanwhile
  // arrives, each once.
  Reconnect();
  ASSERT_TRUE(WaitFor(
      [&] {
        Json m = Mqtt();
        return m.value("subscribed", false) && m.value("connects", 0) >= 2;
      },
      kPatience))
      << Mqtt().dump() << server_->Logs();
  DevicePublishes(4, "2026-11-30T06:30:00Z", 40);
  ASSERT_TRUE(WaitFor([&] { return AcceptedSeqs(head).size() == 4; }, kPatience))
      << server_->Logs();
  EXPECT_EQ(AcceptedSeqs(head), (std::map<std::int64_t, int>{{1, 1}, {2, 1}, {3, 1}, {4, 1}}));
  EXPECT_EQ(Total("WU-PRESS-01"), 100);
  EXPECT_EQ(Total("WU-PKG-01"), 7);
}

}  // namespace
}  // namespace ordo::testing
