// The owners of MQTT topics and Sparkplug edge nodes (OwnerOfTopic, OwnerOfNode) read from
// the registry for each lookup: only the sources that may own the message are read, each
// through its seal, and a change to the registry is seen by the next lookup. The paths
// through a real broker and server are in tests/mqtt_test.cc and tests/sparkplug_host_test.cc.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "admin/data_dir_ops.h"
#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "engine/testing/engine_fixture.h"
#include "mes/equipment/events.h"
#include "mes/equipment/mqtt/message_ingest.h"
#include "mes/equipment/mqtt/sparkplug_ingest.h"
#include "store/data_dir.h"

namespace ordo::equipment::mqtt {
namespace {

constexpr TimeMicros kAt = 1'796'025'600'000'000;  // 2026-11-30T08:00:00Z

SourceRegistered Sparkplug(const std::string& name, const std::string& edge_node) {
  SourceRegistered s;
  s.name = name;
  s.kind = "sparkplug";
  s.work_units = {"WU-1", "WU-2"};
  s.group_id = "plant";
  s.edge_node = edge_node;
  s.devices = {{"press", "WU-2"}};
  return s;
}

SourceRegistered Mqtt(const std::string& name, std::vector<std::string> work_units,
                      std::vector<std::string> topics) {
  SourceRegistered s;
  s.name = name;
  s.kind = "mqtt";
  s.work_units = std::move(work_units);
  s.topics = std::move(topics);
  return s;
}

class SourceOwnerTest : public engine::testing::EngineFixture {
 protected:
  void SetUp() override {
    clock_.Set(kAt);
    InitDataDir("ordo_source_owner_", /*demo=*/false);
    StartEngine();
    // Read-write: the tests change rows as an attacker would.
    auto db = store::OpenStore(dir_, storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    reader_ = std::move(*db);
  }
  void Register(const SourceRegistered& s) { Record(s, kSourceSubject, s.name); }
  void SetEnabled(const SourceRegistered& s, bool enabled) {
    SourceUpdated u{s.name, s.work_units, enabled, s.devices, s.node_work_unit};
    Record(u, kSourceSubject, s.name);
  }
  // Changes a row as an attacker would: straight through SQL, past its seal.
  void Sql(const std::string& sql) { ASSERT_TRUE(reader_->Exec(sql).ok()) << sql; }
  Result<NodeOwner> Node(const std::string& edge_node) {
    return OwnerOfNode(*reader_, "plant", edge_node);
  }
  Result<Owner> Topic(const std::string& topic) { return OwnerOfTopic(*reader_, topic, kAt); }
};

TEST_F(SourceOwnerTest, AnEdgeNodeIsOwnedByTheEnabledSourceOfItsGroupAndNode) {
  ORDO_VERIFIES("ORDO-SPB-17", "ORDO-SPB-22", "ORDO-SPB-27");
  const SourceRegistered a = Sparkplug("spb-a", "edge"), b = Sparkplug("spb-b", "edge");
  Register(a);
  Register(Sparkplug("spb-other", "other"));
  Register(Mqtt("mqtt-edge", {"edge"}, {"spBv1.0/#"}));  // no sparkplug source
  auto owner = Node("edge");
  ASSERT_TRUE(owner.ok()) << owner.error().message;
  EXPECT_EQ(owner->source, "spb-a");
  EXPECT_TRUE(owner->enabled);
  EXPECT_EQ(owner->work_units, (std::vector<std::string>{"WU-1", "WU-2"}));
  EXPECT_EQ(owner->devices, (std::map<std::string, std::string>{{"press", "WU-2"}}));
  // A second enabled owner, registered now, makes the next lookup ambiguous.
  Register(b);
  auto both = Node("edge");
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().reason, "node_ambiguous");
  EXPECT_NE(both.error().message.find("(spb-a, spb-b)"), std::string::npos) << both.error().message;
  // One disabled: the other owns it; both disabled: a disabled one (source_disabled).
  SetEnabled(a, false);
  ASSERT_TRUE(Node("edge").ok());
  EXPECT_EQ(Node("edge")->source, "spb-b");
  SetEnabled(b, false);
  ASSERT_TRUE(Node("edge").ok());
  EXPECT_EQ(Node("edge")->source, "spb-a");
  EXPECT_FALSE(Node("edge")->enabled);
  SetEnabled(b, true);
  EXPECT_EQ(Node("edge")->source, "spb-b");
  // Another group's node of the same name, or no source at all: node_not_owned.
  auto stranger = Node("stranger");
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().reason, "node_not_owned");
  auto other_group = OwnerOfNode(*reader_, "elsewhere", "edge");
  ASSERT_FALSE(other_group.ok());
  EXPECT_EQ(other_group.error().reason, "node_not_owned");
}

TEST_F(SourceOwnerTest, AnOwnersRowChangedPastItsSealIsRefusedAndOthersAreNotRead) {
  ORDO_VERIFIES("ORDO-EQ-27");
  Register(Sparkplug("spb-a", "edge"));
  Register(Sparkplug("spb-other", "other"));
  Register(Mqtt("mqtt-a", {"WU-1"}, {"plant/a/#"}));
  Register(Mqtt("mqtt-b", {"WU-2"}, {}));
  Sql("UPDATE eq_source SET devices = '{\"press\":\"WU-1\"}' WHERE name = 'spb-a'");
  auto owner = Node("edge");
  ASSERT_FALSE(owner.ok());
  EXPECT_EQ(owner.error().code, ErrorCode::kIntegrityViolation);
  // The lookup of another node reads only its own sources.
  ASSERT_TRUE(Node("other").ok());
  EXPECT_EQ(Node("other")->source, "spb-other");
  // A topic's lookup reads the mqtt sources with topic filters and those of its work
  // unit: a changed row among them is refused, one of another work unit is not read.
  ASSERT_TRUE(Topic("plant/a/x").ok());
  Sql("UPDATE eq_source SET enabled = 1 - enabled WHERE name = 'mqtt-b'");
  ASSERT_TRUE(Topic("plant/a/x").ok());
  EXPECT_EQ(Topic("plant/a/x")->source, "mqtt-a");
  auto b = Topic("ordo/SITE/WU-2/state");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, ErrorCode::kIntegrityViolation);
  Sql("UPDATE eq_source SET topics = '[\"plant/#\"]' WHERE name = 'mqtt-a'");
  auto a = Topic("ordo/SITE/WU-3/state");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, ErrorCode::kIntegrityViolation);
}

