// The plain JSON topics (topics.h): parsing, MQTT filter matching, and one message into
// one batch of the REST shape.
#include "mes/equipment/mqtt/topics.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::equipment::mqtt {
namespace {

DataTopic Topic(const std::string& t) {
  auto r = ParseDataTopic(t);
  EXPECT_TRUE(r.ok()) << t;
  return r.ok() ? *r : DataTopic{};
}

TEST(MqttTopics, DataTopicsAreParsedAndOthersRefused) {
  ORDO_VERIFIES("ORDO-MQTT-05");
  auto s = ParseDataTopic("ordo/SITE-BSL/WU-PRESS-01/state");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->site, "SITE-BSL");
  EXPECT_EQ(s->work_unit, "WU-PRESS-01");
  EXPECT_EQ(s->kind, TopicKind::kState);
  auto c = ParseDataTopic("ordo/S/WU/count");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->kind, TopicKind::kCount);
  auto t = ParseDataTopic("ordo/S/WU/tag/force_kN");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->kind, TopicKind::kTag);
  EXPECT_EQ(t->tag, "force_kN");
  for (const char* bad : {"ordo/S/WU", "ordo/S/WU/states", "ordo/S/WU/tag", "ordo/S/WU/tag/a/b",
                          "ordo//WU/state", "other/S/WU/state", "ordo/S/WU/state/x", ""}) {
    auto r = ParseDataTopic(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().reason, "invalid_topic") << bad;
    EXPECT_EQ(r.error().field, "topic");
  }
  EXPECT_FALSE(ParseDataTopic("ordo/S/" + std::string(65, 'W') + "/state").ok());
}

TEST(MqttTopics, FiltersMatchAsMqttSays) {
  ORDO_VERIFIES("ORDO-MQTT-07");
  EXPECT_TRUE(TopicMatches("ordo/S/WU/#", "ordo/S/WU/state"));
  EXPECT_TRUE(TopicMatches("ordo/S/WU/#", "ordo/S/WU/tag/x"));
  EXPECT_TRUE(TopicMatches("ordo/S/WU/#", "ordo/S/WU"));  // # includes the parent level
  EXPECT_FALSE(TopicMatches("ordo/S/WU/#", "ordo/S/WU2/state"));
  EXPECT_FALSE(TopicMatches("ordo/S/WU/#", "ordo/T/WU/state"));
  EXPECT_TRUE(TopicMatches("ordo/+/WU/state", "ordo/S/WU/state"));
  EXPECT_FALSE(TopicMatches("ordo/+/WU/state", "ordo/S/WU/count"));
  EXPECT_FALSE(TopicMatches("ordo/+", "ordo/S/WU"));
  EXPECT_TRUE(TopicMatches("#", "ordo/S"));
  EXPECT_FALSE(TopicMatches("#", "$SYS/broker"));
  EXPECT_FALSE(TopicMatches("+/broker", "$SYS/broker"));
  EXPECT_TRUE(TopicMatches("ordo/S/WU/state", "ordo/S/WU/state"));
  EXPECT_EQ(DefaultFilter("SITE-BSL", "WU-PRESS-01"), "ordo/SITE-BSL/WU-PRESS-01/#");
}

TEST(MqttTopics, AMessageBecomesABatchOfTheRestShape) {
  ORDO_VERIFIES("ORDO-MQTT-05", "ORDO-MQTT-06");
  auto state =
      BatchOfMessage(Topic("ordo/S/WU-1/state"), "line-a",
                     R"({"seq": 7, "time": 1796025600250, "state": "down", "reason": "JAM"})");
  ASSERT_TRUE(state.ok()) << state.error().message;
  EXPECT_EQ(*state, Json::parse(R"({"source": "line-a", "seq": 7, "states": [{"work_unit": "WU-1",
      "time": 1796025600250, "state": "down", "reason": "JAM"}]})"));
  auto count = BatchOfMessage(Topic("ordo/S/WU-1/count"), "line-a",
                              R"({"seq": 8, "source": "line-a", "work_unit": "WU-1",
                                  "time": "2026-11-30T08:00:00Z", "total": 3, "good": 2})");
  ASSERT_TRUE(count.ok()) << count.error().message;
  EXPECT_EQ(*count, Json::parse(R"({"source": "line-a", "seq": 8, "counts": [{"work_unit": "WU-1",
      "time": "2026-11-30T08:00:00Z", "total": 3, "good": 2}]})"));
  auto tag = BatchOfMessage(Topic("ordo/S/WU-1/tag/force"), "line-a",
                            R"({"seq": 9, "time": 1796025600250, "value": 12.5})");
  ASSERT_TRUE(tag.ok()) << tag.error().message;
  EXPECT_EQ(*tag, Json::parse(R"({"source": "line-a", "seq": 9, "samples": [{"tag": "force",
      "time": 1796025600250, "value": 12.5}]})"));
  // A source named in the payload is kept: the ingest checks it against the owner.
  auto other = BatchOfMessage(Topic("ordo/S/WU-1/state"), "line-a",
                              R"({"seq": 1, "source": "line-b", "time": 1, "state": "running"})");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ((*other)["source"], "line-b");
}

TEST(MqttTopics, BadPayloadsAreRefusedWithAClearCode) {
  ORDO_VERIFIES("ORDO-MQTT-09");
  const DataTopic topic = Topic("ordo/S/WU-1/state");
  auto reason = [&](const std::string& payload) {
    auto r = BatchOfMessage(topic, "line-a", payload);
    return r.ok() ? std::string("ok") : r.error().reason;
  };
  EXPECT_EQ(reason("{not json"), "malformed_json");
  EXPECT_EQ(reason("[1, 2]"), "wrong_type");
  EXPECT_EQ(reason(R"({"time": 1, "state": "running"})"), "missing_field");
  EXPECT_EQ(reason(R"({"seq": 1, "work_unit": "WU-2", "time": 1, "state": "running"})"),
            "work_unit_mismatch");
  EXPECT_EQ(reason(std::string(kMaxPayloadBytes + 1, ' ')), "payload_too_large");
  auto tag = BatchOfMessage(Topic("ordo/S/WU-1/tag/force"), "line-a",
                            R"({"seq": 1, "tag": "speed", "time": 1, "value": 1})");
  ASSERT_FALSE(tag.ok());
  EXPECT_EQ(tag.error().reason, "tag_mismatch");
  Error e = PayloadFieldError(Error::Invalid("states[0].time", "bad", "invalid_time"));
  EXPECT_EQ(e.field, "time");
  EXPECT_EQ(SeqOfPayload(R"({"seq": 42})"), 42);
  EXPECT_EQ(SeqOfPayload(R"({"seq": -1})"), 0);
  EXPECT_EQ(SeqOfPayload("nope"), 0);
}

}  // namespace
}  // namespace ordo::equipment::mqtt
