// The demo's simulator: `ordo init --demo` registers the demo-sim rest source with its key
// in a 0600 file, the demo-sim-mqtt source and the demo tags, and scripts/demo (what `make
// demo` runs) starts mosquitto, the server with its MQTT connector and `ordo sim --mqtt`
// against the demo work units, and stops them with the server; SIM=0 leaves the server
// alone, and without mosquitto the simulator posts over REST.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include "admin/demo_sim_source.h"
#include "api_fixture.h"
#include "core/testing/verifies.h"
#include "sim/plant_model.h"

namespace ordo::testing {
namespace {

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

// True when something accepts connections on 127.0.0.1:port.
bool Listening(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool open = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return open;
}

using DemoSimSourceTest = ApiTest;

TEST_F(DemoSimSourceTest, InitDemoRegistersTheSimulatorSourceWithItsKeyInA0600File) {
  ORDO_VERIFIES("ORDO-SIM-11");
  const std::string key_file = sandbox_.data() + "/" + admin::kDemoSimKeyFile;
  struct stat st {};
  ASSERT_EQ(::stat(key_file.c_str(), &st), 0) << key_file;
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::string key = ReadFile(key_file);
  ASSERT_FALSE(key.empty());
  key.pop_back();  // the newline
  EXPECT_EQ(key.rfind("ordo_src_", 0), 0u);
  HttpReply source = http().Get("/api/v1/sources/demo-sim", TokenFor("operator"));
  ASSERT_EQ(source.status, 200) << source.Describe();
  EXPECT_EQ(source.json()["source"].value("kind", ""), "rest");
  std::vector<std::string> units = source.json()["source"]["work_units"];
  std::vector<std::string> want = admin::DemoSimWorkUnits();
  std::sort(units.begin(), units.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(units, want);
  // The key works (and only the hash is in the ledger).
  HttpReply sent = http().Post("/api/v1/equipment-data",
                               Json{{"source", "demo-sim"},
                                    {"seq", 1},
                                    {"states",
                                     {{{"work_unit", "WU-PRESS-01"},
                                       {"time", "2026-11-30T06:00:00Z"},
                                       {"state", "running"}}}}},
                               key);
  EXPECT_EQ(sent.status, 200) << sent.Describe();
  std::string error;
  for (const auto& e : AllLedger(http(), TokenFor("supervisor"), &error))
    EXPECT_EQ(e.dump().find(key), std::string::npos);
  // scripts/demo passes the same work units, and the seed of the demo tags' limits.
  const std::string script = ReadFile(std::string(ORDO_SOURCE_DIR) + "/scripts/demo");
  std::string list;
  for (const auto& u : admin::DemoSimWorkUnits()) list += (list.empty() ? "" : ",") + u;
  EXPECT_NE(script.find("DEMO_UNITS=\"" + list + "\""), std::string::npos) << list;
  EXPECT_NE(script.find("--seed \"${SIM_SEED:-" + std::to_string(admin::kDemoSimSeed) + "}\""),
            std::string::npos);
}

TEST_F(DemoSimSourceTest, InitDemoRegistersTheMqttSourceAndTheTagsOfTheSimulatedValues) {
  ORDO_VERIFIES("ORDO-SIM-11");
  HttpReply source = http().Get("/api/v1/sources/demo-sim-mqtt", TokenFor("operator"));
  ASSERT_EQ(source.status, 200) << source.Describe();
  EXPECT_EQ(source.json()["source"].value("kind", ""), "mqtt");
  EXPECT_TRUE(source.json()["source"].value("enabled", false));
  EXPECT_TRUE(source.json()["source"].value("topics", Json::array()).empty())
      << "the default topics, ordo/<site>/<work unit>/#";
  std::vector<std::string> units = source.json()["source"]["work_units"];
  std::vector<std::string> want = admin::DemoSimWorkUnits();
  std::sort(units.begin(), units.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(units, want);
  // Each demo unit's temperature and pressure, with the limits the simulator uses.
  sim::PlantOptions options;
  options.work_units = admin::DemoSimWorkUnits();
  options.seed = admin::kDemoSimSeed;
  const sim::PlantModel model(options);
  for (const auto& unit : admin::DemoSimWorkUnits()) {
    HttpReply tags = http().Get("/api/v1/tags?work_unit=" + unit, TokenFor("operator"));
    ASSERT_EQ(tags.status, 200) << tags.Describe();
    const Json body = tags.json();
    std::map<std::string, Json> by_name;
    for (const auto& t : body["tags"]) by_name[t.value("name", "")] = t;
    const auto limits = model.Limits(unit);
    ASSERT_EQ(limits.size(), 2u);
    for (const auto& l : limits) {
      const std::string name = unit + "." + l.tag;
      ASSERT_TRUE(by_name.count(name)) << name << " " << tags.Describe();
      const Json& t = by_name[name];
      EXPECT_EQ(t.value("work_unit", ""), unit);
      EXPECT_EQ(t.value("unit", ""), l.tag == "temperature" ? "Cel" : "bar") << name;
      EXPECT_DOUBLE_EQ(t.value("low", 0.0), l.low) << name;
      EXPECT_DOUBLE_EQ(t.value("high", 0.0), l.high) << name;
      EXPECT_LT(t.value("low", 0.0), l.nominal) << name;
      EXPECT_GT(t.value("high", 0.0), l.nominal) << name;
    }
  }
  // Recorded by the demo engineer.
  std::string error;
  int defined = 0;
  for (const auto& e : AllLedger(http(), TokenFor("supervisor"), &error))
    if (e.value("type", "") == "telemetry.tag_defined" &&
        e["payload"].value("name", "").ends_with(".temperature")) {
      ++defined;
      EXPECT_EQ(e.value("actor", ""), sandbox_.user("engineer").name) << e.dump();
    }
  EXPECT_EQ(defined, static_cast<int>(admin::DemoSimWorkUnits().size())) << error;
}

class DemoScriptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
  }
  // Runs scripts/demo on a free port; waits for its server to listen.
  void Start(const std::string& sim, const std::string& mosquitto) {
    port_ = 0;
    std::vector<std::string> argv{"/usr/bin/env", std::string("ORDO_BIN=") + OrdoBinary(),
                                  std::string("ORDO_MIS_BIN=") + ORDO_MIS_BIN};
    if (!mosquitto.empty()) argv.push_back("ORDO_DEMO_MOSQUITTO=" + mosquitto);
    // The build dir is where the binary is: scripts/demo runs BUILD/ordo.
    const std::string bin = OrdoBinary();
    argv.insert(argv.end(),
                {std::string(ORDO_SOURCE_DIR) + "/scripts/demo", bin.substr(0, bin.rfind('/')),
                 sandbox_.data(), std::to_string(FreePort()), sim, std::to_string(mqtt_port_),
                 std::to_string(mis_port_)});
    script_ = Process::Spawn(argv, sandbox_.file("demo.out"), sandbox_.file("demo.err"));
  }
  std::string Out() {
    return ReadFile(sandbox_.file("demo.out")) + ReadFile(sandbox_.file("demo.err"));
  }
  // The port from "ordo: listening on http://127.0.0.1:PORT".
  std::uint16_t WaitForPort() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      const std::string out = Out();
      const auto at = out.find("listening on http://127.0.0.1:");
      if (at != std::string::npos)
        return static_cast<std::uint16_t>(std::stoi(out.substr(at + 30)));
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return 0;
  }
  void StopAndExpectClean() {
    script_.Signal(SIGTERM);
    auto status = script_.Wait(std::chrono::seconds(60));
    ASSERT_TRUE(status.has_value()) << Out();
    EXPECT_EQ(status->code, 0) << Out();
  }

