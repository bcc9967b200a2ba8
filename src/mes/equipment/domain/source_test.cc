// The source registry's decisions (source.h): the Sparkplug device map and node work unit
// of a registration and of a change.
#include "mes/equipment/domain/source.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::equipment {
namespace {

SourceRegistered Sparkplug() {
  SourceRegistered s;
  s.name = "line-spb";
  s.kind = "sparkplug";
  s.work_units = {"WU-PRESS-01", "WU-PKG-01"};
  s.group_id = "plant";
  s.edge_node = "edge-1";
  return s;
}

// The refusal of `s` (reason and field), or "ok".
std::string Refusal(const SourceRegistered& s) {
  Status v = ValidateSource(s);
  return v.ok() ? "ok" : v.error().reason + " " + v.error().field;
}

TEST(SourceRegistry, ASparkplugSourceMapsDevicesAndItsNodeToListedWorkUnits) {
  ORDO_VERIFIES("ORDO-SPB-42");
  SourceRegistered s = Sparkplug();
  s.devices = {{"press", "WU-PRESS-01"}, {"pkg", "WU-PKG-01"}};
  s.node_work_unit = "WU-PKG-01";
  EXPECT_EQ(Refusal(s), "ok");
  auto e = DecideRegisterSource(s, false, {});
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->payload["devices"], (Json{{"press", "WU-PRESS-01"}, {"pkg", "WU-PKG-01"}}));
  EXPECT_EQ(e->payload["node_work_unit"], "WU-PKG-01");
  // Read back as it was written; a payload without them (older sources) reads empty.
  SourceRegistered back = e->payload.get<SourceRegistered>();
  EXPECT_EQ(back.devices, s.devices);
  EXPECT_EQ(back.node_work_unit, "WU-PKG-01");
  auto plain = DecideRegisterSource(Sparkplug(), false, {});
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->payload.contains("devices"));
  EXPECT_FALSE(plain->payload.contains("node_work_unit"));
  EXPECT_TRUE(plain->payload.get<SourceRegistered>().devices.empty());
}

TEST(SourceRegistry, ABadDeviceMapIsRefusedNamingTheField) {
  ORDO_VERIFIES("ORDO-SPB-42");
  SourceRegistered s = Sparkplug();
  s.devices = {{"press", "WU-COAT-01"}};
  EXPECT_EQ(Refusal(s), "device_work_unit_not_listed devices.press");
  Status v = ValidateSource(s);
  EXPECT_NE(v.error().message.find("WU-COAT-01"), std::string::npos) << v.error().message;
  s.devices = {{"a/b", "WU-PRESS-01"}};
  EXPECT_EQ(Refusal(s), "invalid_device_id devices");
  s.devices = {{"", "WU-PRESS-01"}};
  EXPECT_EQ(Refusal(s), "invalid_device_id devices");
  s.devices = {{std::string(65, 'd'), "WU-PRESS-01"}};
  EXPECT_EQ(Refusal(s), "invalid_device_id devices");
  s.devices.clear();
  for (int i = 0; i < 201; ++i) s.devices["d" + std::to_string(i)] = "WU-PRESS-01";
  EXPECT_EQ(Refusal(s), "too_many_devices devices");
  s.devices.clear();
  s.node_work_unit = "WU-COAT-01";
  EXPECT_EQ(Refusal(s), "node_work_unit_not_listed node_work_unit");
  // Only a sparkplug source has them.
  SourceRegistered mqtt = Sparkplug();
  mqtt.kind = "mqtt";
  mqtt.group_id = mqtt.edge_node = "";
  mqtt.devices = {{"press", "WU-PRESS-01"}};
  EXPECT_EQ(Refusal(mqtt), "not_sparkplug devices");
  mqtt.devices.clear();
  mqtt.node_work_unit = "WU-PRESS-01";
  EXPECT_EQ(Refusal(mqtt), "not_sparkplug node_work_unit");
}

