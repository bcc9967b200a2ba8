// Unit tests of values from tags: which readings of a mapped tag are recorded
// (SelectTagReadings) and how the parameter decision treats a value from a tag (origin,
// no acknowledgement, the routing's source, limits, late values). Pure domain, no I/O.
#include "mes/execution/domain/tag_values.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/recording.h"
#include "mes/execution/domain/test_facts.h"

namespace ordo::execution {
namespace {

using namespace testing;
constexpr TimeMicros kSecond = 1'000'000;
const std::optional<double> kLow = 50.0, kHigh = 70.0;

std::vector<std::string> Rules(const std::vector<SelectedReading>& s) {
  std::vector<std::string> out;
  for (const auto& r : s) out.push_back(std::to_string(r.index) + ":" + r.rule);
  return out;
}

TEST(TagReadingsTest, BandsIncludeTheLimits) {
  ORDO_VERIFIES("ORDO-TEL-15");
  EXPECT_EQ(BandOf(50, kLow, kHigh), LimitBand::kWithin);
  EXPECT_EQ(BandOf(70, kLow, kHigh), LimitBand::kWithin);
  EXPECT_EQ(BandOf(49.9, kLow, kHigh), LimitBand::kBelow);
  EXPECT_EQ(BandOf(70.1, kLow, kHigh), LimitBand::kAbove);
  EXPECT_EQ(BandOf(-1e9, std::nullopt, std::nullopt), LimitBand::kWithin);
  EXPECT_EQ(BandOf(80, std::nullopt, kHigh), LimitBand::kAbove);
}

TEST(TagReadingsTest, A1HzTagInLimitsRecordsTheFirstValueThenOnePerInterval) {
  ORDO_VERIFIES("ORDO-TEL-15");
  const TimeMicros start = Now();
  std::vector<TagReading> readings;
  // One hour at 1 Hz, all in limits.
  for (int i = 0; i < 3600; ++i) readings.push_back({start + i * kSecond, 60.0 + (i % 7) * 0.1});
  auto s = SelectTagReadings(std::nullopt, readings, start, kLow, kHigh);
  ASSERT_EQ(s.size(), 4u);  // at 0, 15, 30 and 45 minutes
  EXPECT_EQ(s[0].index, 0u);
  EXPECT_EQ(s[0].rule, kRuleFirst);
  EXPECT_EQ(s[1].index, 900u);
  EXPECT_EQ(s[1].rule, kRuleInterval);
  EXPECT_EQ(s[3].index, 2700u);
}

TEST(TagReadingsTest, EveryCrossingOfALimitIsRecordedOnce) {
  ORDO_VERIFIES("ORDO-TEL-15");
  const TimeMicros t = Now();
  std::vector<TagReading> readings{{t, 60},                 // first
                                   {t + 1 * kSecond, 61},   // same band
                                   {t + 2 * kSecond, 72},   // above: crossed
                                   {t + 3 * kSecond, 75},   // still above
                                   {t + 4 * kSecond, 40},   // below: crossed
                                   {t + 5 * kSecond, 65},   // back in: crossed
                                   {t + 6 * kSecond, 66}};  // same band
  EXPECT_EQ(Rules(SelectTagReadings(std::nullopt, readings, t, kLow, kHigh)),
            (std::vector<std::string>{"0:first", "2:limit_crossed", "4:limit_crossed",
                                      "5:limit_crossed"}));
}

TEST(TagReadingsTest, TheLastRecordedValueCarriesAcrossBatchesAndOrderDoesNotMatter) {
  ORDO_VERIFIES("ORDO-TEL-15");
  const TimeMicros t = Now();
  const LastTagValue last{t + 10 * kSecond, LimitBand::kAbove};
  // Given out of order; one before the last recorded time is already decided on; one
  // before the operation started is not the operation's.
  std::vector<TagReading> readings{{t + 30 * kSecond, 60},
                                   {t + 5 * kSecond, 60},
                                   {t + 20 * kSecond, 80},
                                   {t - 10 * kSecond, 60}};
  EXPECT_EQ(Rules(SelectTagReadings(last, readings, t - 5 * kSecond, kLow, kHigh)),
            (std::vector<std::string>{"0:limit_crossed"}));
  // Nothing recorded yet: the first reading after the start.
  EXPECT_EQ(Rules(SelectTagReadings(std::nullopt, readings, t, kLow, kHigh)),
            (std::vector<std::string>{"1:first", "2:limit_crossed", "0:limit_crossed"}));
  // Equal times: the first given wins.
  EXPECT_EQ(Rules(SelectTagReadings(std::nullopt, {{t, 80}, {t, 60}}, t, kLow, kHigh)),
            (std::vector<std::string>{"0:first"}));
  EXPECT_TRUE(SelectTagReadings(std::nullopt, {}, t, kLow, kHigh).empty());
}

RecordParameter FromTag(std::string name, double value, TimeMicros at) {
  RecordParameter p;
  p.name = std::move(name);
  p.value = value;
  p.source = "equipment";
  p.time.occurred_us = at;
  p.origin = TagOrigin{"line-plc", "gran.binder_temp", 12, kRuleFirst};
  return p;
}

RecordingContext DeviceContext() {
  RecordingContext c;
  c.now = Now();
  c.late_entry_minutes = 30;
  c.from_device = true;
  return c;
}

TEST(TagValueDecisionTest, AValueFromATagIsRecordedWithItsOriginAndNoUser) {
  ORDO_VERIFIES("ORDO-TEL-14", "ORDO-TEL-16");
  const OperatorFacts device{0, "line-plc", {}};
  // No instructions acknowledged by the machine: a tag value needs none.
  auto d =
      DecideRecordParameter(RunningOp(), device, Unit(),
                            FromTag("binder_temperature", 61, Now() - kMinute), DeviceContext());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->recorded.user_id, 0);
  EXPECT_EQ(d->recorded.source, "equipment");
  EXPECT_EQ(d->recorded.device, "WU-GRAN-01");
  EXPECT_EQ(d->recorded.occurred_us, Now() - kMinute);
  ASSERT_TRUE(d->recorded.origin.has_value());
  EXPECT_EQ(d->recorded.origin->tag, "gran.binder_temp");
  EXPECT_EQ(d->recorded.origin->data_source, "line-plc");
  EXPECT_TRUE(d->recorded.in_limits);
  EXPECT_TRUE(d->exceptions.empty());
  // The event writes the origin; a person's entry writes none.
  Json j;
  to_json(j, d->recorded);
  EXPECT_EQ(j["origin"]["tag"], "gran.binder_temp");
  EXPECT_EQ(j["origin"]["batch_seq"], 12);
  ParameterRecorded back;
  from_json(j, back);
  ASSERT_TRUE(back.origin.has_value());
  EXPECT_EQ(back.origin->rule, "first");
  back.origin.reset();
  to_json(j, back);
  EXPECT_FALSE(j.contains("origin"));
}

TEST(TagValueDecisionTest, OutOfLimitsRaisesTheSameExceptionAsAManualEntry) {
  ORDO_VERIFIES("ORDO-TEL-17");
  const OperatorFacts device{0, "line-plc", {}};
  auto d = DecideRecordParameter(RunningOp(), device, Unit(),
                                 FromTag("granulation_end_power", 7.5, Now() - kMinute),
                                 DeviceContext());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_FALSE(d->recorded.in_limits);
  ASSERT_EQ(d->exceptions.size(), 1u);
  EXPECT_EQ(d->exceptions[0].kind, kParameterOutOfLimits);
  EXPECT_TRUE(d->exceptions[0].blocks_completion);  // critical, as for a manual value
  EXPECT_NE(d->exceptions[0].message.find("tag gran.binder_temp (data source line-plc)"),
            std::string::npos)
      << d->exceptions[0].message;
  EXPECT_EQ(d->exceptions[0].details["tag"], "gran.binder_temp");
}

TEST(TagValueDecisionTest, RefusesWhatAManualParameterOrAStoppedOperationCannotTake) {
  ORDO_VERIFIES("ORDO-TEL-16");
  const OperatorFacts device{0, "line-plc", {}};
  // impeller_speed is entered by hand (routing source manual).
  ExpectRefused(DecideRecordParameter(RunningOp(), device, Unit(),
                                      FromTag("impeller_speed", 250, Now()), DeviceContext()),
                ErrorCode::kInvalidArgument, "", "source", {"by hand"});
  OperationFacts paused = RunningOp();
  paused.state = "paused";
  ExpectRefused(DecideRecordParameter(paused, device, Unit(),
                                      FromTag("binder_temperature", 61, Now()), DeviceContext()),
                ErrorCode::kFailedPrecondition, kInvalidTransition, "operation", {});
  // A value before the operation started is not the operation's.
  ExpectRefused(DecideRecordParameter(RunningOp(), device, Unit(),
                                      FromTag("binder_temperature", 61, Now() - 200 * kMinute),
                                      DeviceContext()),
                ErrorCode::kInvalidArgument, kInvalidTime, "occurred_at", {});
  // Not from a device session: refused as for any equipment value.
  RecordingContext person = DeviceContext();
  person.from_device = false;
  ExpectRefused(DecideRecordParameter(RunningOp(), device, Unit(),
                                      FromTag("binder_temperature", 61, Now()), person),
                ErrorCode::kInvalidArgument, kDeviceSourceRequired, "source", {});
}

TEST(TagValueDecisionTest, ALateValueFromATagIsALateEntryNamingTheSource) {
  ORDO_VERIFIES("ORDO-TEL-16");
  const OperatorFacts device{0, "line-plc", {}};
  auto d = DecideRecordParameter(RunningOp(), device, Unit(),
                                 FromTag("binder_temperature", 61, Now() - 45 * kMinute),
                                 DeviceContext());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_TRUE(d->recorded.late);
  EXPECT_NE(d->recorded.late_reason->find("line-plc"), std::string::npos);
  ASSERT_EQ(d->exceptions.size(), 1u);
  EXPECT_EQ(d->exceptions[0].kind, kLateEntry);
}

}  // namespace
}  // namespace ordo::execution
