// Sparkplug B topics: the nine message types and every refusal.
#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "mes/equipment/sparkplug/sparkplug.h"

namespace ordo::sparkplug {
namespace {

TEST(SparkplugTopic, ParsesEveryMessageTypeAndFormatsItBack) {
  ORDO_VERIFIES("ORDO-SPB-05");
  struct Case {
    std::string topic;
    MessageType type;
    std::string device;
  };
  const Case cases[] = {
      {"spBv1.0/Plant1/NBIRTH/Line-1", MessageType::kNBirth, ""},
      {"spBv1.0/Plant1/NDATA/Line-1", MessageType::kNData, ""},
      {"spBv1.0/Plant1/NDEATH/Line-1", MessageType::kNDeath, ""},
      {"spBv1.0/Plant1/NCMD/Line-1", MessageType::kNCmd, ""},
      {"spBv1.0/Plant1/DBIRTH/Line-1/Filler 2", MessageType::kDBirth, "Filler 2"},
      {"spBv1.0/Plant1/DDATA/Line-1/Filler 2", MessageType::kDData, "Filler 2"},
      {"spBv1.0/Plant1/DDEATH/Line-1/Filler 2", MessageType::kDDeath, "Filler 2"},
      {"spBv1.0/Plant1/DCMD/Line-1/Filler 2", MessageType::kDCmd, "Filler 2"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.topic);
    auto t = ParseTopic(c.topic);
    ASSERT_TRUE(t.ok()) << t.error().message;
    EXPECT_EQ(t->type, c.type);
    EXPECT_EQ(t->group_id, "Plant1");
    EXPECT_EQ(t->edge_node_id, "Line-1");
    EXPECT_EQ(t->device_id, c.device);
    EXPECT_EQ(FormatTopic(*t), c.topic);
  }
  auto state = ParseTopic("spBv1.0/STATE/ordo-host");
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->type, MessageType::kState);
  EXPECT_EQ(state->host_id, "ordo-host");
  EXPECT_EQ(FormatTopic(*state), "spBv1.0/STATE/ordo-host");
  EXPECT_STREQ(MessageTypeName(MessageType::kDDeath), "DDEATH");
}

TEST(SparkplugTopic, RefusesMalformedTopicsWithCodes) {
  ORDO_VERIFIES("ORDO-SPB-05");
  struct Case {
    std::string topic;
    std::string reason;
    std::string field;
  };
  const Case cases[] = {
      {"", "wrong_namespace", "topic"},
      {"spAv1.0/G/NDATA/E", "wrong_namespace", "topic"},
      {"STATE/host", "wrong_namespace", "topic"},
      {"spBv1.0", "wrong_level_count", "topic"},
      {"spBv1.0/G/NDATA", "wrong_level_count", "topic"},
      {"spBv1.0/G/NDATA/E/dev", "wrong_level_count", "topic"},
      {"spBv1.0/G/DDATA/E", "wrong_level_count", "topic"},
      {"spBv1.0/G/DDATA/E/d/x", "wrong_level_count", "topic"},
      {"spBv1.0/STATE/host/extra", "unknown_message_type", "topic"},
      {"spBv1.0/G/NFOO/E", "unknown_message_type", "topic"},
      {"spBv1.0/G/ndata/E", "unknown_message_type", "topic"},
      {"spBv1.0//NDATA/E", "invalid_id", "group_id"},
      {"spBv1.0/G/NDATA/", "invalid_id", "edge_node_id"},
      {"spBv1.0/G/NDATA/+", "invalid_id", "edge_node_id"},
      {"spBv1.0/G#/NDATA/E", "invalid_id", "group_id"},
      {"spBv1.0/G/DDATA/E/", "invalid_id", "device_id"},
      {"spBv1.0/STATE/", "invalid_id", "host_id"},
      {"spBv1.0/G/NDATA/" + std::string(kMaxTopicBytes, 'e'), "topic_too_long", "topic"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.topic.substr(0, 60));
    auto t = ParseTopic(c.topic);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().reason, c.reason);
    EXPECT_EQ(t.error().field, c.field);
    EXPECT_EQ(t.error().code, ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace ordo::sparkplug