TEST(SourceRegistry, TheDeviceMapOfARequestIsAnObjectOfStrings) {
  ORDO_VERIFIES("ORDO-SPB-42");
  auto ok = DeviceMapOf(Json{{"press", "WU-PRESS-01"}});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->at("press"), "WU-PRESS-01");
  auto number = DeviceMapOf(Json{{"press", 3}});
  ASSERT_FALSE(number.ok());
  EXPECT_EQ(number.error().reason, "wrong_type");
  EXPECT_EQ(number.error().field, "devices.press");
  auto array = DeviceMapOf(Json::array({"press"}));
  ASSERT_FALSE(array.ok());
  EXPECT_EQ(array.error().field, "devices");
}

TEST(SourceRegistry, AChangeKeepsOrReplacesTheDeviceMapAndChecksItAgainstTheWorkUnits) {
  ORDO_VERIFIES("ORDO-SPB-42");
  SourceRegistered current = Sparkplug();
  current.devices = {{"press", "WU-PRESS-01"}};
  current.node_work_unit = "WU-PKG-01";
  // Only enabled: the map is carried as it was (the event has the whole settings).
  SourceChange off;
  off.enabled = false;
  auto e = DecideUpdateSource(current, off, {});
  ASSERT_TRUE(e.ok()) << e.error().message;
  SourceUpdated u = e->payload.get<SourceUpdated>();
  EXPECT_FALSE(u.enabled);
  EXPECT_EQ(u.devices, current.devices);
  EXPECT_EQ(u.node_work_unit, "WU-PKG-01");
  // Dropping a work unit the map uses is refused, naming the device.
  SourceChange fewer;
  fewer.work_units = std::vector<std::string>{"WU-PKG-01"};
  auto refused = DecideUpdateSource(current, fewer, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "device_work_unit_not_listed");
  EXPECT_EQ(refused.error().field, "devices.press");
  // ... unless the map changes with it; "" and {} clear.
  fewer.devices = std::map<std::string, std::string>{};
  auto both = DecideUpdateSource(current, fewer, {});
  ASSERT_TRUE(both.ok()) << both.error().message;
  EXPECT_TRUE(both->payload.get<SourceUpdated>().devices.empty());
  EXPECT_FALSE(both->payload.contains("devices"));
  SourceChange clear_node;
  clear_node.node_work_unit = "";
  auto cleared = DecideUpdateSource(current, clear_node, {});
  ASSERT_TRUE(cleared.ok());
  EXPECT_EQ(cleared->payload.get<SourceUpdated>().node_work_unit, "");
  EXPECT_EQ(DecideUpdateSource(current, SourceChange{}, {}).error().reason, "no_change");
  // Another kind cannot be given a map by a change either.
  SourceRegistered rest = Sparkplug();
  rest.kind = "rest";
  rest.group_id = rest.edge_node = "";
  SourceChange map;
  map.devices = std::map<std::string, std::string>{{"press", "WU-PRESS-01"}};
  EXPECT_EQ(DecideUpdateSource(rest, map, {}).error().reason, "not_sparkplug");
}

TEST(SourceRegistry, AnEmptyMapOrNodeForAnotherKindIsRefusedNotRecordedAsANoOp) {
  ORDO_VERIFIES("ORDO-SPB-45");
  for (const char* kind : {"rest", "mqtt"}) {
    SourceRegistered other = Sparkplug();
    other.kind = kind;
    other.group_id = other.edge_node = "";
    SourceChange no_map;
    no_map.devices = std::map<std::string, std::string>{};
    auto refused = DecideUpdateSource(other, no_map, {});
    ASSERT_FALSE(refused.ok()) << kind;
    EXPECT_EQ(refused.error().reason, "not_sparkplug") << kind;
    EXPECT_EQ(refused.error().field, "devices") << kind;
    SourceChange no_node;
    no_node.node_work_unit = "";
    auto node = DecideUpdateSource(other, no_node, {});
    ASSERT_FALSE(node.ok()) << kind;
    EXPECT_EQ(node.error().reason, "not_sparkplug") << kind;
    EXPECT_EQ(node.error().field, "node_work_unit") << kind;
    // Given with a real change, the change is refused as a whole.
    no_node.enabled = false;
    EXPECT_FALSE(DecideUpdateSource(other, no_node, {}).ok()) << kind;
    // Without them, the change is recorded.
    SourceChange off;
    off.enabled = false;
    EXPECT_TRUE(DecideUpdateSource(other, off, {}).ok()) << kind;
  }
}

}  // namespace
}  // namespace ordo::equipment
