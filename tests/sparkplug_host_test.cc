// Integration tests of ordo as Sparkplug B host application (docs/sparkplug.md) with a
// real mosquitto, the real `ordo serve --mqtt-broker` and the npm `sparkplug-client` as a
// third-party edge node (tests/sparkplug/edge.mjs): births and data become states, counts
// and tag values through the same ingest as REST; a seq gap brings a rebirth NCMD and the
// client rebirths; DDEATH and the node's will mark work units offline; the host STATE;
// unowned nodes, malformed payloads and data before birth.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "api_fixture.h"
#include "core/clock.h"
#include "core/testing/verifies.h"
#include "mes/equipment/sparkplug/sparkplug.h"
#include "sim/plant_model.h"
#include "support/mosquitto.h"
#include "support/wait.h"

namespace ordo::testing {
namespace {

namespace fs = std::filesystem;

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The edge node script, its command file and its event lines.
class Edge {
 public:
  Edge(const std::string& dir, const std::string& broker, const std::string& node,
       const std::string& devices, bool birth = true)
      : commands_(dir + "/commands-" + node), out_(dir + "/edge-" + node + ".out") {
    const fs::path script = fs::path(ORDO_SPARKPLUG_INTEROP_DIR) / "edge.mjs";
    EXPECT_TRUE(
        fs::exists(fs::path(ORDO_SPARKPLUG_INTEROP_DIR) / "node_modules" / "sparkplug-client"))
        << "tests/sparkplug/node_modules has no sparkplug-client: run scripts/install-deps";
    std::vector<std::string> argv{ORDO_NODE_BIN, script.string(), "mqtt://" + broker, "plant",
                                  node,          devices,         commands_};
    if (!birth) argv.push_back("nobirth");
    process_ = Process::Spawn(argv, out_, dir + "/edge-" + node + ".err");
  }
  void Send(const Json& command) {
    std::ofstream f(commands_, std::ios::app);
    f << command.dump() << "\n";
  }
  std::vector<Json> Events(const std::string& event) const {
    std::vector<Json> out;
    std::istringstream in(ReadFile(out_));
    std::string line;
    while (std::getline(in, line)) {
      Json j = Json::parse(line, nullptr, false);
      if (j.is_object() && j.value("event", "") == event) out.push_back(j);
    }
    return out;
  }
  bool WaitEvents(const std::string& event, std::size_t n) {
    return WaitFor([&] { return Events(event).size() >= n; });
  }
  std::string Output() const { return ReadFile(out_); }
  Process& process() { return process_; }

