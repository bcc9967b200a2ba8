// Integration tests of the MQTT connector (docs/mqtt.md) with a real mosquitto on a free
// loopback port and the real `ordo serve --mqtt-broker`: states and counts on the plain
// JSON topics go through the same ingest as REST; unowned topics and bad payloads are
// refused and recorded; a broker outage, ordo being away and ordo being killed lose
// nothing and apply nothing twice.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <thread>

#include "api_fixture.h"
#include "core/testing/verifies.h"
#include "support/mosquitto.h"
#include "support/wait.h"

namespace ordo::testing {
namespace {

constexpr const char* kPress = "ordo/SITE-BSL/WU-PRESS-01";
constexpr const char* kWindow = "?from=2026-11-30T00:00:00Z&to=2026-11-30T23:00:00Z";

class MqttTest : public ApiTest {
 protected:
  void SetUp() override {
    std::string error;
    broker_ = std::make_unique<Mosquitto>(broker_dir_.path(), BrokerConfig());
    ASSERT_TRUE(broker_->Start(&error)) << error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
    std::vector<std::string> args{"--mqtt-broker", broker_->address(), "--mqtt-client-id",
                                  "ordo-test"};
    for (const auto& a : ExtraArgs()) args.push_back(a);
    server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root(), args);
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
    if (ExpectConnect()) {
      ASSERT_TRUE(WaitSubscribed(1)) << MqttHealth().dump() << "\n" << server_->Logs();
    }
  }
  virtual std::string BrokerConfig() { return ""; }
  virtual std::vector<std::string> ExtraArgs() { return {}; }
  virtual bool ExpectConnect() { return true; }
  void TearDown() override {
    ApiTest::TearDown();
    if (HasFailure() && broker_) std::fprintf(stderr, "%s\n", broker_->Logs().c_str());
    broker_.reset();
  }

  Json MqttHealth() {
    HttpReply r = http().Get("/api/v1/health");
    if (r.status != 200) return Json();
    return r.json()["services"]["mqtt"];
  }
  // Waits until ordo is connected and subscribed, after at least `connects` connects.
  bool WaitSubscribed(int connects) {
    return WaitFor([&] {
      Json h = MqttHealth();
      return h.is_object() && h.value("subscribed", false) && h.value("connects", 0) >= connects;
    });
  }
  const std::string& engineer() {
    if (engineer_.empty()) engineer_ = TokenFor("engineer");
    return engineer_;
  }
  const std::string& supervisor() {
    if (supervisor_.empty()) supervisor_ = TokenFor("supervisor");
    return supervisor_;
  }
  // After a restart of ordo: the new port, and sessions signed in again.
  void Reconnect() {
    client_ = std::make_unique<HttpClient>(server_->Client());
    engineer_.clear();
    supervisor_.clear();
  }
  void Register(const Json& source) {
    if (source.value("kind", "") == "mqtt" && !demo_sim_mqtt_disabled_) {
      // The demo's simulator source (ordo init --demo) owns the demo work units' topics:
      // disabled, so that the test's sources are their only enabled owners.
      HttpReply off =
          http().Request("PATCH", "/api/v1/sources/demo-sim-mqtt", Json{{"enabled", false}}.dump(),
                         engineer(), {{"Content-Type", "application/json"}});
      ASSERT_EQ(off.status, 200) << off.Describe();
      demo_sim_mqtt_disabled_ = true;
    }
    HttpReply r = http().Post("/api/v1/sources", source, engineer());
    ASSERT_EQ(r.status, 201) << r.Describe();
  }
  void MqttSource(const std::string& name, const Json& work_units, const Json& topics = nullptr) {
    Json s{{"name", name}, {"kind", "mqtt"}, {"work_units", work_units}};
    if (!topics.is_null()) s["topics"] = topics;
    Register(s);
  }
  void Publish(const std::string& topic, const Json& payload) { PublishRaw(topic, payload.dump()); }
  void PublishRaw(const std::string& topic, const std::string& payload) {
    RunResult r = broker_->Publish(topic, payload);
    ASSERT_EQ(r.status.code, 0) << r.Describe();
  }
  std::vector<Json> EntriesOf(const std::string& type, std::int64_t after) {
    std::string error;
    std::vector<Json> out;
    for (const auto& e : AllLedger(http(), supervisor(), &error, after))
      if (e.value("type", "") == type) out.push_back(e);
    EXPECT_EQ(error, "");
    return out;
  }
  // Waits until `n` entries of `type` after `after` exist; returns them.
  std::vector<Json> WaitEntries(const std::string& type, std::int64_t after, std::size_t n) {
    std::vector<Json> out;
    WaitFor([&] {
      out = EntriesOf(type, after);
      return out.size() >= n;
    });
    return out;
  }
  std::vector<std::string> RefusalReasons(std::int64_t after) {
    std::vector<std::string> reasons;
    for (const auto& e : EntriesOf("equipment.data_refused", after))
      reasons.push_back(e["payload"].value("reason_code", ""));
    return reasons;
  }
  // The seqs of the accepted batches of `source` after `after`, with their multiplicity.
  std::map<std::int64_t, int> AcceptedSeqs(const std::string& source, std::int64_t after) {
    std::map<std::int64_t, int> seqs;
    for (const auto& e : EntriesOf("equipment.batch_accepted", after))
      if (e["payload"].value("source", "") == source) ++seqs[e["payload"].value("seq", 0LL)];
    return seqs;
  }
  Json Totals(const std::string& wu) {
    HttpReply r = http().Get("/api/v1/work-units/" + wu + "/counts" + kWindow, supervisor());
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["totals"];
  }
  static Json Count(std::int64_t seq, const std::string& time, int total, int good = 0) {
    return Json{{"seq", seq}, {"time", time}, {"total", total}, {"good", good}};
  }

