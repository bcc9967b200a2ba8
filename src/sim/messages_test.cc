// Unit tests of the simulator's messages: REST batches, JSON topics, Sparkplug B births,
// data and death read back by our decoder and host session.
#include "sim/messages.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/testing/verifies.h"
#include "mes/equipment/sparkplug/session.h"

namespace ordo::sim {
namespace {

const std::int64_t kStart = 1'796'025'600'000;

Stream Sample(std::int64_t minutes) {
  PlantOptions o;
  o.work_units = {"WU-A", "WU-B"};
  o.seed = 9;
  o.start_ms = kStart;
  PlantModel model(o);
  return model.Advance(kStart + minutes * 60'000);
}

TEST(SimMessages, RestBatchesCarryEveryItemOnceWithConsecutiveSeqs) {
  ORDO_VERIFIES("ORDO-SIM-06");
  const Stream s = Sample(120);
  auto batches = RestBatches("sim", 10, s, false, 7);
  ASSERT_GT(batches.size(), 2u);
  std::size_t states = 0, counts = 0;
  for (std::size_t i = 0; i < batches.size(); ++i) {
    EXPECT_EQ(batches[i]["seq"], 10 + static_cast<std::int64_t>(i));
    EXPECT_EQ(batches[i]["source"], "sim");
    EXPECT_FALSE(batches[i].contains("samples"));
    const std::size_t n = batches[i].value("states", Json::array()).size() +
                          batches[i].value("counts", Json::array()).size();
    EXPECT_LE(n, 7u);
    states += batches[i].value("states", Json::array()).size();
    counts += batches[i].value("counts", Json::array()).size();
  }
  EXPECT_EQ(states, s.states.size());
  EXPECT_EQ(counts, s.counts.size());
  EXPECT_EQ(batches[0]["states"][0],
            (Json{{"work_unit", "WU-A"}, {"time", kStart}, {"state", "setup"}}));
  auto with_samples = RestBatches("sim", 1, s, true, 5000);
  ASSERT_EQ(with_samples.size(), 1u);
  EXPECT_EQ(with_samples[0]["samples"].size(), s.samples.size());
  EXPECT_EQ(with_samples[0]["samples"][0]["tag"], "WU-A.temperature");
  EXPECT_TRUE(RestBatches("sim", 1, Stream{}, true, 5000).empty());
}

TEST(SimMessages, JsonTopicsCarryTheRestItemAndASeq) {
  ORDO_VERIFIES("ORDO-SIM-09");
  const Stream s = Sample(30);
  std::int64_t seq = 1;
  auto messages = JsonTopicMessages("bsl", s, &seq);
  ASSERT_EQ(messages.size(), s.size());
  EXPECT_EQ(seq, 1 + static_cast<std::int64_t>(s.size()));
  EXPECT_EQ(messages[0].topic, "ordo/bsl/WU-A/state");
  Json first = Json::parse(messages[0].payload);
  EXPECT_EQ(first, (Json{{"work_unit", "WU-A"}, {"time", kStart}, {"state", "setup"}, {"seq", 1}}));
  std::int64_t last_time = 0;
  int tags = 0;
  for (const auto& m : messages) {
    Json j = Json::parse(m.payload);
    EXPECT_GE(j["time"].get<std::int64_t>(), last_time);
    last_time = j["time"];
    if (m.topic.ends_with("/count")) EXPECT_TRUE(j.contains("total"));
    if (m.topic.find("/tag/") != std::string::npos) {
      // The tag's full name <work unit>.<tag>, in the topic and the payload.
      const std::string unit = j["work_unit"];
      EXPECT_EQ(j["tag"].get<std::string>().rfind(unit + ".", 0), 0u) << m.payload;
      EXPECT_EQ(m.topic, "ordo/bsl/" + unit + "/tag/" + j["tag"].get<std::string>());
      ++tags;
    }
  }
  EXPECT_GT(tags, 0);
  auto sample = std::find_if(messages.begin(), messages.end(), [](const Message& m) {
    return m.topic.find("/tag/") != std::string::npos;
  });
  ASSERT_NE(sample, messages.end());
  EXPECT_TRUE(sample->topic == "ordo/bsl/WU-A/tag/WU-A.temperature" ||
              sample->topic == "ordo/bsl/WU-B/tag/WU-B.temperature")
      << sample->topic;
}

TEST(SimMessages, SparkplugBirthsDataAndDeathFollowTheSequenceRules) {
  ORDO_VERIFIES("ORDO-SIM-10");
  SparkplugEdge edge("plant", "sim", {"WU-A", "WU-B"});
  sparkplug::EdgeNodeSession host("plant", "sim");
  auto feed = [&](const Message& m) {
    auto topic = sparkplug::ParseTopic(m.topic);
    EXPECT_TRUE(topic.ok()) << m.topic;
    auto payload = sparkplug::DecodePayload(m.payload);
    EXPECT_TRUE(payload.ok()) << m.topic;
    auto d = host.OnMessage(*topic, *payload);
    EXPECT_EQ(d.outcome, sparkplug::Outcome::kApplied) << m.topic << " " << d.reason;
    EXPECT_FALSE(d.rebirth_needed) << m.topic << " " << d.rebirth_detail;
    EXPECT_TRUE(d.dropped.empty()) << m.topic;
    return *payload;
  };
  auto births = edge.Births(static_cast<std::uint64_t>(kStart));
  ASSERT_EQ(births.size(), 3u);
  EXPECT_EQ(births[0].topic, "spBv1.0/plant/NBIRTH/sim");
  EXPECT_EQ(births[1].topic, "spBv1.0/plant/DBIRTH/sim/WU-A");
  for (const auto& b : births) feed(b);
  EXPECT_EQ(host.bd_seq(), 0u);
  // 300 data messages: seq wraps 255 -> 0 and the host follows.
  std::size_t data = 0;
  for (int hour = 0; hour < 3 && data < 300; ++hour) {
    for (const auto& m : edge.Data(Sample(60 * (hour + 1)))) {
      feed(m);
      ++data;
    }
  }
  EXPECT_GT(data, 256u);
  // The death carries the session's bdSeq; the next session has the next one.
  Message death = edge.Death();
  EXPECT_EQ(death.topic, "spBv1.0/plant/NDEATH/sim");
  auto d = sparkplug::DecodePayload(death.payload);
  ASSERT_TRUE(d.ok());
  auto topic = sparkplug::ParseTopic(death.topic);
  auto decision = host.OnMessage(*topic, *d);
  EXPECT_EQ(decision.presence, sparkplug::Presence::kNodeOffline);
  edge.EndSession();
  births = edge.Births(static_cast<std::uint64_t>(kStart) + 1000);
  feed(births[0]);
  EXPECT_EQ(host.bd_seq(), 1u);
}

}  // namespace
}  // namespace ordo::sim