  // Signs in to the demo's MIS and waits until its feed follows the MES and a demo work
  // unit's availability over the last hour is a figure.
  void ExpectTheMisFollows(std::chrono::steady_clock::time_point deadline) {
    HttpClient mis(static_cast<std::uint16_t>(mis_port_));
    std::string password = ReadFile(sandbox_.data() + "/mis-admin.password");
    ASSERT_FALSE(password.empty());
    std::string token;
    Json feed, figure;
    while (std::chrono::steady_clock::now() < deadline) {
      if (token.empty()) {
        const Json answer =
            mis.Post("/api/v1/session", Json{{"user", "admin"}, {"password", password}}).json();
        if (answer.is_object() && answer.contains("token") && answer["token"].is_string())
          token = answer["token"];
      }
      if (!token.empty()) {
        feed = mis.Get("/api/v1/feed", token).json();
        if (!feed.is_object()) feed = Json::object();
        const TimeMicros now = SystemClock().NowMicros();
        HttpReply kpi =
            mis.Get("/api/v1/kpi?kpi=availability&scope=WU-PRESS-01&from=" +
                        FormatUtcMicros(now - 3'600'000'000) + "&to=" + FormatUtcMicros(now),
                    token);
        if (kpi.status == 200 && kpi.json().contains("figures")) figure = kpi.json()["figures"][0];
        if (feed.value("state", "") == "following" && figure["value"].is_number()) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    EXPECT_EQ(feed.value("state", ""), "following")
        << feed.dump() << ReadFile(sandbox_.data() + "/mis.log");
    EXPECT_TRUE(feed["alarms"].empty()) << feed.dump();
    // The demo pins the demo site's public key: the MES's checkpoints are checked.
    EXPECT_EQ(feed.value("checkpoints", ""), "checked") << feed.dump();
    EXPECT_TRUE(figure["value"].is_number()) << figure.dump();
    const Json elements = figure.is_object() ? figure.value("elements", Json::object()) : Json();
    EXPECT_GT(elements.is_object() ? elements.value("PBT", 0.0) : 0.0, 0.0) << figure.dump();
  }

  Sandbox sandbox_;
  Process script_;
  std::uint16_t port_ = 0;
  int mqtt_port_ = FreePort();
  int mis_port_ = FreePort();
};

TEST_F(DemoScriptTest, MakeDemoRunsTheSimulatorOverMqttAndStopsItAndMosquittoWithTheServer) {
  ORDO_VERIFIES("ORDO-SIM-12", "ORDO-MIS-19");
  for (int run = 1; run <= 2; ++run) {  // the second run on the same data directory
    SCOPED_TRACE("run " + std::to_string(run));
    Start("1", "");
    const std::uint16_t port = WaitForPort();
    ASSERT_NE(port, 0) << Out();
    EXPECT_NE(Out().find("mosquitto on 127.0.0.1:" + std::to_string(mqtt_port_)), std::string::npos)
        << Out();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (Out().find("plant simulator:") == std::string::npos &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_NE(Out().find("over MQTT"), std::string::npos) << Out();
    // The equipment data moves over MQTT: the connector accepts the simulator's messages,
    // the demo work units get states from demo-sim-mqtt, and the process values are stored.
    HttpClient client(port);
    const Credentials& op = sandbox_.user("operator");
    const std::string token = Login(client, op.name, op.password);
    // The connector's own count too: on the second run the data directory already holds
    // the first run's states and values, so they alone do not show this run's messages.
    Json mqtt;
    std::size_t mqtt_states = 0, values = 0;
    int accepted = 0;
    while ((mqtt_states == 0 || values == 0 || accepted == 0) &&
           std::chrono::steady_clock::now() < deadline) {
      HttpReply h = client.Get("/api/v1/health");
      if (h.status == 200) accepted = h.json()["services"]["mqtt"].value("accepted", 0);
      HttpReply r = client.Get("/api/v1/work-units/WU-PRESS-01/states", token);
      if (r.status == 200) {
        mqtt_states = 0;
        const Json body = r.json();
        for (const auto& i : body["intervals"])
          mqtt_states += i.value("source", "") == "demo-sim-mqtt";
      }
      HttpReply v = client.Get("/api/v1/tags/WU-PRESS-01.temperature/values", token);
      if (v.status == 200) values = v.json()["values"].size();
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    HttpReply health = client.Get("/api/v1/health");
    ASSERT_EQ(health.status, 200) << health.Describe();
    mqtt = health.json()["services"]["mqtt"];
    const std::string sim_log = ReadFile(sandbox_.data() + "/sim.log");
    EXPECT_GT(mqtt_states, 0u) << Out() << sim_log << mqtt.dump();
    EXPECT_GT(values, 0u) << Out() << sim_log << mqtt.dump();
    EXPECT_GT(mqtt.value("accepted", 0), 0) << mqtt.dump();
    // Nothing refused: the topics are demo-sim-mqtt's, the tags defined, and a second run
    // does not reuse the first one's seqs.
    EXPECT_EQ(mqtt.value("refused", -1), 0) << mqtt.dump();
    // The MIS runs beside it, follows the MES's ledger as mis-feed, and computes the demo
    // work units' figures from it with the demo shift calendar.
    EXPECT_NE(Out().find("MIS: http://127.0.0.1:" + std::to_string(mis_port_)), std::string::npos)
        << Out();
    ExpectTheMisFollows(deadline);
    EXPECT_TRUE(Listening(mqtt_port_)) << "mosquitto runs";
    StopAndExpectClean();
    EXPECT_FALSE(Listening(mis_port_)) << "the MIS stopped with the server";
    EXPECT_FALSE(Listening(mqtt_port_)) << "mosquitto stopped with the server";
    // The simulator stopped cleanly with the server.
    EXPECT_NE(ReadFile(sandbox_.data() + "/sim.log").find("stopped by a signal"), std::string::npos)
        << ReadFile(sandbox_.data() + "/sim.log");
  }
}

TEST_F(DemoScriptTest, SimZeroAndAMissingMosquittoLeaveTheServerAlone) {
  ORDO_VERIFIES("ORDO-SIM-12");
  Start("0", "");
  ASSERT_NE(WaitForPort(), 0) << Out();
  StopAndExpectClean();
  EXPECT_EQ(Out().find("plant simulator"), std::string::npos) << Out();
  EXPECT_EQ(Out().find("mosquitto on"), std::string::npos) << Out();
  // Without mosquitto: said so, and the simulator runs over REST (demo-sim) instead.
  Start("1", "/nonexistent/mosquitto");
  const std::uint16_t port = WaitForPort();
  ASSERT_NE(port, 0) << Out();
  EXPECT_NE(Out().find("mosquitto is not installed"), std::string::npos) << Out();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (Out().find("plant simulator:") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_NE(Out().find("plant simulator:"), std::string::npos) << Out();
  EXPECT_NE(Out().find("over REST"), std::string::npos) << Out();
  HttpClient client(port);
  const Credentials& op = sandbox_.user("operator");
  const std::string token = Login(client, op.name, op.password);
  std::size_t rest_states = 0;
  while (rest_states == 0 && std::chrono::steady_clock::now() < deadline) {
    HttpReply r = client.Get("/api/v1/work-units/WU-PRESS-01/states", token);
    if (r.status == 200) {
      const Json body = r.json();
      for (const auto& i : body["intervals"]) rest_states += i.value("source", "") == "demo-sim";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_GT(rest_states, 0u) << Out() << ReadFile(sandbox_.data() + "/sim.log");
  // No MQTT connector without a broker.
  HttpReply health = client.Get("/api/v1/health");
  EXPECT_FALSE(health.json().contains("services")) << health.Describe();
  StopAndExpectClean();
}

}  // namespace
}  // namespace ordo::testing