 private:
  std::string commands_, out_;
  Process process_;
};

Json Metric(const std::string& name, const std::string& type, const Json& value,
            std::int64_t time) {
  return Json{{"name", name}, {"type", type}, {"value", value}, {"timestamp", time}};
}

class SparkplugHostTest : public ApiTest {
 protected:
  void SetUp() override {
    std::string error;
    broker_ = std::make_unique<Mosquitto>(broker_dir_.path());
    ASSERT_TRUE(broker_->Start(&error)) << error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
    server_ = std::make_unique<OrdoServer>(
        sandbox_.data(), sandbox_.root(),
        std::vector<std::string>{"--mqtt-broker", broker_->address(), "--mqtt-client-id",
                                 "ordo-spb", "--sparkplug-host-id", "mes-1"});
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
    ASSERT_TRUE(WaitFor([&] { return Health().value("subscribed", false); }))
        << Health().dump() << server_->Logs();
    engineer_ = TokenFor("engineer");
    supervisor_ = TokenFor("supervisor");
  }
  void TearDown() override {
    ApiTest::TearDown();
    if (HasFailure() && broker_) std::fprintf(stderr, "%s\n", broker_->Logs().c_str());
    broker_.reset();
  }
  Json Health() {
    HttpReply r = http().Get("/api/v1/health");
    return r.status == 200 ? r.json()["services"]["mqtt"] : Json();
  }
  void Register(const std::string& name, const std::string& node, const Json& work_units) {
    HttpReply r = http().Post("/api/v1/sources",
                              Json{{"name", name},
                                   {"kind", "sparkplug"},
                                   {"group_id", "plant"},
                                   {"edge_node", node},
                                   {"work_units", work_units}},
                              engineer_);
    ASSERT_EQ(r.status, 201) << r.Describe();
  }
  // Publishes `bytes` on spBv1.0/plant/<topic> through the test broker.
  void Publish(const std::string& topic, const std::string& bytes) {
    RunResult r = broker_->Publish("spBv1.0/plant/" + topic, bytes);
    ASSERT_EQ(r.status.code, 0) << r.Describe();
  }
  std::vector<Json> Entries(const std::string& type, std::int64_t after) {
    std::string error;
    std::vector<Json> out;
    for (const auto& e : AllLedger(http(), supervisor_, &error, after))
      if (e.value("type", "") == type) out.push_back(e);
    return out;
  }
  std::vector<Json> WaitEntries(const std::string& type, std::int64_t after, std::size_t n) {
    std::vector<Json> out;
    WaitFor([&] {
      out = Entries(type, after);
      return out.size() >= n;
    });
    return out;
  }
  std::string Window() {
    const std::int64_t now = NowMs();
    return "?from=" + FormatUtcMicros((now - 7200'000) * 1000) +
           "&to=" + FormatUtcMicros((now + 3600'000) * 1000);
  }
  Json Intervals(const std::string& wu) {
    HttpReply r = http().Get("/api/v1/work-units/" + wu + "/states" + Window(), supervisor_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["intervals"];
  }
  std::string LastState(const std::string& wu) {
    Json i = Intervals(wu);
    return i.empty() ? "" : i.back().value("state", "");
  }

  TempDir broker_dir_{"ordo-mosquitto"};
  TempDir edge_dir_{"ordo-edge"};
  std::unique_ptr<Mosquitto> broker_;
  std::string engineer_, supervisor_;
};

TEST_F(SparkplugHostTest, AThirdPartyEdgeNodeIsIngestedRebirthsOnAGapAndDies) {
  ORDO_VERIFIES("ORDO-SPB-17", "ORDO-SPB-18", "ORDO-SPB-19", "ORDO-SPB-20", "ORDO-SPB-21",
                "ORDO-SPB-29", "ORDO-SPB-23", "ORDO-SPB-24");
  Register("line-spb", "edge-1", {"WU-PRESS-01", "WU-PKG-01"});
  // The tag is the demo's (ordo init --demo defines the simulator's tags).
  HttpReply tag = http().Get("/api/v1/tags?work_unit=WU-PRESS-01", engineer_);
  ASSERT_EQ(tag.status, 200) << tag.Describe();
  ASSERT_NE(tag.body.find("\"WU-PRESS-01.temperature\""), std::string::npos) << tag.Describe();
  const std::int64_t head = HeadSeq(http());
  Edge edge(edge_dir_.path(), broker_->address(), "edge-1", "WU-PRESS-01,WU-PKG-01");
  ASSERT_TRUE(edge.WaitEvents("births", 1)) << edge.Output();
  // The DBIRTHs' states (idle, no_order) arrive for both devices.
  auto born = WaitEntries("equipment.state_changed", head, 2);
  ASSERT_EQ(born.size(), 2u) << server_->Logs();
  EXPECT_EQ(born[0].value("actor", ""), "source:line-spb");
  EXPECT_TRUE(WaitFor([&] { return Health()["sparkplug"].value("online", 0) == 1; }))
      << Health().dump();
  EXPECT_EQ(Health()["sparkplug"].value("host_id", ""), "mes-1");

  const std::int64_t t1 = NowMs() - 60'000;
  edge.Send({{"op", "ddata"},
             {"device", "WU-PRESS-01"},
             {"timestamp", t1},
             {"metrics",
              {Metric("state", "String", "running", t1), Metric("count/total", "Int64", 10, t1),
               Metric("count/good", "Int64", 9, t1), Metric("count/scrap", "Int64", 1, t1),
               Metric("tag/temperature", "Double", 71.5, t1)}}});
  ASSERT_EQ(WaitEntries("equipment.counted", head, 1).size(), 1u) << server_->Logs();

  // A seq gap: ordo asks for a rebirth (recorded), the client republishes its births, and
  // the data of the message after the gap is still used.
  const std::int64_t before_gap = HeadSeq(http());
  const std::int64_t t2 = NowMs() - 50'000;
  edge.Send({{"op", "gap"}, {"skip", 3}});
  edge.Send({{"op", "ddata"},
             {"device", "WU-PKG-01"},
             {"timestamp", t2},
             {"metrics", {Metric("state", "String", "down", t2)}}});
  auto asked = WaitEntries("equipment.sparkplug_rebirth_requested", before_gap, 1);
  ASSERT_EQ(asked.size(), 1u) << server_->Logs();
  EXPECT_EQ(asked[0]["payload"].value("reason", ""), "seq_gap");
  EXPECT_EQ(asked[0]["payload"].value("edge_node", ""), "edge-1");
  ASSERT_TRUE(edge.WaitEvents("births", 2)) << edge.Output();
  auto ncmd = edge.Events("ncmd");
  ASSERT_GE(ncmd.size(), 1u);
  EXPECT_EQ(ncmd[0]["metrics"][0].value("name", ""), "Node Control/Rebirth");
  EXPECT_EQ(ncmd[0]["metrics"][0].value("value", false), true);
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PKG-01") == "down"; })) << Intervals("WU-PKG-01");

  // After the rebirth, data flows again without another request.
  const std::int64_t t3 = NowMs() - 40'000;
  const std::int64_t before_more = HeadSeq(http());
  edge.Send({{"op", "ddata"},
             {"device", "WU-PRESS-01"},
             {"timestamp", t3},
             {"metrics", {Metric("count/total", "Int64", 5, t3)}}});
  ASSERT_EQ(WaitEntries("equipment.counted", before_more, 1).size(), 1u) << server_->Logs();
  HttpReply counts = http().Get("/api/v1/work-units/WU-PRESS-01/counts" + Window(), supervisor_);
  ASSERT_EQ(counts.status, 200) << counts.Describe();
  EXPECT_EQ(counts.json()["totals"].value("total", 0), 15) << counts.Describe();
  EXPECT_EQ(counts.json()["totals"].value("scrap", 0), 1) << counts.Describe();
  EXPECT_EQ(Entries("equipment.sparkplug_rebirth_requested", head).size(), 1u);
  HttpReply values =
      http().Get("/api/v1/tags/WU-PRESS-01.temperature/values" + Window(), supervisor_);
  ASSERT_EQ(values.status, 200) << values.Describe();
  bool hot = false;
  const Json samples = values.json()["values"];
  for (const auto& v : samples) hot = hot || v.value("value", 0.0) == 71.5;
  EXPECT_TRUE(hot) << values.Describe();
  EXPECT_EQ(LastState("WU-PRESS-01"), "running");

  // DDEATH: the device's work unit goes offline; the node's will: all of them.
  edge.Send({{"op", "ddeath"}, {"device", "WU-PKG-01"}});
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PKG-01") == "offline"; }))
      << Intervals("WU-PKG-01");
  EXPECT_EQ(LastState("WU-PRESS-01"), "running");
  edge.Send({{"op", "exit"}});  // no DISCONNECT: the broker publishes the NDEATH will
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PRESS-01") == "offline"; }))
      << Intervals("WU-PRESS-01") << server_->Logs();
  EXPECT_TRUE(WaitFor([&] { return Health()["sparkplug"].value("online", 1) == 0; }))
      << Health().dump();
  EXPECT_EQ(Health().value("refused", -1), 0) << Health().dump();
}

TEST_F(SparkplugHostTest, DataBeforeBirthBringsARebirthRequestAndTheBirthsFollow) {
  ORDO_VERIFIES("ORDO-SPB-20", "ORDO-SPB-28");
  Register("line-spb", "edge-2", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  Edge edge(edge_dir_.path(), broker_->address(), "edge-2", "WU-PRESS-01", /*birth=*/false);
  ASSERT_TRUE(edge.WaitEvents("connected", 1)) << edge.Output();
  const std::int64_t t = NowMs() - 30'000;
  edge.Send({{"op", "ddata"},
             {"device", "WU-PRESS-01"},
             {"timestamp", t},
             {"metrics", {Metric("state", "String", "running", t)}}});
  auto asked = WaitEntries("equipment.sparkplug_rebirth_requested", head, 1);
  ASSERT_EQ(asked.size(), 1u) << server_->Logs();
  EXPECT_EQ(asked[0]["payload"].value("reason", ""), "data_before_birth");
  ASSERT_TRUE(edge.WaitEvents("births", 1)) << edge.Output();
  // The data before the birth was not used (one state change only: the birth's, which
  // repeats the device's current state at the birth's time).
  auto changes = WaitEntries("equipment.state_changed", head, 1);
  ASSERT_EQ(changes.size(), 1u) << server_->Logs();
  EXPECT_EQ(changes[0]["payload"].value("state", ""), "running");
  EXPECT_EQ(Entries("equipment.batch_accepted", head).size(), 1u);
  edge.Send({{"op", "stop"}});  // a clean stop: NDEATH, then DISCONNECT
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PRESS-01") == "offline"; }))
      << Intervals("WU-PRESS-01");
}

TEST_F(SparkplugHostTest, UnownedNodesAndMalformedPayloadsAreRefusedAndRecorded) {
  ORDO_VERIFIES("ORDO-SPB-22", "ORDO-SPB-26", "ORDO-SPB-27");
  Register("line-spb", "edge-3", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  sparkplug::Payload data;
  data.timestamp_ms = static_cast<std::uint64_t>(NowMs());
  data.seq = 1;
  sparkplug::Metric m;
  m.name = "state";
  m.datatype = sparkplug::DataType::kString;
  m.value = std::string("running");
  data.metrics.push_back(m);
  const std::string bytes = sparkplug::EncodePayload(data);
  // No source owns plant/stranger: refused node_not_owned, recorded, no rebirth asked.
  ASSERT_EQ(broker_->Publish("spBv1.0/plant/DDATA/stranger/WU-PRESS-01", bytes).status.code, 0);
  // A disabled source's node: source_disabled.
  Register("old-spb", "edge-old", {"WU-PKG-01"});
  HttpReply off =
      http().Request("PATCH", "/api/v1/sources/old-spb", Json{{"enabled", false}}.dump(), engineer_,
                     {{"Content-Type", "application/json"}});
  ASSERT_EQ(off.status, 200) << off.Describe();
  ASSERT_EQ(broker_->Publish("spBv1.0/plant/NDATA/edge-old", bytes).status.code, 0);
  // Garbage on an owned node: malformed_payload, and ordo stays up.
  ASSERT_EQ(broker_->Publish("spBv1.0/plant/NDATA/edge-3", "\xff\xff\xff not protobuf").status.code,
            0);
  auto refused = WaitEntries("equipment.data_refused", head, 3);
  ASSERT_EQ(refused.size(), 3u) << server_->Logs();
  EXPECT_EQ(refused[0]["payload"].value("reason_code", ""), "node_not_owned");
  EXPECT_EQ(refused[0].value("actor", ""), "source:(unknown)");
  EXPECT_NE(refused[0]["payload"].value("detail", "").find("spBv1.0/plant/DDATA/stranger"),
            std::string::npos);
  EXPECT_EQ(refused[1]["payload"].value("reason_code", ""), "source_disabled");
  EXPECT_EQ(refused[2]["payload"].value("reason_code", ""), "malformed_payload");
  EXPECT_EQ(refused[2]["payload"].value("source", ""), "line-spb");
  EXPECT_TRUE(Entries("equipment.sparkplug_rebirth_requested", head).empty());
  EXPECT_TRUE(Entries("equipment.state_changed", head).empty());
  EXPECT_EQ(http().Get("/api/v1/health").status, 200);
  EXPECT_EQ(Health().value("refused", 0), 3) << Health().dump();
}

TEST_F(SparkplugHostTest, TheHostPublishesItsStateRetainedAndOfflineOnStop) {
  ORDO_VERIFIES("ORDO-SPB-25");
  auto state = [&] {
    RunResult r = ordo::testing::Run(
        {"/usr/bin/mosquitto_sub", "-h", "127.0.0.1", "-p", std::to_string(broker_->port()), "-t",
         "spBv1.0/STATE/mes-1", "-C", "1", "-W", "10"},
        edge_dir_.path(), std::chrono::seconds(20));
    EXPECT_EQ(r.status.code, 0) << r.Describe();
    return Json::parse(r.out, nullptr, false);
  };
  Json online = state();
  EXPECT_EQ(online.value("online", false), true) << online.dump();
  EXPECT_GT(online.value("timestamp", 0LL), 0);
  auto status = server_->Stop();
  ASSERT_TRUE(status.has_value());
  Json offline = state();
  EXPECT_EQ(offline.value("online", true), false) << offline.dump();
  EXPECT_EQ(offline.value("timestamp", 0LL), online.value("timestamp", 1LL));
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;  // TearDown stops it again
  client_ = std::make_unique<HttpClient>(server_->Client());
}

namespace sp = ordo::sparkplug;

sp::Metric Named(const std::string& name, sp::DataType type, sp::Value value) {
  sp::Metric m;
  m.name = name;
  m.datatype = type;
  m.value = std::move(value);
  return m;
}

std::string Encoded(std::uint64_t time, std::optional<std::uint64_t> seq,
                    std::vector<sp::Metric> metrics) {
  sp::Payload p;
  p.timestamp_ms = time;
  p.seq = seq;
  p.metrics = std::move(metrics);
  return sp::EncodePayload(p);
}

TEST_F(SparkplugHostTest, AMessageDeliveredAgainChangesNothingAndForeignDevicesAreRefused) {
  ORDO_VERIFIES("ORDO-SPB-19", "ORDO-SPB-31");
  Register("line-spb", "edge-4", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  const auto t = static_cast<std::uint64_t>(NowMs() - 20'000);
  Publish("NBIRTH/edge-4", Encoded(t, 0, {Named("bdSeq", sp::DataType::kInt64, std::int64_t{0})}));
  Publish("DBIRTH/edge-4/WU-PRESS-01",
          Encoded(t, 1,
                  {Named("state", sp::DataType::kString, std::string("running")),
                   Named("count/total", sp::DataType::kInt64, std::int64_t{0})}));
  // A device that is no work unit of the source: refused, recorded.
  Publish("DBIRTH/edge-4/WU-COAT-01",
          Encoded(t, 2, {Named("state", sp::DataType::kString, std::string("running"))}));
  const std::string data =
      Encoded(t + 1000, 3, {Named("count/total", sp::DataType::kInt64, std::int64_t{7})});
  Publish("DDATA/edge-4/WU-PRESS-01", data);
  Publish("DDATA/edge-4/WU-PRESS-01", data);  // the same message again
  ASSERT_TRUE(WaitFor([&] { return Health().value("received", 0) == 5; })) << Health().dump();
  ASSERT_TRUE(WaitFor([&] { return Health().value("duplicates", 0) == 1; })) << Health().dump();
  EXPECT_EQ(Entries("equipment.counted", head).size(), 1u);
  EXPECT_EQ(Entries("equipment.state_changed", head).size(), 1u);
  auto refused = Entries("equipment.data_refused", head);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0]["payload"].value("reason_code", ""), "work_unit_not_allowed");
  HttpReply counts = http().Get("/api/v1/work-units/WU-PRESS-01/counts" + Window(), supervisor_);
  EXPECT_EQ(counts.json()["totals"].value("total", 0), 7) << counts.Describe();
  // The repeated seq is a gap for the session: it asks for a rebirth (once).
  auto asked = Entries("equipment.sparkplug_rebirth_requested", head);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0]["payload"].value("reason", ""), "seq_gap");
}

TEST_F(SparkplugHostTest, TheSimulatorsSparkplugEdgeNodeIsIngestedAsTheModelProducedIt) {
  ORDO_VERIFIES("ORDO-SPB-30");
  const std::vector<std::string> units{"WU-PRESS-01", "WU-PKG-01"};
  Register("sim-spb", "sim", {"WU-PRESS-01", "WU-PKG-01"});
  const std::int64_t head = HeadSeq(http());
  const std::int64_t start = (NowMs() - 3'600'000) / 60000 * 60000;
  RunResult r = ordo::testing::Run(
      {OrdoBinary(), "sim", "--ids", "WU-PRESS-01,WU-PKG-01", "--seed", "5", "--fast", "--duration",
       "300", "--start", std::to_string(start), "--sparkplug", broker_->address(), "--group-id",
       "plant", "--edge-node", "sim"},
      edge_dir_.path());
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  sim::PlantOptions o;
  o.work_units = units;
  o.seed = 5;
  o.start_ms = start;
  sim::PlantModel model(o);
  const sim::Stream expected = model.Advance(start + 300'000);
  std::map<std::string, std::int64_t> totals;
  for (const auto& c : expected.counts) totals[c.work_unit] += c.total;
  ASSERT_GT(totals["WU-PRESS-01"] + totals["WU-PKG-01"], 0);
  // The NDEATH on the simulator's clean stop takes both work units offline last. Messages
  // are handled in order, so once the node is seen dead every message before it is in; a
  // unit's last state alone is no such signal (the model's own stream may end a unit in
  // offline while later messages are still on their way).
  ASSERT_TRUE(WaitFor([&] {
    const Json s = Health()["sparkplug"];
    return s.value("nodes", 0) >= 1 && s.value("online", 1) == 0;
  })) << Health().dump();
  for (const auto& wu : units)
    EXPECT_TRUE(WaitFor([&] { return LastState(wu) == "offline"; })) << wu << Intervals(wu);
  for (const auto& wu : units) {
    HttpReply counts = http().Get("/api/v1/work-units/" + wu + "/counts" + Window(), supervisor_);
    EXPECT_EQ(counts.json()["totals"].value("total", 0), totals[wu]) << wu << counts.Describe();
  }
  std::size_t changes = 0;
  for (const auto& s : expected.states) changes += s.time_ms < start + 300'000 ? 1 : 0;
  // Each of the model's state changes, plus the births' and the death's.
  EXPECT_GE(Entries("equipment.state_changed", head).size(), changes);
  EXPECT_TRUE(Entries("equipment.data_refused", head).empty()) << server_->Logs();
  EXPECT_TRUE(Entries("equipment.sparkplug_rebirth_requested", head).empty());
}

std::string Untimed(std::optional<std::uint64_t> seq, std::vector<sp::Metric> metrics) {
  sp::Payload p;
  p.seq = seq;
  p.metrics = std::move(metrics);
  return sp::EncodePayload(p);
}

TEST_F(SparkplugHostTest, DataWithoutItsTimestampIsRefusedAndTheWillNeedsNone) {
  ORDO_VERIFIES("ORDO-SPB-40");
  Register("line-spb", "edge-5", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  const auto t = static_cast<std::uint64_t>(NowMs() - 20'000);
  Publish("NBIRTH/edge-5", Encoded(t, 0, {Named("bdSeq", sp::DataType::kInt64, std::int64_t{7})}));
  Publish("DBIRTH/edge-5/WU-PRESS-01",
          Encoded(t, 1, {Named("state", sp::DataType::kString, std::string("running"))}));
  Publish("DDATA/edge-5/WU-PRESS-01",
          Untimed(2, {Named("state", sp::DataType::kString, std::string("down"))}));
  auto refused = WaitEntries("equipment.data_refused", head, 1);
  ASSERT_EQ(refused.size(), 1u) << server_->Logs();
  EXPECT_EQ(refused[0]["payload"].value("reason_code", ""), "missing_timestamp");
  EXPECT_NE(refused[0]["payload"].value("detail", "").find("DDATA"), std::string::npos)
      << refused[0].dump();
  EXPECT_EQ(LastState("WU-PRESS-01"), "running");
  // The will has no timestamp: it still takes the work unit offline.
  Publish("NDEATH/edge-5",
          Untimed(std::nullopt, {Named("bdSeq", sp::DataType::kInt64, std::int64_t{7})}));
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PRESS-01") == "offline"; }))
      << Intervals("WU-PRESS-01") << server_->Logs();
  EXPECT_EQ(Entries("equipment.data_refused", head).size(), 1u);
  auto changes = Entries("equipment.state_changed", head);
  for (const auto& c : changes) EXPECT_NE(c["payload"].value("state", ""), "down") << c.dump();
}

TEST_F(SparkplugHostTest, ARefusedBirthMarksTheSourcesWorkUnitsOffline) {
  ORDO_VERIFIES("ORDO-SPB-47");
  Register("line-spb", "edge-7", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  const auto t = static_cast<std::uint64_t>(NowMs() - 20'000);
  Publish("NBIRTH/edge-7", Encoded(t, 0, {Named("bdSeq", sp::DataType::kInt64, std::int64_t{1})}));
  Publish("DBIRTH/edge-7/WU-PRESS-01",
          Encoded(t, 1, {Named("state", sp::DataType::kString, std::string("running"))}));
  ASSERT_TRUE(WaitFor([&] { return LastState("WU-PRESS-01") == "running"; }))
      << Intervals("WU-PRESS-01") << server_->Logs();
  // The node is born again, but its birth cannot be read (no bdSeq): no data of it can
  // be used until a valid birth, so its work units are offline, not still running.
  Publish("NBIRTH/edge-7", Encoded(t + 1000, 0, {Named("Speed", sp::DataType::kDouble, 1.0)}));
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PRESS-01") == "offline"; }))
      << Intervals("WU-PRESS-01") << server_->Logs();
  auto refused = Entries("equipment.data_refused", head);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0]["payload"].value("reason_code", ""), "missing_bd_seq") << refused[0];
  // A valid birth and data bring it back.
  Publish("NBIRTH/edge-7",
          Encoded(t + 2000, 0, {Named("bdSeq", sp::DataType::kInt64, std::int64_t{2})}));
  Publish("DBIRTH/edge-7/WU-PRESS-01",
          Encoded(t + 2000, 1, {Named("state", sp::DataType::kString, std::string("running"))}));
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PRESS-01") == "running"; }))
      << Intervals("WU-PRESS-01") << server_->Logs();
}

TEST_F(SparkplugHostTest, TheSourcesDeviceMapSendsDevicesAndTheNodeToTheirWorkUnits) {
  ORDO_VERIFIES("ORDO-SPB-42", "ORDO-SPB-43");
  Json body{{"name", "map-spb"},
            {"kind", "sparkplug"},
            {"group_id", "plant"},
            {"edge_node", "edge-6"},
            {"work_units", {"WU-PRESS-01", "WU-PKG-01"}},
            {"devices", {{"press", "WU-PRESS-01"}, {"pkg", "WU-COAT-01"}}}};
  // A device mapped to a work unit the source does not list: refused, naming the device.
  HttpReply bad = http().Post("/api/v1/sources", body, engineer_);
  ASSERT_EQ(bad.status, 400) << bad.Describe();
  EXPECT_EQ(bad.json().value("reason", ""), "device_work_unit_not_listed") << bad.Describe();
  EXPECT_EQ(bad.json().value("field", ""), "devices.pkg") << bad.Describe();
  body["devices"] = {{"press", "WU-PRESS-01"}};
  body["node_work_unit"] = "WU-PKG-01";
  HttpReply r = http().Post("/api/v1/sources", body, engineer_);
  ASSERT_EQ(r.status, 201) << r.Describe();
  HttpReply got = http().Get("/api/v1/sources/map-spb", supervisor_);
  ASSERT_EQ(got.status, 200) << got.Describe();
  EXPECT_EQ(got.json()["source"]["devices"], (Json{{"press", "WU-PRESS-01"}})) << got.Describe();
  EXPECT_EQ(got.json()["source"].value("node_work_unit", ""), "WU-PKG-01");
  // Dropping a mapped work unit without changing the map is refused.
  HttpReply fewer =
      http().Request("PATCH", "/api/v1/sources/map-spb", Json{{"work_units", {"WU-PKG-01"}}}.dump(),
                     engineer_, {{"Content-Type", "application/json"}});
  EXPECT_EQ(fewer.status, 400) << fewer.Describe();
  EXPECT_EQ(fewer.json().value("field", ""), "devices.press") << fewer.Describe();

  const std::int64_t head = HeadSeq(http());
  const auto t = static_cast<std::uint64_t>(NowMs() - 20'000);
  // The node's own state goes to node_work_unit, the device "press" to WU-PRESS-01.
  Publish("NBIRTH/edge-6", Encoded(t, 0,
                                   {Named("bdSeq", sp::DataType::kInt64, std::int64_t{1}),
                                    Named("state", sp::DataType::kString, std::string("setup"))}));
  Publish("DBIRTH/edge-6/press",
          Encoded(t, 1, {Named("state", sp::DataType::kString, std::string("running"))}));
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PRESS-01") == "running"; }))
      << Intervals("WU-PRESS-01") << server_->Logs();
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PKG-01") == "setup"; }))
      << Intervals("WU-PKG-01") << server_->Logs();
  // A device neither mapped nor a work unit: refused as before.
  Publish("DBIRTH/edge-6/stranger",
          Encoded(t, 2, {Named("state", sp::DataType::kString, std::string("running"))}));
  auto refused = WaitEntries("equipment.data_refused", head, 1);
  ASSERT_EQ(refused.size(), 1u) << server_->Logs();
  EXPECT_EQ(refused[0]["payload"].value("reason_code", ""), "work_unit_not_allowed");
  // The mapped device's death takes its work unit offline, not the node's.
  Publish("DDEATH/edge-6/press", Encoded(t + 1000, 3, {}));
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PRESS-01") == "offline"; }))
      << Intervals("WU-PRESS-01") << server_->Logs();
  EXPECT_EQ(LastState("WU-PKG-01"), "setup");
  // The map changed by PATCH is used by the next message.
  HttpReply moved =
      http().Request("PATCH", "/api/v1/sources/map-spb",
                     Json{{"devices", {{"press", "WU-PKG-01"}}}, {"node_work_unit", ""}}.dump(),
                     engineer_, {{"Content-Type", "application/json"}});
  ASSERT_EQ(moved.status, 200) << moved.Describe();
  EXPECT_EQ(moved.json()["source"]["devices"], (Json{{"press", "WU-PKG-01"}}));
  EXPECT_EQ(moved.json()["source"].value("node_work_unit", "?"), "");
  Publish("DBIRTH/edge-6/press",
          Encoded(t + 2000, 4, {Named("state", sp::DataType::kString, std::string("down"))}));
  EXPECT_TRUE(WaitFor([&] { return LastState("WU-PKG-01") == "down"; }))
      << Intervals("WU-PKG-01") << server_->Logs();
  EXPECT_EQ(LastState("WU-PRESS-01"), "offline");
  EXPECT_EQ(Entries("equipment.data_refused", head).size(), 1u) << server_->Logs();
}

TEST(SparkplugServeFlags, AWrongHostIdStopsServeWithExit2) {
  ORDO_VERIFIES("ORDO-SPB-32");
  Sandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  auto serve = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"serve", "--data", sandbox.data(), "--listen", "127.0.0.1:0"};
    args.insert(args.end(), extra.begin(), extra.end());
    return sandbox.Ordo(args, std::chrono::seconds(30));
  };
  RunResult alone = serve({"--sparkplug-host-id", "mes-1"});
  EXPECT_EQ(alone.status.code, 2) << alone.Describe();
  EXPECT_NE(alone.err.find("--mqtt-broker"), std::string::npos) << alone.Describe();
  RunResult bad = serve({"--mqtt-broker", "127.0.0.1:1883", "--sparkplug-host-id", "a/b"});
  EXPECT_EQ(bad.status.code, 2) << bad.Describe();
  EXPECT_NE(bad.err.find("sparkplug-host-id"), std::string::npos) << bad.Describe();
}

}  // namespace
}  // namespace ordo::testing
