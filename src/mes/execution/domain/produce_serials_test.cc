// Unit tests of serial production: generated from the pattern after the last number,
// scanned serials checked one by one, duplicates refused naming the serial, bad input
// refused naming the field (pure domain, no I/O).
#include "mes/execution/domain/produce_serials.h"

#include <gtest/gtest.h>

#include <map>

#include "core/testing/verifies.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/test_facts.h"

namespace ordo::execution {
namespace {

using namespace testing;

RecordingContext Context() { return RecordingContext{Now(), 30, std::string("abc123")}; }
ProductFacts Pen() { return ProductFacts{"FG-PEN", "serial", "ea"}; }
const std::string kPattern = "DP{yyyy}{mm}-{seq:4}";

// Serials that exist, with their material.
SerialOwner Owner(std::map<std::string, std::string> existing) {
  return [existing](const std::string& serial) -> Result<std::optional<std::string>> {
    auto it = existing.find(serial);
    if (it == existing.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  };
}

SerialRequest Count(std::int64_t n) {
  SerialRequest r;
  r.count = n;
  return r;
}

SerialRequest Scanned(std::vector<std::string> serials) {
  SerialRequest r;
  r.serials = std::move(serials);
  return r;
}

TEST(ExecutionProduceSerialsTest, GeneratesFromThePatternAfterTheLastNumberSkippingTakenOnes) {
  ORDO_VERIFIES("ORDO-LOT-33", "IND-02");
  const std::string month = UtcDay(Now()).substr(0, 4) + UtcDay(Now()).substr(5, 2);
  auto d = DecideProduceSerials(RunningOp(), Pen(), kPattern, Count(3), 41,
                                Owner({{"DP" + month + "-0043", "FG-PEN"}}), Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->source, "generated");
  EXPECT_EQ(d->material, "FG-PEN");
  EXPECT_EQ(d->stem, "DP" + month + "-{seq:4}");
  EXPECT_EQ(d->serials, (std::vector<std::string>{"DP" + month + "-0042", "DP" + month + "-0044",
                                                  "DP" + month + "-0045"}));
  EXPECT_EQ(d->numbers, (std::vector<std::int64_t>{42, 44, 45}));
  // Running out of digits is refused, not wrapped.
  auto full =
      DecideProduceSerials(RunningOp(), Pen(), kPattern, Count(2), 9998, Owner({}), Context());
  ASSERT_FALSE(full.ok());
  ExpectRefused(full.error(), ErrorCode::kFailedPrecondition, "serial_sequence_exhausted", "count");
}

TEST(ExecutionProduceSerialsTest, ScannedSerialsAreKeptAsGivenAndADuplicateIsRefusedNamingIt) {
  ORDO_VERIFIES("ORDO-LOT-34", "IND-02");
  auto d = DecideProduceSerials(RunningOp(), Pen(), "", Scanned({"SN-1", "SN-2"}), 0,
                                Owner({{"SN-9", "FG-PEN"}}), Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->source, "scanned");
  EXPECT_EQ(d->serials, (std::vector<std::string>{"SN-1", "SN-2"}));
  EXPECT_TRUE(d->numbers.empty());
  auto taken = DecideProduceSerials(RunningOp(), Pen(), "", Scanned({"SN-1", "SN-9"}), 0,
                                    Owner({{"SN-9", "FG-OTHER"}}), Context());
  ASSERT_FALSE(taken.ok());
  ExpectRefused(taken.error(), ErrorCode::kConflict, "duplicate_serial", "serials[1]");
  EXPECT_NE(taken.error().message.find("SN-9"), std::string::npos);
  EXPECT_NE(taken.error().message.find("FG-OTHER"), std::string::npos);
  auto twice = DecideProduceSerials(RunningOp(), Pen(), "", Scanned({"SN-1", "SN-1"}), 0, Owner({}),
                                    Context());
  ASSERT_FALSE(twice.ok());
  ExpectRefused(twice.error(), ErrorCode::kConflict, "duplicate_serial", "serials[1]");
}

TEST(ExecutionProduceSerialsTest, BadInputIsRefusedNamingTheField) {
  ORDO_VERIFIES("ORDO-LOT-35");
  struct Case {
    SerialRequest request;
    std::string pattern;
    ErrorCode code;
    std::string reason, field;
  };
  SerialRequest both = Count(1);
  both.serials = {"SN-1"};
  SerialRequest with_lot = Count(1);
  with_lot.lot = "L-1";
  SerialRequest with_quantity = Count(1);
  with_quantity.quantity = 5;
  SerialRequest other = Count(1);
  other.material = "FG-OTHER";
  const std::vector<Case> cases = {
      {SerialRequest{}, kPattern, ErrorCode::kInvalidArgument, "missing_field", "count"},
      {both, kPattern, ErrorCode::kInvalidArgument, "conflicting_fields", "serials"},
      {with_quantity, kPattern, ErrorCode::kInvalidArgument, "conflicting_fields", "quantity"},
      {with_lot, kPattern, ErrorCode::kFailedPrecondition, "wrong_material", "lot"},
      {other, kPattern, ErrorCode::kFailedPrecondition, "wrong_material", "material"},
      {Count(0), kPattern, ErrorCode::kInvalidArgument, "invalid_quantity", "count"},
      {Count(1001), kPattern, ErrorCode::kInvalidArgument, "invalid_quantity", "count"},
      {Count(1), "", ErrorCode::kFailedPrecondition, "serial_pattern_missing", "count"},
      {Count(1), "DP{hh}{seq:3}", ErrorCode::kFailedPrecondition, "invalid_serial_pattern",
       "count"},
      {Scanned({"SN-1", "bad serial"}), "", ErrorCode::kInvalidArgument, "malformed_id",
       "serials[1]"},
      {Scanned(std::vector<std::string>(1001, "SN")), "", ErrorCode::kInvalidArgument,
       "too_many_serials", "serials"},
  };
  for (const Case& c : cases) {
    auto d =
        DecideProduceSerials(RunningOp(), Pen(), c.pattern, c.request, 0, Owner({}), Context());
    ASSERT_FALSE(d.ok()) << c.reason;
    ExpectRefused(d.error(), c.code, c.reason, c.field);
  }
  // Not running: the operation's state first.
  auto pending =
      DecideProduceSerials(PendingOp(), Pen(), kPattern, Count(1), 0, Owner({}), Context());
  ASSERT_FALSE(pending.ok());
  EXPECT_EQ(pending.error().reason, "invalid_transition");
}

}  // namespace
}  // namespace ordo::execution
