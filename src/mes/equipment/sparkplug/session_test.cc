// The host-side edge node session: births, aliases, seq (gap, wrap), deaths (matching,
// stale), devices and the rebirth triggers.
#include "mes/equipment/sparkplug/session.h"

#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"

namespace ordo::sparkplug {
namespace {

Topic T(MessageType type, std::string device = {}) {
  return Topic{type, "Plant1", "Line-1", std::move(device), {}};
}

Metric M(std::string name, std::optional<std::uint64_t> alias, DataType type, Value value) {
  Metric m;
  m.name = std::move(name);
  m.alias = alias;
  m.datatype = type;
  m.value = std::move(value);
  return m;
}

// A data metric as sent on the wire: alias only, no datatype, the raw wire value.
Metric ByAlias(std::uint64_t alias, Value raw, WireField wire) {
  Metric m;
  m.alias = alias;
  m.value = std::move(raw);
  m.wire = wire;
  return m;
}

Payload NBirth(std::uint64_t bd_seq, std::uint64_t seq = 0) {
  Payload p;
  p.timestamp_ms = 1000;
  p.seq = seq;
  p.metrics = {M("bdSeq", std::nullopt, DataType::kInt64, std::int64_t(bd_seq)),
               M("Node Control/Rebirth", 1, DataType::kBoolean, false),
               M("State", 2, DataType::kString, std::string("running")),
               M("Offset", 3, DataType::kInt8, std::int64_t{-3})};
  for (Metric& m : p.metrics) m.wire = WireField::kLong;  // not used for typed metrics
  return p;
}

Payload Death(std::uint64_t bd_seq) {
  Payload p;
  p.metrics = {M("bdSeq", std::nullopt, DataType::kUInt64, std::uint64_t{bd_seq})};
  return p;
}

Payload Data(std::uint64_t seq, std::vector<Metric> metrics, std::uint64_t ts = 2000) {
  Payload p;
  p.timestamp_ms = ts;
  p.seq = seq;
  p.metrics = std::move(metrics);
  return p;
}

Payload DBirth(std::uint64_t seq) {
  return Data(seq, {M("Count", 10, DataType::kUInt32, std::uint64_t{7}),
                    M("Temp", 11, DataType::kDouble, 20.5)});
}

EdgeNodeSession Born(std::uint64_t bd_seq = 4) {
  EdgeNodeSession s("Plant1", "Line-1");
  const Decision d = s.OnMessage(T(MessageType::kNBirth), NBirth(bd_seq));
  EXPECT_EQ(d.outcome, Outcome::kApplied) << d.message;
  return s;
}

TEST(SparkplugSession, BirthSetsBdSeqAndAliasesResolveDataByNameAndType) {
  ORDO_VERIFIES("ORDO-SPB-06", "ORDO-SPB-08");
  EdgeNodeSession s("Plant1", "Line-1");
  const Decision birth = s.OnMessage(T(MessageType::kNBirth), NBirth(4));
  EXPECT_EQ(birth.presence, Presence::kNodeOnline);
  EXPECT_TRUE(s.online());
  EXPECT_EQ(s.bd_seq(), 4u);
  ASSERT_EQ(birth.metrics.size(), 4u);
  EXPECT_EQ(birth.metrics[2].name, "State");
  EXPECT_EQ(birth.metrics[2].timestamp_ms, 1000u);

  Metric stamped = ByAlias(3, std::uint64_t{0xFFFFFFFF}, WireField::kInt);
  stamped.timestamp_ms = 1999;
  const Decision d =
      s.OnMessage(T(MessageType::kNData),
                  Data(1, {ByAlias(2, std::string("down"), WireField::kString), stamped}));
  EXPECT_EQ(d.outcome, Outcome::kApplied);
  EXPECT_FALSE(d.rebirth_needed);
  ASSERT_EQ(d.metrics.size(), 2u);
  EXPECT_EQ(d.metrics[0].name, "State");
  EXPECT_EQ(d.metrics[0].value, Value{std::string("down")});
  EXPECT_EQ(d.metrics[0].timestamp_ms, 2000u);  // the payload's
  EXPECT_EQ(d.metrics[1].name, "Offset");
  EXPECT_EQ(d.metrics[1].datatype, DataType::kInt8);
  EXPECT_EQ(d.metrics[1].value, Value{std::int64_t{-1}});
  EXPECT_EQ(d.metrics[1].timestamp_ms, 1999u);  // its own

  // By name, without alias.
  Metric by_name;
  by_name.name = "State";
  by_name.value = std::string("idle");
  by_name.wire = WireField::kString;
  const Decision named = s.OnMessage(T(MessageType::kNData), Data(2, {by_name}));
  ASSERT_EQ(named.metrics.size(), 1u);
  EXPECT_EQ(named.metrics[0].value, Value{std::string("idle")});
}

TEST(SparkplugSession, SeqWrapsFrom255To0) {
  ORDO_VERIFIES("ORDO-SPB-07");
  EdgeNodeSession s("Plant1", "Line-1");
  ASSERT_EQ(s.OnMessage(T(MessageType::kNBirth), NBirth(1, 250)).outcome, Outcome::kApplied);
  for (std::uint64_t seq : {251, 252, 253, 254, 255, 0, 1}) {
    const Decision d = s.OnMessage(T(MessageType::kNData),
                                   Data(seq, {ByAlias(2, std::string("x"), WireField::kString)}));
    EXPECT_FALSE(d.rebirth_needed) << "seq " << seq << ": " << d.rebirth_detail;
    EXPECT_EQ(d.metrics.size(), 1u);
  }
}

TEST(SparkplugSession, SeqGapAsksForOneRebirthUntilTheNextBirth) {
  ORDO_VERIFIES("ORDO-SPB-07", "ORDO-SPB-11");
  EdgeNodeSession s = Born();
  const Metric state = ByAlias(2, std::string("running"), WireField::kString);
  const Decision gap = s.OnMessage(T(MessageType::kNData), Data(3, {state}));
  EXPECT_TRUE(gap.rebirth_needed);
  EXPECT_EQ(gap.rebirth_reason, RebirthReason::kSeqGap);
  EXPECT_STREQ(RebirthReasonName(gap.rebirth_reason), "seq_gap");
  EXPECT_EQ(gap.rebirth_detail, "expected seq 1, got 3");
  EXPECT_EQ(gap.metrics.size(), 1u);  // the message itself is sound: its values are used
  EXPECT_TRUE(s.rebirth_requested());
  // Another gap while the request is pending: no second request.
  const Decision again = s.OnMessage(T(MessageType::kNData), Data(9, {state}));
  EXPECT_FALSE(again.rebirth_needed);
  // In sequence after the gap (resynchronised on 9).
  EXPECT_FALSE(s.OnMessage(T(MessageType::kNData), Data(10, {state})).rebirth_needed);
  // A missing seq is a gap too, once the retry timer lets the session ask again.
  s.ForgetRebirthRequest();
  Payload no_seq = Data(0, {state});
  no_seq.seq.reset();
  const Decision missing = s.OnMessage(T(MessageType::kNData), no_seq);
  EXPECT_TRUE(missing.rebirth_needed);
  EXPECT_EQ(missing.rebirth_detail, "the message carries no seq");
  // The rebirth: a new NBIRTH clears the request and restarts the sequence.
  ASSERT_EQ(s.OnMessage(T(MessageType::kNBirth), NBirth(5)).outcome, Outcome::kApplied);
  EXPECT_FALSE(s.rebirth_requested());
  EXPECT_FALSE(s.OnMessage(T(MessageType::kNData), Data(1, {state})).rebirth_needed);
}

TEST(SparkplugSession, UnknownAliasOrNameIsDroppedAndAsksForRebirth) {
  ORDO_VERIFIES("ORDO-SPB-08");
  EdgeNodeSession s = Born();
  const Decision d = s.OnMessage(T(MessageType::kNData),
                                 Data(1, {ByAlias(77, std::uint64_t{1}, WireField::kLong),
                                          ByAlias(2, std::string("idle"), WireField::kString)}));
  EXPECT_TRUE(d.rebirth_needed);
  EXPECT_EQ(d.rebirth_reason, RebirthReason::kUnknownAlias);
  ASSERT_EQ(d.dropped.size(), 1u);
  EXPECT_EQ(d.dropped[0].reason, "unknown_alias");
  EXPECT_EQ(d.dropped[0].field, "metrics[0]");
  ASSERT_EQ(d.metrics.size(), 1u);
  EXPECT_EQ(d.metrics[0].name, "State");

  EdgeNodeSession other = Born();
  Metric unknown;
  unknown.name = "Pressure";
  unknown.value = 1.0;
  unknown.wire = WireField::kDouble;
  const Decision n = other.OnMessage(T(MessageType::kNData), Data(1, {unknown}));
  EXPECT_TRUE(n.rebirth_needed);
  EXPECT_EQ(n.rebirth_reason, RebirthReason::kUnknownMetric);
  EXPECT_TRUE(n.metrics.empty());
}

TEST(SparkplugSession, DataThatDoesNotFitItsBirthTypeIsDroppedWithoutRebirth) {
  ORDO_VERIFIES("ORDO-SPB-16");
  EdgeNodeSession s = Born();
  const Decision d = s.OnMessage(T(MessageType::kNData),
                                 Data(1, {ByAlias(1, std::string("yes"), WireField::kString),
                                          ByAlias(3, std::uint64_t{500}, WireField::kInt)}));
  EXPECT_FALSE(d.rebirth_needed);
  EXPECT_TRUE(d.metrics.empty());
  ASSERT_EQ(d.dropped.size(), 2u);
  EXPECT_EQ(d.dropped[0].reason, "value_type_mismatch");
  EXPECT_EQ(d.dropped[1].reason, "value_out_of_range");
  EXPECT_EQ(d.dropped[1].field, "metrics[1]");
}

TEST(SparkplugSession, DataBeforeBirthAsksForRebirth) {
  ORDO_VERIFIES("ORDO-SPB-09");
  EdgeNodeSession s("Plant1", "Line-1");
  const Decision d = s.OnMessage(T(MessageType::kNData),
                                 Data(5, {ByAlias(2, std::string("x"), WireField::kString)}));
  EXPECT_EQ(d.outcome, Outcome::kIgnored);
  EXPECT_EQ(d.reason, "not_online");
  EXPECT_TRUE(d.rebirth_needed);
  EXPECT_EQ(d.rebirth_reason, RebirthReason::kDataBeforeBirth);
  EXPECT_TRUE(d.metrics.empty());

  EdgeNodeSession dbirth_first("Plant1", "Line-1");
  const Decision db = dbirth_first.OnMessage(T(MessageType::kDBirth, "Filler"), DBirth(0));
  EXPECT_EQ(db.outcome, Outcome::kIgnored);
  EXPECT_TRUE(db.rebirth_needed);
  EXPECT_EQ(db.rebirth_reason, RebirthReason::kDeviceBirthBeforeNodeBirth);
  EXPECT_FALSE(dbirth_first.device_online("Filler"));

  // DDATA of a device that has not sent DBIRTH, on a born node.
  EdgeNodeSession born = Born();
  const Decision dd = born.OnMessage(T(MessageType::kDData, "Filler"),
                                     Data(1, {ByAlias(10, std::uint64_t{1}, WireField::kLong)}));
  EXPECT_EQ(dd.reason, "device_not_born");
  EXPECT_TRUE(dd.rebirth_needed);
  EXPECT_EQ(dd.rebirth_reason, RebirthReason::kDataBeforeBirth);
}

TEST(SparkplugSession, DevicesHaveTheirOwnAliasesAndDieAlone) {
  ORDO_VERIFIES("ORDO-SPB-08", "ORDO-SPB-10");
  EdgeNodeSession s = Born();
  const Decision birth = s.OnMessage(T(MessageType::kDBirth, "Filler"), DBirth(1));
  EXPECT_EQ(birth.presence, Presence::kDeviceOnline);
  EXPECT_EQ(birth.device_id, "Filler");
  EXPECT_TRUE(s.device_online("Filler"));
  const Decision d = s.OnMessage(T(MessageType::kDData, "Filler"),
                                 Data(2, {ByAlias(10, std::uint64_t{8}, WireField::kLong)}));
  ASSERT_EQ(d.metrics.size(), 1u);
  EXPECT_EQ(d.metrics[0].name, "Count");
  EXPECT_EQ(d.device_id, "Filler");
  // The device's alias is not the node's.
  const Decision node = s.OnMessage(T(MessageType::kNData),
                                    Data(3, {ByAlias(10, std::uint64_t{8}, WireField::kLong)}));
  EXPECT_EQ(node.rebirth_reason, RebirthReason::kUnknownAlias);
  s.ForgetRebirthRequest();

  const Decision death = s.OnMessage(T(MessageType::kDDeath, "Filler"), Data(4, {}));
  EXPECT_EQ(death.presence, Presence::kDeviceOffline);
  EXPECT_FALSE(death.rebirth_needed);
  EXPECT_FALSE(s.device_online("Filler"));
  EXPECT_TRUE(s.online());
  const Decision after = s.OnMessage(T(MessageType::kDData, "Filler"),
                                     Data(5, {ByAlias(10, std::uint64_t{9}, WireField::kLong)}));
  EXPECT_EQ(after.reason, "device_not_born");
  EXPECT_EQ(after.rebirth_reason, RebirthReason::kDataBeforeBirth);
}

TEST(SparkplugSession, TheDataMarkUndoesDataMessagesWithoutTheBirths) {
  ORDO_VERIFIES("ORDO-SPB-46");
  EdgeNodeSession s = Born();
  ASSERT_EQ(s.OnMessage(T(MessageType::kDBirth, "Filler"), DBirth(1)).outcome, Outcome::kApplied);
  const EdgeNodeSession::DataMark mark = s.data_mark();
  EXPECT_EQ(mark.next_seq, 2u);
  EXPECT_FALSE(mark.rebirth_requested);
  // Data in order, then a gap (a rebirth asked) and an unknown alias of the device.
  const Metric count = ByAlias(10, std::uint64_t{8}, WireField::kLong);
  EXPECT_FALSE(s.OnMessage(T(MessageType::kDData, "Filler"), Data(2, {count})).rebirth_needed);
  EXPECT_TRUE(s.OnMessage(T(MessageType::kNData), Data(7, {})).rebirth_needed);
  s.OnMessage(T(MessageType::kDData, "Filler"),
              Data(8, {ByAlias(99, std::uint64_t{1}, WireField::kLong)}));
  EXPECT_TRUE(s.rebirth_requested());
  s.RestoreDataMark(mark);
  // As when the mark was taken: seq 2 follows, nothing asked, births and devices in force.
  EXPECT_FALSE(s.rebirth_requested());
  EXPECT_TRUE(s.online());
  EXPECT_EQ(s.bd_seq(), 4u);
  EXPECT_TRUE(s.device_online("Filler"));
  const Decision again = s.OnMessage(T(MessageType::kDData, "Filler"), Data(2, {count}));
  EXPECT_FALSE(again.rebirth_needed) << again.rebirth_detail;
  ASSERT_EQ(again.metrics.size(), 1u);
  EXPECT_EQ(again.metrics[0].name, "Count");
  // A gap after the restore asks again (the request was undone with the rest).
  EXPECT_TRUE(s.OnMessage(T(MessageType::kNData), Data(9, {})).rebirth_needed);
}

TEST(SparkplugSession, MatchingDeathTakesTheNodeAndItsDevicesOffline) {
  ORDO_VERIFIES("ORDO-SPB-06");
  EdgeNodeSession s = Born(4);
  ASSERT_EQ(s.OnMessage(T(MessageType::kDBirth, "Filler"), DBirth(1)).outcome, Outcome::kApplied);
  const Decision d = s.OnMessage(T(MessageType::kNDeath), Death(4));
  EXPECT_EQ(d.outcome, Outcome::kApplied);
  EXPECT_EQ(d.presence, Presence::kNodeOffline);
  EXPECT_FALSE(s.online());
  EXPECT_FALSE(s.device_online("Filler"));
}

TEST(SparkplugSession, StaleDeathOfAnOlderSessionIsIgnored) {
  ORDO_VERIFIES("ORDO-SPB-06");
  EdgeNodeSession s = Born(4);
  // The broker delivers the will of the previous connection (bdSeq 3) after the new birth.
  const Decision stale = s.OnMessage(T(MessageType::kNDeath), Death(3));
  EXPECT_EQ(stale.outcome, Outcome::kIgnored);
  EXPECT_EQ(stale.reason, "stale_death");
  EXPECT_EQ(stale.presence, Presence::kUnchanged);
  EXPECT_TRUE(s.online());
  const Decision no_bd = s.OnMessage(T(MessageType::kNDeath), Payload{});
  EXPECT_EQ(no_bd.reason, "missing_bd_seq");
  EXPECT_TRUE(s.online());
  EdgeNodeSession never("Plant1", "Line-1");
  EXPECT_EQ(never.OnMessage(T(MessageType::kNDeath), Death(0)).reason, "not_online");
}

TEST(SparkplugSession, InvalidBirthsAreRefusedAndChangeNothing) {
  ORDO_VERIFIES("ORDO-SPB-15");
  EdgeNodeSession s("Plant1", "Line-1");
  Payload no_bd = NBirth(1);
  no_bd.metrics.erase(no_bd.metrics.begin());
  EXPECT_EQ(s.OnMessage(T(MessageType::kNBirth), no_bd).reason, "missing_bd_seq");
  Payload no_seq = NBirth(1);
  no_seq.seq.reset();
  EXPECT_EQ(s.OnMessage(T(MessageType::kNBirth), no_seq).reason, "missing_seq");
  Payload dup = NBirth(1);
  dup.metrics[3].alias = 2;
  const Decision d = s.OnMessage(T(MessageType::kNBirth), dup);
  EXPECT_EQ(d.outcome, Outcome::kRefused);
  EXPECT_EQ(d.reason, "duplicate_alias");
  Payload untyped = NBirth(1);
  untyped.metrics[2].datatype = DataType::kUnknown;
  EXPECT_EQ(s.OnMessage(T(MessageType::kNBirth), untyped).reason, "birth_metric_untyped");
  Payload unnamed = NBirth(1);
  unnamed.metrics[2].name.clear();
  EXPECT_EQ(s.OnMessage(T(MessageType::kNBirth), unnamed).reason, "birth_metric_unnamed");
  EXPECT_FALSE(s.online());
  EXPECT_FALSE(s.bd_seq().has_value());

  // A refused DBIRTH leaves the device unborn; its seq still counts.
  EdgeNodeSession born = Born();
  Payload bad_device = DBirth(1);
  bad_device.metrics[1].alias = 10;
  const Decision refused = born.OnMessage(T(MessageType::kDBirth, "Filler"), bad_device);
  EXPECT_EQ(refused.reason, "duplicate_alias");
  EXPECT_EQ(refused.device_id, "Filler");
  EXPECT_FALSE(born.device_online("Filler"));
  EXPECT_FALSE(born.OnMessage(T(MessageType::kNData), Data(2, {})).rebirth_needed);
}

TEST(SparkplugSession, ARefusedBirthEndsThePreviousBirthSoItsAliasesAreNotUsed) {
  ORDO_VERIFIES("ORDO-SPB-44");
  Payload dup = NBirth(5);
  dup.metrics[3].alias = 2;
  Payload no_bd = NBirth(5);
  no_bd.metrics.erase(no_bd.metrics.begin());
  for (const Payload& bad : {dup, no_bd}) {
    EdgeNodeSession s = Born(4);
    ASSERT_EQ(s.OnMessage(T(MessageType::kDBirth, "Filler"), DBirth(1)).outcome, Outcome::kApplied);
    const Decision refused = s.OnMessage(T(MessageType::kNBirth), bad);
    EXPECT_EQ(refused.outcome, Outcome::kRefused);
    EXPECT_FALSE(s.online());
    EXPECT_FALSE(s.device_online("Filler"));
    // Data by an alias of the old birth is not resolved: it waits for a valid birth and
    // asks for one.
    const Decision d = s.OnMessage(T(MessageType::kNData),
                                   Data(2, {ByAlias(2, std::string("down"), WireField::kString)}));
    EXPECT_EQ(d.outcome, Outcome::kIgnored);
    EXPECT_EQ(d.reason, "not_online");
    EXPECT_TRUE(d.metrics.empty());
    EXPECT_TRUE(d.rebirth_needed);
    EXPECT_EQ(d.rebirth_reason, RebirthReason::kDataBeforeBirth);
    EXPECT_EQ(s.OnMessage(T(MessageType::kNBirth), NBirth(6)).presence, Presence::kNodeOnline);
  }
  // ForgetBirth (an NBIRTH the host refused before the session, e.g. without a timestamp).
  EdgeNodeSession s = Born(4);
  s.ForgetBirth();
  EXPECT_FALSE(s.online());
  EXPECT_EQ(s.OnMessage(T(MessageType::kNData), Data(1, {})).reason, "not_online");
}

TEST(SparkplugSession, NewBirthForgetsDevicesAndResetAsksForRebirth) {
  ORDO_VERIFIES("ORDO-SPB-06", "ORDO-SPB-09");
  EdgeNodeSession s = Born(4);
  ASSERT_EQ(s.OnMessage(T(MessageType::kDBirth, "Filler"), DBirth(1)).outcome, Outcome::kApplied);
  ASSERT_EQ(s.OnMessage(T(MessageType::kNBirth), NBirth(5)).presence, Presence::kNodeOnline);
  EXPECT_EQ(s.bd_seq(), 5u);
  EXPECT_FALSE(s.device_online("Filler"));
  // The old session's death no longer applies.
  EXPECT_EQ(s.OnMessage(T(MessageType::kNDeath), Death(4)).reason, "stale_death");

  s.Reset();  // the host lost its broker connection
  EXPECT_FALSE(s.online());
  const Decision d = s.OnMessage(T(MessageType::kNData), Data(1, {}));
  EXPECT_TRUE(d.rebirth_needed);
  EXPECT_EQ(d.rebirth_reason, RebirthReason::kDataBeforeBirth);
  // The death of the session it knew still marks the node offline.
  EXPECT_EQ(s.OnMessage(T(MessageType::kNDeath), Death(5)).presence, Presence::kNodeOffline);
}

TEST(SparkplugSession, IgnoresCommandsStateAndOtherEdgeNodes) {
  ORDO_VERIFIES("ORDO-SPB-06");
  EdgeNodeSession s = Born();
  EXPECT_EQ(s.OnMessage(T(MessageType::kNCmd), RebirthRequest(1)).reason, "command");
  EXPECT_EQ(s.OnMessage(T(MessageType::kDCmd, "Filler"), Payload{}).reason, "command");
  EXPECT_EQ(s.OnMessage(Topic{MessageType::kState, {}, {}, {}, "host"}, Payload{}).reason, "state");
  Topic other = T(MessageType::kNDeath);
  other.edge_node_id = "Line-2";
  const Decision d = s.OnMessage(other, Death(4));
  EXPECT_EQ(d.reason, "other_edge_node");
  EXPECT_TRUE(s.online());
  // None of them consumed a seq.
  EXPECT_FALSE(s.OnMessage(T(MessageType::kNData), Data(1, {})).rebirth_needed);
}

TEST(SparkplugSession, RebirthRequestIsTheNodeControlMetricOnTheNcmdTopic) {
  ORDO_VERIFIES("ORDO-SPB-11");
  EXPECT_EQ(RebirthTopic("Plant1", "Line-1"), "spBv1.0/Plant1/NCMD/Line-1");
  auto decoded = DecodePayload(EncodePayload(RebirthRequest(1764500000000)));
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->timestamp_ms, 1764500000000u);
  EXPECT_FALSE(decoded->seq.has_value());
  ASSERT_EQ(decoded->metrics.size(), 1u);
  EXPECT_EQ(decoded->metrics[0].name, "Node Control/Rebirth");
  EXPECT_EQ(decoded->metrics[0].datatype, DataType::kBoolean);
  EXPECT_EQ(decoded->metrics[0].value, Value{true});
}

}  // namespace
}  // namespace ordo::sparkplug