TEST_F(SourceOwnerTest, ATopicIsOwnedByTheEnabledSourceWhoseFiltersMatchIt) {
  ORDO_VERIFIES("ORDO-MQTT-07", "ORDO-MQTT-08");
  // No equipment hierarchy in this store: the default topics (ordo/<site>/<work unit>/#)
  // have no site and own nothing; filters do (tests/mqtt_test.cc has both).
  const SourceRegistered states = Mqtt("site-states", {"WU-1", "WU-2"}, {"ordo/S/+/state"});
  const SourceRegistered press = Mqtt("press", {"WU-1"}, {"ordo/S/WU-1/#"});
  Register(states);
  Register(Mqtt("by-default", {"WU-1"}, {}));
  Register(Sparkplug("spb-a", "edge"));
  auto owner = Topic("ordo/S/WU-1/state");
  ASSERT_TRUE(owner.ok()) << owner.error().message;
  EXPECT_EQ(owner->source, "site-states");
  EXPECT_EQ(owner->counter, "increment");
  // Registered now: seen by the next lookup.
  Register(press);
  auto ambiguous = Topic("ordo/S/WU-1/state");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_EQ(ambiguous.error().reason, "topic_ambiguous");
  EXPECT_NE(ambiguous.error().message.find("(press, site-states)"), std::string::npos)
      << ambiguous.error().message;
  EXPECT_EQ(Topic("ordo/S/WU-1/count")->source, "press");
  EXPECT_EQ(Topic("ordo/S/WU-2/state")->source, "site-states");
  SetEnabled(states, false);
  EXPECT_EQ(Topic("ordo/S/WU-1/state")->source, "press");
  SetEnabled(press, false);
  ASSERT_TRUE(Topic("ordo/S/WU-1/state").ok());
  EXPECT_EQ(Topic("ordo/S/WU-1/state")->source, "press");  // disabled owners, by name
  // A topic of no work unit, owned by a filter; and one nobody owns.
  Register(Mqtt("odd", {"WU-9"}, {"plant/#"}));
  EXPECT_EQ(Topic("plant/x")->source, "odd");
  auto none = Topic("elsewhere/x");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().reason, "topic_not_owned");
}

}  // namespace
}  // namespace ordo::equipment::mqtt
