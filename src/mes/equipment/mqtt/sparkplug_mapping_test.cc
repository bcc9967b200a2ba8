// The Sparkplug B mapping (sparkplug_mapping.h): work units of devices and the node, the
// derived seq, and metrics into one batch of the REST shape.
#include "mes/equipment/mqtt/sparkplug_mapping.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/testing/verifies.h"

namespace ordo::equipment::mqtt {
namespace {

namespace sp = ordo::sparkplug;

sp::ResolvedMetric M(std::string name, sp::Value value, std::uint64_t time = 1764500000000) {
  sp::ResolvedMetric m;
  m.name = std::move(name);
  m.value = std::move(value);
  m.timestamp_ms = time;
  return m;
}

TEST(SparkplugMapping, DevicesAndTheNodeAreWorkUnitsOfTheSource) {
  ORDO_VERIFIES("ORDO-SPB-18");
  const std::vector<std::string> wus{"WU-A", "NODE-1"};
  EXPECT_EQ(WorkUnitOfScope("WU-A", "NODE-1", wus), "WU-A");
  EXPECT_EQ(WorkUnitOfScope("", "NODE-1", wus), "NODE-1");
  EXPECT_EQ(WorkUnitOfScope("WU-B", "NODE-1", wus), std::nullopt);
  EXPECT_EQ(WorkUnitOfScope("", "NODE-2", wus), std::nullopt);
}

TEST(SparkplugMapping, TheSourcesDeviceMapNamesTheWorkUnitOfADeviceAndTheNode) {
  ORDO_VERIFIES("ORDO-SPB-43");
  const std::vector<std::string> wus{"WU-A", "WU-B", "WU-N"};
  const std::map<std::string, std::string> devices{{"press", "WU-A"}, {"WU-B", "WU-A"}};
  EXPECT_EQ(WorkUnitOfScope("press", "edge", wus, devices, ""), "WU-A");
  // The map wins over the id, also when the id is a work unit.
  EXPECT_EQ(WorkUnitOfScope("WU-B", "edge", wus, devices, ""), "WU-A");
  // A device not in the map keeps the rule: its id, when that is a work unit.
  EXPECT_EQ(WorkUnitOfScope("WU-N", "edge", wus, devices, ""), "WU-N");
  EXPECT_EQ(WorkUnitOfScope("other", "edge", wus, devices, ""), std::nullopt);
  // The node: node_work_unit, else its id.
  EXPECT_EQ(WorkUnitOfScope("", "edge", wus, devices, "WU-N"), "WU-N");
  EXPECT_EQ(WorkUnitOfScope("", "edge", wus, devices, ""), std::nullopt);
  EXPECT_EQ(WorkUnitOfScope("", "WU-B", wus, devices, ""), "WU-B");
  // A target that is no work unit of the source (the registry refuses it) maps to none.
  EXPECT_EQ(WorkUnitOfScope("press", "edge", {"WU-B"}, devices, ""), std::nullopt);
}

TEST(SparkplugMapping, TheSeqIsDerivedFromTimeAndSparkplugSeq) {
  ORDO_VERIFIES("ORDO-SPB-19");
  EXPECT_EQ(DerivedSeq(1000, 7), 1000 * 512 + 7);
  EXPECT_NE(DerivedSeq(1000, 255), DerivedSeq(1001, 0));
  EXPECT_NE(DerivedSeq(1000, 0), DerivedSeq(1000, kDeathLow));
  EXPECT_GT(DerivedSeq(1764500000000, 0), 0);
}

TEST(SparkplugMapping, MetricsBecomeStatesCountsAndTags) {
  ORDO_VERIFIES("ORDO-SPB-18");
  const std::uint64_t t = 1764500000000;
  std::vector<sp::ResolvedMetric> metrics{M("state", std::string("Down")),
                                          M("reason", std::string("jam")),
                                          M("count/total", std::int64_t{10}),
                                          M("Count/Good", std::uint64_t{8}),
                                          M("count/scrap", std::int64_t{2}),
                                          M("tag/temperature", 71.5),
                                          M("Pressure", true),
                                          M("bdSeq", std::int64_t{3}),
                                          M("Node Control/Rebirth", false),
                                          M("tag/undefined", 1.0),
                                          M("count/other", std::int64_t{1}),
                                          M("label", std::string("text"))};
  int ignored = 0;
  Json b = BatchOfMetrics("spb", 42, "WU-A", metrics, false, false,
                          {"WU-A.temperature", "WU-A.Pressure"}, t, &ignored);
  EXPECT_EQ(b["source"], "spb");
  EXPECT_EQ(b["seq"], 42);
  ASSERT_EQ(b["states"].size(), 1u);
  EXPECT_EQ(b["states"][0],
            (Json{{"work_unit", "WU-A"}, {"time", t}, {"state", "down"}, {"reason", "jam"}}));
  ASSERT_EQ(b["counts"].size(), 1u);
  EXPECT_EQ(b["counts"][0],
            (Json{{"work_unit", "WU-A"}, {"time", t}, {"total", 10}, {"good", 8}, {"scrap", 2}}));
  ASSERT_EQ(b["samples"].size(), 2u);
  EXPECT_EQ(b["samples"][0], (Json{{"tag", "WU-A.temperature"}, {"time", t}, {"value", 71.5}}));
  EXPECT_EQ(b["samples"][1], (Json{{"tag", "WU-A.Pressure"}, {"time", t}, {"value", 1.0}}));
  EXPECT_EQ(ignored, 3);  // tag/undefined, count/other, label
}

TEST(SparkplugMapping, BirthCountsAreCurrentValuesNotIncrements) {
  ORDO_VERIFIES("ORDO-SPB-18");
  std::vector<sp::ResolvedMetric> metrics{M("count/total", std::int64_t{0}),
                                          M("count/good", std::int64_t{0})};
  int ignored = 0;
  EXPECT_TRUE(BatchOfMetrics("spb", 1, "WU-A", metrics, true, false, {}, 0, &ignored).is_null());
  Json cumulative = BatchOfMetrics("spb", 1, "WU-A", metrics, true, true, {}, 0, &ignored);
  ASSERT_EQ(cumulative["counts"].size(), 1u);
  // Without total, total is the sum of the others.
  std::vector<sp::ResolvedMetric> parts{M("count/good", std::int64_t{3}),
                                        M("count/rework", std::int64_t{1})};
  Json b = BatchOfMetrics("spb", 1, "WU-A", parts, false, false, {}, 0, &ignored);
  EXPECT_EQ(b["counts"][0]["total"], 4);
}

TEST(SparkplugMapping, ADeathMarksItsWorkUnitsOffline) {
  ORDO_VERIFIES("ORDO-SPB-21");
  Json b = OfflineBatch("spb", 9, {"WU-A", "WU-B"}, 1764500000000);
  ASSERT_EQ(b["states"].size(), 2u);
  EXPECT_EQ(b["states"][1],
            (Json{{"work_unit", "WU-B"}, {"time", 1764500000000ULL}, {"state", "offline"}}));
}

TEST(SparkplugMapping, TagNamesFollowTheConvention) {
  ORDO_VERIFIES("ORDO-SPB-18");
  EXPECT_EQ(TagOfMetric("WU-A", "tag/temperature"), "WU-A.temperature");
  EXPECT_EQ(TagOfMetric("WU-A", "speed"), "WU-A.speed");
  EXPECT_EQ(TagOfMetric("WU-A", "state"), std::nullopt);
  EXPECT_EQ(TagOfMetric("WU-A", "Node Control/Rebirth"), std::nullopt);
  EXPECT_EQ(TagOfMetric("WU-A", "Motor/Speed"), std::nullopt);  // '/' is no tag name
}

TEST(SparkplugMapping, ABadSampleIsLeftOutAndTheMessagesStatesAndCountsStay) {
  ORDO_VERIFIES("ORDO-SPB-18");
  const std::uint64_t t = 1764500000000;
  std::vector<sp::ResolvedMetric> metrics{
      M("state", std::string("running")),
      M("count/good", std::int64_t{3}),
      M("tag/temperature", std::nan("")),
      M("tag/pressure", std::numeric_limits<double>::infinity()),
      M("tag/flow", 1e300),
      M("tag/level", 4.0, 1000),                     // 1970
      M("tag/speed", 5.0, t + 48ULL * 3600 * 1000),  // two days ahead
      M("tag/torque", 6.5)};
  int ignored = 0;
  Json b = BatchOfMetrics(
      "spb", 42, "WU-A", metrics, false, false,
      {"WU-A.temperature", "WU-A.pressure", "WU-A.flow", "WU-A.level", "WU-A.speed", "WU-A.torque"},
      t, &ignored);
  EXPECT_EQ(b["states"].size(), 1u) << b.dump();
  ASSERT_EQ(b["counts"].size(), 1u) << b.dump();
  EXPECT_EQ(b["counts"][0]["total"], 3);
  ASSERT_EQ(b["samples"].size(), 1u) << b.dump();
  EXPECT_EQ(b["samples"][0]["tag"], "WU-A.torque");
  EXPECT_EQ(ignored, 5);
}

TEST(SparkplugMapping, NoTotalIsMadeUpFromCountsOutOfRange) {
  ORDO_VERIFIES("ORDO-SPB-18");
  int ignored = 0;
  Json b = BatchOfMetrics("spb", 42, "WU-A",
                          {M("count/good", std::numeric_limits<std::int64_t>::max()),
                           M("count/scrap", std::int64_t{5})},
                          false, false, {}, 1764500000000, &ignored);
  ASSERT_EQ(b["counts"].size(), 1u) << b.dump();
  EXPECT_FALSE(b["counts"][0].contains("total")) << b.dump();  // the decoder refuses it
  Json u = BatchOfMetrics("spb", 43, "WU-A", {M("count/good", std::uint64_t{1} << 63)}, false,
                          false, {}, 1764500000000, &ignored);
  EXPECT_FALSE(u["counts"][0].contains("total")) << u.dump();
}

TEST(SparkplugMapping, ATimeTooLargeForASeqGivesNone) {
  ORDO_VERIFIES("ORDO-SPB-19");
  EXPECT_GT(DerivedSeq(kMaxSeqTimeMs, 255), 0);
  EXPECT_EQ(DerivedSeq(kMaxSeqTimeMs + 1, 0), 0);
  EXPECT_EQ(DerivedSeq(std::numeric_limits<std::uint64_t>::max(), 7), 0);
}

}  // namespace
}  // namespace ordo::equipment::mqtt