  TempDir broker_dir_{"ordo-mosquitto"};
  std::unique_ptr<Mosquitto> broker_;
  std::string engineer_, supervisor_;
  bool demo_sim_mqtt_disabled_ = false;
};

TEST_F(MqttTest, StatesAndCountsOnTheTopicsGoThroughTheSameIngestAsRest) {
  ORDO_VERIFIES("ORDO-MQTT-01", "ORDO-MQTT-05", "ORDO-MQTT-06", "ORDO-MQTT-07");
  Json health = MqttHealth();
  EXPECT_TRUE(health.value("connected", false)) << health.dump();
  EXPECT_EQ(health.value("broker", ""), broker_->address());
  EXPECT_EQ(health.value("client_id", ""), "ordo-test");
  MqttSource("press-mqtt", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  const std::string p = kPress;
  Publish(p + "/state", {{"seq", 1}, {"time", "2026-11-30T06:00:00Z"}, {"state", "running"}});
  Publish(p + "/state", {{"seq", 2},
                         {"source", "press-mqtt"},
                         {"time", "2026-11-30T06:30:00Z"},
                         {"state", "idle"},
                         {"reason", "starved"}});
  Publish(p + "/count", Count(3, "2026-11-30T06:10:00Z", 100, 97));
  Publish(p + "/count", Count(4, "2026-11-30T06:20:00Z", 50, 50));
  auto counted = WaitEntries("equipment.counted", head, 2);
  ASSERT_EQ(counted.size(), 2u) << server_->Logs();
  auto states = WaitEntries("equipment.state_changed", head, 2);
  ASSERT_EQ(states.size(), 2u);
  EXPECT_EQ(states[0].value("actor", ""), "source:press-mqtt");
  // Read back as REST data is.
  HttpReply r =
      http().Get(std::string("/api/v1/work-units/WU-PRESS-01/states") + kWindow, supervisor());
  ASSERT_EQ(r.status, 200) << r.Describe();
  ASSERT_EQ(r.json()["intervals"].size(), 2u) << r.Describe();
  EXPECT_EQ(r.json()["intervals"][0].value("state", ""), "running");
  EXPECT_EQ(r.json()["intervals"][0].value("source", ""), "press-mqtt");
  EXPECT_EQ(r.json()["intervals"][1].value("sub_reason", ""), "starved");
  EXPECT_EQ(Totals("WU-PRESS-01").value("total", 0), 150);
  EXPECT_EQ(Totals("WU-PRESS-01").value("scrap", 0), 0);
  // A tag value reaches the same ingest as REST samples: a defined tag's value is stored
  // in the telemetry file and read back like a REST sample.
  HttpReply defined = http().Post(
      "/api/v1/tags", Json{{"name", "force_kN"}, {"work_unit", "WU-PRESS-01"}, {"unit", "kN"}},
      engineer());
  ASSERT_EQ(defined.status, 201) << defined.Describe();
  const std::int64_t before_tag = HeadSeq(http());
  Publish(p + "/tag/force_kN", {{"seq", 5}, {"time", "2026-11-30T06:31:00Z"}, {"value", 12.5}});
  auto accepted = WaitEntries("equipment.batch_accepted", before_tag, 1);
  ASSERT_EQ(accepted.size(), 1u) << server_->Logs();
  HttpReply values =
      http().Get("/api/v1/tags/force_kN/values?from=2026-11-30T06:00:00Z&to=2026-11-30T07:00:00Z",
                 supervisor());
  ASSERT_EQ(values.status, 200) << values.Describe();
  ASSERT_EQ(values.json()["values"].size(), 1u) << values.Describe();
  EXPECT_EQ(values.json()["values"][0].value("value", 0.0), 12.5);
  health = MqttHealth();
  EXPECT_EQ(health.value("accepted", 0), 5) << health.dump();
  EXPECT_EQ(health.value("refused", 0), 0) << health.dump();
}

TEST_F(MqttTest, AMessageOnATopicNoEnabledSourceOwnsIsRefusedAndRecorded) {
  ORDO_VERIFIES("ORDO-MQTT-07", "ORDO-MQTT-08");
  MqttSource("press-mqtt", {"WU-PRESS-01"});
  // Custom topics: this source owns every state topic of the site, for its work units.
  MqttSource("site-states", {"WU-COAT-01"}, {"ordo/SITE-BSL/+/state"});
  const std::int64_t head = HeadSeq(http());
  const Json running{{"seq", 1}, {"time", "2026-11-30T06:00:00Z"}, {"state", "running"}};
  Publish("ordo/SITE-BSL/WU-MILL-01/count", Count(1, "2026-11-30T06:00:00Z", 5));  // nobody's
  Publish("ordo/SITE-OTHER/WU-PRESS-01/state", running);  // not the work unit's site
  Publish("ordo/SITE-BSL/WU-PRESS-01/status", running);   // press-mqtt's, but no data topic
  // Owned by both press-mqtt (default) and site-states (its filter): ambiguous.
  Publish("ordo/SITE-BSL/WU-PRESS-01/state", running);
  // site-states owns the topic but may not speak for WU-MILL-01.
  Publish("ordo/SITE-BSL/WU-MILL-01/state", running);
  auto refused = WaitEntries("equipment.data_refused", head, 5);
  ASSERT_EQ(refused.size(), 5u) << server_->Logs();
  EXPECT_EQ(RefusalReasons(head),
            (std::vector<std::string>{"topic_not_owned", "topic_not_owned", "invalid_topic",
                                      "topic_ambiguous", "work_unit_not_allowed"}));
  EXPECT_EQ(refused[0]["payload"].value("source", "x"), "");
  EXPECT_EQ(refused[0]["subject"].value("id", ""), "(unknown)") << refused[0].dump();
  EXPECT_NE(refused[0]["payload"].value("detail", "").find("ordo/SITE-BSL/WU-MILL-01/count"),
            std::string::npos);
  EXPECT_EQ(refused[2]["payload"].value("source", ""), "press-mqtt");
  EXPECT_EQ(refused[4]["payload"].value("source", ""), "site-states");
  // A disabled source's topic: refused source_disabled, recorded.
  HttpReply off =
      http().Request("PATCH", "/api/v1/sources/site-states", Json{{"enabled", false}}.dump(),
                     engineer(), {{"Content-Type", "application/json"}});
  ASSERT_EQ(off.status, 200) << off.Describe();
  const std::int64_t mid = HeadSeq(http());
  Publish("ordo/SITE-BSL/WU-COAT-01/state", running);
  ASSERT_EQ(WaitEntries("equipment.data_refused", mid, 1).size(), 1u);
  EXPECT_EQ(RefusalReasons(mid), (std::vector<std::string>{"source_disabled"}));
  // Nothing of any of them applied.
  EXPECT_TRUE(EntriesOf("equipment.batch_accepted", head).empty());
  EXPECT_TRUE(EntriesOf("equipment.state_changed", head).empty());
  EXPECT_TRUE(EntriesOf("equipment.counted", head).empty());
}

TEST_F(MqttTest, BadPayloadsAreRefusedAndRecordedWithAClearCode) {
  ORDO_VERIFIES("ORDO-MQTT-09", "ORDO-MQTT-10");
  MqttSource("press-mqtt", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  const std::string p = kPress;
  PublishRaw(p + "/state", "{\"seq\": 1, \"time\": ");                                  // 1
  PublishRaw(p + "/state", "[1, 2, 3]");                                                // 2
  Publish(p + "/state", {{"time", "2026-11-30T06:00:00Z"}, {"state", "running"}});      // 3
  Publish(p + "/state", {{"seq", "one"}, {"time", 1}, {"state", "running"}});           // 4
  Publish(p + "/state", {{"seq", 2}, {"time", "2026-11-30T06:00:00Z"}, {"state", 7}});  // 5
  Publish(p + "/state", {{"seq", 3}, {"time", "2026-11-30T06:00:00Z"}, {"state", "asleep"}});
  Publish(p + "/count", {{"seq", 4}, {"time", "2026-11-30T06:00:00Z"}, {"total", "10"}});
  Publish(p + "/count", Count(5, "2026-11-30T06:00:00Z", 5, 9));              // good > total
  Publish(p + "/state", {{"seq", 6}, {"time", 1000}, {"state", "running"}});  // 1970
  Publish(p + "/state", {{"seq", 7}, {"time", "2999-01-01T00:00:00Z"}, {"state", "running"}});
  Publish(p + "/state",
          {{"seq", 8}, {"time", "2026-11-30T06:00:00Z"}, {"state", "running"}, {"speed", 3}});
  Publish(p + "/state", {{"seq", 9},
                         {"work_unit", "WU-MILL-01"},
                         {"time", "2026-11-30T06:00:00Z"},
                         {"state", "running"}});
  Publish(p + "/state", {{"seq", 10},
                         {"source", "someone-else"},
                         {"time", "2026-11-30T06:00:00Z"},
                         {"state", "running"}});
  PublishRaw(p + "/state", "{\"seq\": 11, \"pad\": \"" + std::string(70 * 1024, 'x') + "\"}");
  const std::vector<std::string> expected = {
      "malformed_json",  "wrong_type",       "missing_field", "wrong_type",
      "invalid_state",   "invalid_state",    "wrong_type",    "invalid_count",
      "invalid_time",    "invalid_time",     "unknown_field", "work_unit_mismatch",
      "source_mismatch", "payload_too_large"};
  auto refused = WaitEntries("equipment.data_refused", head, expected.size());
  ASSERT_EQ(refused.size(), expected.size()) << server_->Logs();
  EXPECT_EQ(RefusalReasons(head), expected);
  // The record says where, what and which seq.
  EXPECT_NE(refused[8]["payload"].value("detail", "").find("field time"), std::string::npos)
      << refused[8].dump();
  EXPECT_EQ(refused[8]["payload"].value("source_seq", 0), 6);
  EXPECT_TRUE(EntriesOf("equipment.batch_accepted", head).empty());
  EXPECT_TRUE(EntriesOf("equipment.state_changed", head).empty());
  EXPECT_TRUE(EntriesOf("equipment.counted", head).empty());
  // A seq repeated with the same content changes nothing; with other content it is
  // refused seq_reused and recorded (REST answers it; here nobody waits for an answer).
  const Json good{{"seq", 20}, {"time", "2026-11-30T06:00:00Z"}, {"state", "running"}};
  Publish(p + "/state", good);
  Publish(p + "/state", good);
  Json other = good;
  other["state"] = "setup";
  Publish(p + "/state", other);
  ASSERT_EQ(WaitEntries("equipment.data_refused", head, expected.size() + 1).size(),
            expected.size() + 1);
  EXPECT_EQ(RefusalReasons(head).back(), "seq_reused");
  EXPECT_EQ(AcceptedSeqs("press-mqtt", head), (std::map<std::int64_t, int>{{20, 1}}));
  EXPECT_EQ(EntriesOf("equipment.state_changed", head).size(), 1u);
  EXPECT_EQ(MqttHealth().value("duplicates", 0), 1);
}

// A device that floods bad messages: each is refused and counted, but only a few a minute
// per source and reason reach the ledger, and a later record says how many were left out.
TEST_F(MqttTest, AFloodOfOneRefusalIsRecordedAFewTimesAMinuteWithTheCountLeftOut) {
  ORDO_VERIFIES("ORDO-MQTT-17");
  MqttSource("press-mqtt", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  const std::string p = kPress;
  constexpr int kFlood = 30;
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < kFlood; ++i) PublishRaw(p + "/state", "{not json " + std::to_string(i));
  ASSERT_TRUE(WaitFor([&] { return MqttHealth().value("refused", 0) == kFlood; }))
      << MqttHealth().dump();
  const auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>(std::chrono::steady_clock::now() - started)
          .count();
  const Json health = MqttHealth();
  const auto recorded = EntriesOf("equipment.data_refused", head);
  std::int64_t carried = 0;
  for (const auto& e : recorded) {
    EXPECT_EQ(e["payload"].value("reason_code", ""), "malformed_json") << e.dump();
    carried += e["payload"].value("suppressed", std::int64_t{0});
  }
  // Five a minute at most (the windows the flood spanned), and every refusal is accounted
  // for: recorded, carried by a record, or counted as not recorded.
  EXPECT_GE(recorded.size(), 5u);
  EXPECT_LE(recorded.size(), 5u * static_cast<std::size_t>(minutes + 2));
  EXPECT_EQ(static_cast<std::int64_t>(recorded.size()) + health.value("refusals_not_recorded", 0),
            kFlood)
      << health.dump();
  EXPECT_LE(carried, health.value("refusals_not_recorded", 0));
  // Another reason of the same source is recorded on its own.
  Publish(p + "/state", {{"seq", 1}, {"time", "2026-11-30T06:00:00Z"}, {"state", "asleep"}});
  ASSERT_TRUE(WaitFor([&] { return MqttHealth().value("refused", 0) == kFlood + 1; }));
  EXPECT_EQ(RefusalReasons(head).back(), "invalid_state");
}

TEST_F(MqttTest, ABrokerOutageLosesNothingAndOrdoResumes) {
  ORDO_VERIFIES("ORDO-MQTT-02", "ORDO-MQTT-03", "ORDO-MQTT-10", "ORDO-MQTT-11");
  MqttSource("press-mqtt", {"WU-PRESS-01"});
  HttpReply rest = http().Post(
      "/api/v1/sources",
      Json{{"name", "pkg-rest"}, {"kind", "rest"}, {"work_units", {"WU-PKG-01"}}}, engineer());
  ASSERT_EQ(rest.status, 201) << rest.Describe();
  const std::string key = rest.json().value("api_key", "");
  const std::int64_t head = HeadSeq(http());
  const std::string p = kPress;
  Publish(p + "/count", Count(1, "2026-11-30T06:00:00Z", 10));
  ASSERT_EQ(WaitEntries("equipment.counted", head, 1).size(), 1u);
  // The broker goes away: ordo notices, REST data goes on.
  ASSERT_TRUE(broker_->Stop());
  ASSERT_TRUE(WaitFor([&] { return !MqttHealth().value("connected", true); }));
  EXPECT_FALSE(MqttHealth().value("last_error", Json()).is_null()) << MqttHealth().dump();
  HttpReply sent = http().Post(
      "/api/v1/equipment-data",
      Json{{"source", "pkg-rest"},
           {"seq", 1},
           {"counts",
            {{{"work_unit", "WU-PKG-01"}, {"time", "2026-11-30T06:05:00Z"}, {"total", 7}}}}},
      key);
  ASSERT_EQ(sent.status, 200) << sent.Describe();
  // The broker is back (with ordo's persistent session): what devices publish now, before
  // or after ordo reconnects, arrives once; a repeated seq changes nothing.
  std::string error;
  ASSERT_TRUE(broker_->Start(&error)) << error;
  Publish(p + "/count", Count(2, "2026-11-30T06:10:00Z", 20));
  Publish(p + "/count", Count(3, "2026-11-30T06:20:00Z", 30));
  Publish(p + "/count", Count(1, "2026-11-30T06:00:00Z", 10));  // a device's resend
  ASSERT_TRUE(WaitSubscribed(2)) << MqttHealth().dump() << server_->Logs();
  ASSERT_TRUE(WaitFor([&] { return AcceptedSeqs("press-mqtt", head).size() == 3; }))
      << server_->Logs();
  ASSERT_TRUE(WaitFor([&] { return MqttHealth().value("duplicates", 0) == 1; }))
      << MqttHealth().dump();
  EXPECT_EQ(AcceptedSeqs("press-mqtt", head),
            (std::map<std::int64_t, int>{{1, 1}, {2, 1}, {3, 1}}));
  EXPECT_EQ(Totals("WU-PRESS-01").value("total", 0), 60);
  EXPECT_EQ(Totals("WU-PKG-01").value("total", 0), 7);  // the REST data is intact
}

TEST_F(MqttTest, MessagesPublishedWhileOrdoIsAwayArriveOnceItIsBack) {
  ORDO_VERIFIES("ORDO-MQTT-03", "ORDO-MQTT-10", "ORDO-MQTT-12");
  MqttSource("press-mqtt", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  const std::string p = kPress;
  auto status = server_->Stop();
  ASSERT_TRUE(status && status->code == 0) << server_->Logs();
  for (int seq = 1; seq <= 5; ++seq)
    Publish(p + "/count", Count(seq, "2026-11-30T06:0" + std::to_string(seq) + ":00Z", seq));
  Publish(p + "/count", Count(3, "2026-11-30T06:03:00Z", 3));  // a resend
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  Reconnect();
  ASSERT_TRUE(WaitFor([&] { return AcceptedSeqs("press-mqtt", head).size() == 5; }))
      << server_->Logs();
  ASSERT_TRUE(WaitFor([&] { return MqttHealth().value("received", 0) == 6; }))
      << MqttHealth().dump();
  EXPECT_EQ(AcceptedSeqs("press-mqtt", head),
            (std::map<std::int64_t, int>{{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}}));
  EXPECT_EQ(Totals("WU-PRESS-01").value("total", 0), 15);
}

TEST_F(MqttTest, OrdoKilledWhileMessagesFlowLosesNoneAndAppliesNoneTwice) {
  ORDO_VERIFIES("ORDO-MQTT-04");
  MqttSource("press-mqtt", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  const std::string p = kPress;
  // 60 messages from one publisher (one line each), while ordo is killed part way.
  constexpr int kMessages = 60;
  std::string lines;
  for (int seq = 1; seq <= kMessages; ++seq)
    lines += Json{{"seq", seq}, {"time", 1796025600000LL - 86400000LL + seq * 1000LL}, {"total", 1}}
                 .dump() +
             "\n";
  WriteFile(broker_dir_ / "lines", lines);
  const std::string publish = "/usr/bin/mosquitto_pub -h 127.0.0.1 -p " +
                              std::to_string(broker_->port()) + " -q 1 -t " + p + "/count -l < " +
                              broker_dir_ / "lines";
  RunResult first = ordo::testing::Run({"/bin/sh", "-c", publish}, broker_dir_.path());
  ASSERT_EQ(first.status.code, 0) << first.Describe();
  // Kill ordo once it has taken some but (most likely) not all of them.
  WaitFor([&] { return MqttHealth().value("accepted", 0) >= 5; });
  server_->Kill();
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  Reconnect();
  ASSERT_TRUE(WaitFor([&] { return AcceptedSeqs("press-mqtt", head).size() == kMessages; },
                      std::chrono::seconds(120)))
      << server_->Logs();
  std::map<std::int64_t, int> once;
  for (int seq = 1; seq <= kMessages; ++seq) once[seq] = 1;
  EXPECT_EQ(AcceptedSeqs("press-mqtt", head), once);
  EXPECT_EQ(EntriesOf("equipment.counted", head).size(), static_cast<std::size_t>(kMessages));
}

// A broker that wants a user name and password: ordo signs in with --mqtt-username and
// the password from --mqtt-password-file; a wrong password is refused and shown in health.
class MqttPasswordTest : public MqttTest {
 protected:
  void SetUp() override {
    RunResult r = ordo::testing::Run({"/usr/bin/mosquitto_passwd", "-b", "-c",
                                      broker_dir_ / "passwd", "ordo-svc", "correct horse battery"},
                                     broker_dir_.path());
    ASSERT_EQ(r.status.code, 0) << r.Describe();
    WriteFile(broker_dir_ / "ordo-password", std::string(Password()) + "\n");
    MqttTest::SetUp();
  }
  std::string BrokerConfig() override {
    return "allow_anonymous false\npassword_file " + broker_dir_ / "passwd" + "\n";
  }
  std::vector<std::string> ExtraArgs() override {
    return {"--mqtt-username", "ordo-svc", "--mqtt-password-file", broker_dir_ / "ordo-password"};
  }
  virtual const char* Password() { return "correct horse battery"; }
};

class MqttWrongPasswordTest : public MqttPasswordTest {
 protected:
  const char* Password() override { return "wrong"; }
  bool ExpectConnect() override { return false; }
};

TEST_F(MqttPasswordTest, OrdoSignsInToABrokerThatWantsAPassword) {
  ORDO_VERIFIES("ORDO-MQTT-13");
  MqttSource("press-mqtt", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  RunResult r =
      broker_->Publish(std::string(kPress) + "/count", Count(1, "2026-11-30T06:00:00Z", 4).dump(),
                       1, {"-u", "ordo-svc", "-P", "correct horse battery"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  ASSERT_EQ(WaitEntries("equipment.counted", head, 1).size(), 1u) << server_->Logs();
}

TEST_F(MqttWrongPasswordTest, AWrongPasswordIsRefusedAndShownInHealth) {
  ORDO_VERIFIES("ORDO-MQTT-13");
  ASSERT_TRUE(WaitFor([&] { return !MqttHealth().value("last_error", Json()).is_null(); }))
      << MqttHealth().dump();
  Json h = MqttHealth();
  EXPECT_FALSE(h.value("connected", true)) << h.dump();
  EXPECT_EQ(h.value("connects", -1), 0) << h.dump();
  EXPECT_NE(h.value("last_error", "").find("refused"), std::string::npos) << h.dump();
}

// A broker that speaks TLS only: ordo connects with --mqtt-cafile (the broker's
// self-signed certificate, for 127.0.0.1, is the trusted CA).
class MqttTlsTest : public MqttTest {
 protected:
  void SetUp() override {
    RunResult gen = ordo::testing::Run(
        {"/usr/bin/env", "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj",
         "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "2", "-keyout",
         broker_dir_ / "key.pem", "-out", broker_dir_ / "cert.pem"},
        broker_dir_.path());
    ASSERT_EQ(gen.status.code, 0) << gen.Describe();
    MqttTest::SetUp();
  }
  std::string BrokerConfig() override {
    return "certfile " + broker_dir_ / "cert.pem" + "\nkeyfile " + broker_dir_ / "key.pem" + "\n";
  }
  std::vector<std::string> ExtraArgs() override {
    return {"--mqtt-cafile", broker_dir_ / "cert.pem"};
  }
};

TEST_F(MqttTlsTest, OrdoConnectsOverTlsCheckingTheBrokersCertificate) {
  ORDO_VERIFIES("ORDO-MQTT-15");
  EXPECT_TRUE(MqttHealth().value("tls", false)) << MqttHealth().dump();
  MqttSource("press-mqtt", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  RunResult r =
      broker_->Publish(std::string(kPress) + "/count", Count(1, "2026-11-30T06:00:00Z", 4).dump(),
                       1, {"--cafile", broker_dir_ / "cert.pem"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  ASSERT_EQ(WaitEntries("equipment.counted", head, 1).size(), 1u) << server_->Logs();
}

TEST(MqttServeFlags, WrongMqttOptionsStopServeWithExit2NamingTheFlag) {
  ORDO_VERIFIES("ORDO-MQTT-14");
  Sandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  auto serve = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"serve", "--data", sandbox.data(), "--listen", "127.0.0.1:0"};
    args.insert(args.end(), extra.begin(), extra.end());
    return sandbox.Ordo(args, std::chrono::seconds(30));
  };
  RunResult alone = serve({"--mqtt-username", "u"});
  EXPECT_EQ(alone.status.code, 2) << alone.Describe();
  EXPECT_NE(alone.err.find("--mqtt-broker"), std::string::npos) << alone.Describe();
  RunResult port = serve({"--mqtt-broker", "127.0.0.1"});
  EXPECT_EQ(port.status.code, 2) << port.Describe();
  EXPECT_NE(port.err.find("HOST:PORT"), std::string::npos) << port.Describe();
  RunResult nofile = serve({"--mqtt-broker", "127.0.0.1:1883", "--mqtt-username", "u",
                            "--mqtt-password-file", sandbox.file("missing")});
  EXPECT_EQ(nofile.status.code, 2) << nofile.Describe();
  EXPECT_NE(nofile.err.find("password"), std::string::npos) << nofile.Describe();
  RunResult ca = serve({"--mqtt-broker", "127.0.0.1:1883", "--mqtt-cafile", sandbox.file("no-ca")});
  EXPECT_EQ(ca.status.code, 2) << ca.Describe();
  EXPECT_NE(ca.err.find("mqtt-cafile"), std::string::npos) << ca.Describe();
}

}  // namespace
}  // namespace ordo::testing
