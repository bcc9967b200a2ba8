// The demo's simulator: `ordo init --demo` registers the demo-sim rest source with its key
// in a 0600 file, and scripts/demo (what `make demo` runs) starts mosquitto, the server and
// `ordo sim --rest` against the demo work units, and stops them with the server; SIM=0
// and a missing mosquitto leave the server running alone.
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
  // scripts/demo passes the same work units.
  const std::string script = ReadFile(std::string(ORDO_SOURCE_DIR) + "/scripts/demo");
  std::string list;
  for (const auto& u : admin::DemoSimWorkUnits()) list += (list.empty() ? "" : ",") + u;
  EXPECT_NE(script.find("DEMO_UNITS=\"" + list + "\""), std::string::npos) << list;
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
    std::vector<std::string> argv{"/usr/bin/env", std::string("ORDO_BIN=") + OrdoBinary()};
    if (!mosquitto.empty()) argv.push_back("ORDO_DEMO_MOSQUITTO=" + mosquitto);
    // The build dir is where the binary is: scripts/demo runs BUILD/ordo.
    const std::string bin = OrdoBinary();
    argv.insert(argv.end(),
                {std::string(ORDO_SOURCE_DIR) + "/scripts/demo", bin.substr(0, bin.rfind('/')),
                 sandbox_.data(), std::to_string(FreePort()), sim, std::to_string(mqtt_port_)});
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

  Sandbox sandbox_;
  Process script_;
  std::uint16_t port_ = 0;
  int mqtt_port_ = FreePort();
};

TEST_F(DemoScriptTest, MakeDemoRunsTheSimulatorAndMosquittoAndStopsThemWithTheServer) {
  ORDO_VERIFIES("ORDO-SIM-12");
  Start("1", "");
  const std::uint16_t port = WaitForPort();
  ASSERT_NE(port, 0) << Out();
  EXPECT_NE(Out().find("mosquitto on 127.0.0.1:" + std::to_string(mqtt_port_)), std::string::npos)
      << Out();
  // The equipment data moves: the demo work units get states from the simulator.
  HttpClient client(port);
  const Credentials& op = sandbox_.user("operator");
  const std::string token = Login(client, op.name, op.password);
  std::size_t states = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (states == 0 && std::chrono::steady_clock::now() < deadline) {
    HttpReply r = client.Get("/api/v1/work-units/WU-PRESS-01/states", token);
    if (r.status == 200) states = r.json()["intervals"].size();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_GT(states, 0u) << Out() << ReadFile(sandbox_.data() + "/sim.log");
  EXPECT_TRUE(Listening(mqtt_port_)) << "mosquitto runs";
  StopAndExpectClean();
  EXPECT_FALSE(Listening(mqtt_port_)) << "mosquitto stopped with the server";
  // The simulator stopped cleanly with the server.
  EXPECT_NE(ReadFile(sandbox_.data() + "/sim.log").find("stopped by a signal"), std::string::npos)
      << ReadFile(sandbox_.data() + "/sim.log");
}

TEST_F(DemoScriptTest, SimZeroAndAMissingMosquittoLeaveTheServerAlone) {
  ORDO_VERIFIES("ORDO-SIM-12");
  Start("0", "");
  ASSERT_NE(WaitForPort(), 0) << Out();
  StopAndExpectClean();
  EXPECT_EQ(Out().find("plant simulator"), std::string::npos) << Out();
  EXPECT_EQ(Out().find("mosquitto on"), std::string::npos) << Out();
  // Without mosquitto: said so, and the simulator runs over REST all the same.
  Start("1", "/nonexistent/mosquitto");
  ASSERT_NE(WaitForPort(), 0) << Out();
  EXPECT_NE(Out().find("mosquitto is not installed"), std::string::npos) << Out();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (Out().find("plant simulator:") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_NE(Out().find("plant simulator:"), std::string::npos) << Out();
  StopAndExpectClean();
}

}  // namespace
}  // namespace ordo::testing
