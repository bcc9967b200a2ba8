// Unit tests of data collection: acknowledging instructions, parameters against their
// limits, characteristics against their specification, late entries, and reading the
// pinned spec (pure domain, no I/O).
#include "mes/execution/domain/recording.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/test_facts.h"

namespace ordo::execution {
namespace {

using namespace testing;
constexpr ErrorCode kInput = ErrorCode::kInvalidArgument;
constexpr ErrorCode kState = ErrorCode::kFailedPrecondition;

RecordingContext Context() { return RecordingContext{Now(), 30, std::string("abc123")}; }

RecordParameter Param(std::string name, double value, std::string source = "") {
  RecordParameter p;
  p.name = std::move(name);
  p.value = value;
  p.source = std::move(source);
  return p;
}

TEST(ExecutionAcknowledgeTest, RecordsThePinnedInstructionHash) {
  ORDO_VERIFIES("ORDO-EXEC-12", "IND-02");
  auto ack = DecideAcknowledge(RunningOp(), Operator(), std::nullopt);
  ASSERT_TRUE(ack.ok()) << ack.error().message;
  EXPECT_EQ(ack->instruction_hash, "abc123");
  EXPECT_EQ(ack->order_id, "PO-1001");
  EXPECT_EQ(ack->operation, "20");
  EXPECT_EQ(ack->user_id, 7);
  EXPECT_EQ(ack->routing_version, 3);
  EXPECT_TRUE(DecideAcknowledge(RunningOp(), Operator(), std::string("abc123")).ok());
  ExpectRefused(DecideAcknowledge(RunningOp(), Operator(), std::string("stale")), kInput, "",
                "instruction_hash", {"reload"});
  OperationFacts op = RunningOp();
  op.state = "pending";
  ExpectRefused(DecideAcknowledge(op, Operator(), std::nullopt), kState, kInvalidTransition,
                "operation");
}

TEST(ExecutionAcknowledgeTest, NothingIsRecordedBeforeTheAcknowledgement) {
  ORDO_VERIFIES("ORDO-EXEC-12", "P11-06");
  RecordingContext c = Context();
  c.acknowledged_hash.reset();
  ExpectRefused(
      DecideRecordParameter(RunningOp(), Operator(), Unit(), Param("impeller_speed", 250), c),
      kState, kInstructionsNotAcknowledged, "operation");
  ExpectRefused(DecideRecordCharacteristic(RunningOp(), Operator(), {"lod", {2, 2, 2}, {}}, c),
                kState, kInstructionsNotAcknowledged, "operation");
}

TEST(ExecutionSpecTest, ReadsThePinnedSpecAndHashesItsInstructions) {
  ORDO_VERIFIES("ORDO-EXEC-12", "IND-02");
  ASSERT_TRUE(InitCrypto());
  Json spec = Json::parse(R"({
    "name": "Granulation", "operation_class": "granulation",
    "parameters": [{"name": "impeller_speed", "unit": "rpm", "low": 200, "high": 300,
                    "target": 250, "critical": true, "source": "manual"},
                   {"name": "air_flow", "unit": "m3/h", "source": "equipment"}],
    "characteristics": [{"name": "lod", "unit": "%", "lower_spec": 1, "upper_spec": 3,
                         "sample_size": 3}, {"name": "appearance"}],
    "second_person_verification": true,
    "qualifications": ["GRANULATION"],
    "instructions": "## Granulate\n1. Load.",
    "attachments": [{"name": "a.png", "sha256": "00", "media_type": "image/png"}]})");
  auto s = SpecFromJson(spec);
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_EQ(s->parameters.size(), 2u);
  EXPECT_EQ(s->parameters[0].name, "impeller_speed");
  EXPECT_EQ(*s->parameters[0].low, 200);
  EXPECT_EQ(*s->parameters[0].high, 300);
  EXPECT_TRUE(s->parameters[0].critical);
  EXPECT_FALSE(s->parameters[1].low.has_value());
  EXPECT_EQ(s->parameters[1].source, "equipment");
  ASSERT_EQ(s->characteristics.size(), 2u);
  EXPECT_EQ(s->characteristics[0].sample_size, 3);
  EXPECT_EQ(s->characteristics[1].sample_size, 1);  // the default
  EXPECT_TRUE(s->second_person_verification);
  EXPECT_EQ(s->qualifications, std::vector<std::string>{"GRANULATION"});
  EXPECT_EQ(s->instruction_hash.size(), 64u);
  // The hash covers instructions and attachments, and only them.
  Json other = spec;
  other["name"] = "Renamed";
  EXPECT_EQ(InstructionContentHash(other), s->instruction_hash);
  other["instructions"] = "## Granulate\n1. Load twice.";
  EXPECT_NE(InstructionContentHash(other), s->instruction_hash);
  other = spec;
  other["attachments"][0]["sha256"] = "01";
  EXPECT_NE(InstructionContentHash(other), s->instruction_hash);
  EXPECT_EQ(InstructionContentHash(Json{{"name", "x"}}), "");
  EXPECT_FALSE(SpecFromJson(Json::array()).ok());
  EXPECT_FALSE(SpecFromJson(Json{{"parameters", {{{"unit", "rpm"}}}}}).ok());
}

TEST(ExecutionParameterTest, AValueWithinItsLimitsIsRecordedWithThem) {
  ORDO_VERIFIES("ORDO-EXEC-17", "DI-05", "IND-02");
  auto d = DecideRecordParameter(RunningOp(), Operator(), Unit(), Param("impeller_speed", 200),
                                 Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  const ParameterRecorded& r = d->recorded;
  EXPECT_TRUE(r.in_limits);  // the limit itself is within
  EXPECT_EQ(r.value, 200);
  EXPECT_EQ(*r.low, 200);
  EXPECT_EQ(*r.high, 300);
  EXPECT_EQ(*r.target, 250);
  EXPECT_EQ(r.unit, "rpm");
  EXPECT_EQ(r.source, "manual");
  EXPECT_EQ(r.spec_source, "manual");
  EXPECT_EQ(r.device, "");
  EXPECT_EQ(r.work_unit, "WU-GRAN-01");
  EXPECT_EQ(r.user_id, 7);
  EXPECT_FALSE(r.late);
  EXPECT_EQ(r.occurred_us, Now());
  EXPECT_EQ(r.entered_us, Now());
  EXPECT_TRUE(d->exceptions.empty());
  auto high = DecideRecordParameter(RunningOp(), Operator(), Unit(), Param("impeller_speed", 300),
                                    Context());
  ASSERT_TRUE(high.ok());
  EXPECT_TRUE(high->recorded.in_limits);
}

TEST(ExecutionParameterTest, OutOfLimitsOnANonCriticalParameterIsAnException) {
  ORDO_VERIFIES("ORDO-EXEC-18", "IND-03", "DI-05");
  for (double v : {199.9, 300.1}) {
    auto d = DecideRecordParameter(RunningOp(), Operator(), Unit(), Param("impeller_speed", v),
                                   Context());
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_FALSE(d->recorded.in_limits);
    ASSERT_EQ(d->exceptions.size(), 1u);
    const ExceptionRecorded& e = d->exceptions[0];
    EXPECT_EQ(e.kind, kParameterOutOfLimits);
    EXPECT_EQ(e.subject, "impeller_speed");
    EXPECT_FALSE(e.blocks_completion);
    EXPECT_NE(e.message.find("200 to 300 rpm"), std::string::npos) << e.message;
    EXPECT_EQ(e.details.at("value"), v);
  }
}

TEST(ExecutionParameterTest, OutOfLimitsOnACriticalParameterBlocksCompletion) {
  ORDO_VERIFIES("ORDO-EXEC-19", "IND-03", "P11-06");
  auto d = DecideRecordParameter(RunningOp(), Operator(), Unit(),
                                 Param("granulation_end_power", 6.5), Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_FALSE(d->recorded.in_limits);
  EXPECT_TRUE(d->recorded.critical);
  ASSERT_EQ(d->exceptions.size(), 1u);
  EXPECT_TRUE(d->exceptions[0].blocks_completion);
  EXPECT_NE(d->exceptions[0].message.find("deviation"), std::string::npos);
  // Within limits: no exception at all.
  auto ok = DecideRecordParameter(RunningOp(), Operator(), Unit(),
                                  Param("granulation_end_power", 5.0), Context());
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->exceptions.empty());
}

TEST(ExecutionParameterTest, OneSidedLimits) {
  ORDO_VERIFIES("ORDO-EXEC-17", "DI-05");
  OperationFacts op = RunningOp();
  op.spec.parameters = {{"pressure", "bar", "manual", std::nullopt, std::nullopt, 2.0, false},
                        {"free", "", "manual", std::nullopt, std::nullopt, std::nullopt, false}};
  EXPECT_TRUE(DecideRecordParameter(op, Operator(), Unit(), Param("pressure", -5), Context())
                  ->recorded.in_limits);
  auto over = DecideRecordParameter(op, Operator(), Unit(), Param("pressure", 2.01), Context());
  ASSERT_TRUE(over.ok());
  EXPECT_FALSE(over->recorded.in_limits);
  EXPECT_NE(over->exceptions[0].message.find("at most 2 bar"), std::string::npos);
  EXPECT_TRUE(DecideRecordParameter(op, Operator(), Unit(), Param("free", 1e9), Context())
                  ->recorded.in_limits);
}

TEST(ExecutionParameterTest, RefusesUnknownNamesBadValuesAndSources) {
  ORDO_VERIFIES("ORDO-EXEC-20");
  ExpectRefused(
      DecideRecordParameter(RunningOp(), Operator(), Unit(), Param("impeller", 1), Context()),
      kInput, kUnknownParameter, "name", {"impeller", "impeller_speed"});
  for (double bad : {std::nan(""), std::numeric_limits<double>::infinity()})
    ExpectRefused(DecideRecordParameter(RunningOp(), Operator(), Unit(),
                                        Param("impeller_speed", bad), Context()),
                  kInput, kInvalidValue, "value");
  ExpectRefused(DecideRecordParameter(RunningOp(), Operator(), Unit(),
                                      Param("impeller_speed", 250, "scada"), Context()),
                kInput, "", "source", {"manual or equipment"});
}

TEST(ExecutionParameterTest, EquipmentValuesNameTheDeviceAndNeedItCalibrated) {
  ORDO_VERIFIES("P11-08", "ORDO-EXEC-08", "DI-01");
  RecordingContext device = Context();
  device.from_device = true;
  // A person's session cannot claim a value came from the equipment.
  ExpectRefused(DecideRecordParameter(RunningOp(), Operator(), Unit(),
                                      Param("binder_temperature", 61, "equipment"), Context()),
                kInput, kDeviceSourceRequired, "source", {"source manual"});
  auto d = DecideRecordParameter(RunningOp(), Operator(), Unit(),
                                 Param("binder_temperature", 61, "equipment"), device);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->recorded.source, "equipment");
  EXPECT_EQ(d->recorded.device, "WU-GRAN-01");
  EquipmentFacts u = Unit();
  u.calibration_due = "2026-11-20";
  ExpectRefused(DecideRecordParameter(RunningOp(), Operator(), u,
                                      Param("binder_temperature", 61, "equipment"), device),
                kState, kCalibrationOverdue, "source", {"2026-11-20"});
  // An equipment parameter typed in by hand (no connector yet) is kept as manual.
  auto manual = DecideRecordParameter(RunningOp(), Operator(), u,
                                      Param("binder_temperature", 61, "manual"), Context());
  ASSERT_TRUE(manual.ok()) << manual.error().message;
  EXPECT_EQ(manual->recorded.source, "manual");
  EXPECT_EQ(manual->recorded.spec_source, "equipment");
  EXPECT_EQ(manual->recorded.device, "");
}

TEST(ExecutionLateEntryTest, ALateValueNeedsAReasonAndIsFlagged) {
  ORDO_VERIFIES("DI-03", "ORDO-EXEC-27", "IND-03", "A11-14");
  RecordParameter p = Param("impeller_speed", 250);
  p.time.occurred_us = Now() - 31 * kMinute;
  ExpectRefused(DecideRecordParameter(RunningOp(), Operator(), Unit(), p, Context()), kInput,
                kLateEntryReasonRequired, "late_reason", {"30 minutes", "reason"});
  p.time.late_reason = "entered from the paper fallback sheet";
  auto d = DecideRecordParameter(RunningOp(), Operator(), Unit(), p, Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_TRUE(d->recorded.late);
  EXPECT_EQ(*d->recorded.late_reason, "entered from the paper fallback sheet");
  EXPECT_EQ(d->recorded.occurred_us, Now() - 31 * kMinute);
  EXPECT_EQ(d->recorded.entered_us, Now());
  ASSERT_EQ(d->exceptions.size(), 1u);
  EXPECT_EQ(d->exceptions[0].kind, kLateEntry);
  EXPECT_FALSE(d->exceptions[0].blocks_completion);
}

TEST(ExecutionLateEntryTest, WithinTheThresholdIsNotLate) {
  ORDO_VERIFIES("DI-03", "ORDO-EXEC-27");
  RecordParameter p = Param("impeller_speed", 250);
  p.time.occurred_us = Now() - 30 * kMinute;
  p.time.late_reason = "not needed";
  auto d = DecideRecordParameter(RunningOp(), Operator(), Unit(), p, Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_FALSE(d->recorded.late);
  EXPECT_FALSE(d->recorded.late_reason.has_value());
  EXPECT_TRUE(d->exceptions.empty());
  // The threshold is the site's: 10 minutes makes the same value late.
  RecordingContext strict = Context();
  strict.late_entry_minutes = 10;
  RecordParameter q = Param("impeller_speed", 250);
  q.time.occurred_us = Now() - 30 * kMinute;
  ExpectRefused(DecideRecordParameter(RunningOp(), Operator(), Unit(), q, strict), kInput,
                kLateEntryReasonRequired, "late_reason", {"10 minutes"});
}

TEST(ExecutionLateEntryTest, ClientTimesAreCheckedAgainstTheServer) {
  ORDO_VERIFIES("DI-03", "ORDO-EXEC-27");
  RecordParameter p = Param("impeller_speed", 250);
  p.time.occurred_us = Now() + 2 * kMinute;
  ExpectRefused(DecideRecordParameter(RunningOp(), Operator(), Unit(), p, Context()), kInput,
                kInvalidTime, "occurred_at", {"future"});
  p.time.occurred_us = Now() + 30'000'000;  // within the clock tolerance
  EXPECT_TRUE(DecideRecordParameter(RunningOp(), Operator(), Unit(), p, Context()).ok());
  p.time.occurred_us = RunningOp().started_us - 1;
  p.time.late_reason = "paper";
  ExpectRefused(DecideRecordParameter(RunningOp(), Operator(), Unit(), p, Context()), kInput,
                kInvalidTime, "occurred_at", {"before operation 20 started"});
  p.time.occurred_us = Now() - 100 * kMinute;
  p.time.late_reason = std::string(1001, 'r');
  ExpectRefused(DecideRecordParameter(RunningOp(), Operator(), Unit(), p, Context()), kInput, "",
                "late_reason");
}

TEST(ExecutionCharacteristicTest, ASampleHasExactlyItsSampleSize) {
  ORDO_VERIFIES("ORDO-EXEC-21", "IND-01");
  auto d =
      DecideRecordCharacteristic(RunningOp(), Operator(), {"lod", {1.0, 2.0, 3.0}, {}}, Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_TRUE(d->recorded.in_spec);
  EXPECT_EQ(d->recorded.out_of_spec, 0);
  EXPECT_EQ(d->recorded.sample_size, 3);
  EXPECT_EQ(d->recorded.values.size(), 3u);
  EXPECT_TRUE(d->exceptions.empty());
  ExpectRefused(
      DecideRecordCharacteristic(RunningOp(), Operator(), {"lod", {1.0, 2.0}, {}}, Context()),
      kInput, kSampleSizeMismatch, "values", {"3 values", "2 were given"});
  ExpectRefused(DecideRecordCharacteristic(RunningOp(), Operator(),
                                           {"lod", {1.0, 2.0, 2.0, 2.0}, {}}, Context()),
                kInput, kSampleSizeMismatch, "values");
  ExpectRefused(DecideRecordCharacteristic(RunningOp(), Operator(),
                                           {"lod", {1.0, std::nan(""), 2.0}, {}}, Context()),
                kInput, kInvalidValue, "values");
  ExpectRefused(
      DecideRecordCharacteristic(RunningOp(), Operator(), {"hardness", {1.0}, {}}, Context()),
      kInput, kUnknownCharacteristic, "name", {"hardness", "lod"});
}

TEST(ExecutionCharacteristicTest, OutOfSpecValuesAreFlaggedAndRaiseAnException) {
  ORDO_VERIFIES("ORDO-EXEC-21", "IND-03", "DI-05");
  auto d =
      DecideRecordCharacteristic(RunningOp(), Operator(), {"lod", {0.9, 2.0, 3.5}, {}}, Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_FALSE(d->recorded.in_spec);
  EXPECT_EQ(d->recorded.out_of_spec, 2);
  ASSERT_EQ(d->exceptions.size(), 1u);
  EXPECT_EQ(d->exceptions[0].kind, kCharacteristicOutOfSpec);
  EXPECT_FALSE(d->exceptions[0].blocks_completion);
  EXPECT_NE(d->exceptions[0].message.find("2 of 3"), std::string::npos);
  // Late characteristic samples follow the late-entry rule too.
  RecordCharacteristic late{"lod", {2.0, 2.0, 2.0}, {Now() - 45 * kMinute, ""}};
  ExpectRefused(DecideRecordCharacteristic(RunningOp(), Operator(), late, Context()), kInput,
                kLateEntryReasonRequired, "late_reason");
  late.time.late_reason = "balance printout entered later";
  auto ok = DecideRecordCharacteristic(RunningOp(), Operator(), late, Context());
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->recorded.late);
}

}  // namespace
}  // namespace ordo::execution
