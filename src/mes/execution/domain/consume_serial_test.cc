// Unit tests of component serial consumption: the BOM item's material or an approved
// alternate, a serial consumed once, a running operation (pure domain, no I/O).
#include "mes/execution/domain/consume_serial.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/test_facts.h"

namespace ordo::execution {
namespace {

using namespace testing;

RecordingContext Context() { return RecordingContext{Now(), 30, std::string("abc123")}; }
SerialFacts Module(const std::string& material = "M-PCM-API") {
  return SerialFacts{"DLM-0001", material, "released", "WO-SUB-1", "", {}};
}

TEST(ExecutionConsumeSerialTest, ASerialOfABomMaterialOrAnAlternateIsConsumed) {
  ORDO_VERIFIES("ORDO-LOT-36", "IND-01");
  auto d = DecideConsumeSerial(RunningOp(), Bom(), Module(), Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->serial, "DLM-0001");
  EXPECT_EQ(d->material, "M-PCM-API");
  EXPECT_EQ(d->bom_material, "M-PCM-API");
  EXPECT_FALSE(d->alternate);
  auto alt = DecideConsumeSerial(RunningOp(), Bom(), Module("M-PCM-API-ALT"), Context());
  ASSERT_TRUE(alt.ok()) << alt.error().message;
  EXPECT_EQ(alt->bom_material, "M-PCM-API");
  EXPECT_TRUE(alt->alternate);
}

TEST(ExecutionConsumeSerialTest, AnotherMaterialAConsumedSerialAndAStoppedOperationAreRefused) {
  ORDO_VERIFIES("ORDO-LOT-37");
  ExpectRefused(DecideConsumeSerial(RunningOp(), Bom(), Module("M-OTHER"), Context()),
                ErrorCode::kFailedPrecondition, "wrong_material", "serial",
                {"DLM-0001", "M-OTHER", "M-PCM-API"});
  SerialFacts used = Module();
  used.state = "consumed";
  used.consumed_order_id = "WO-PEN-7";
  ExpectRefused(DecideConsumeSerial(RunningOp(), Bom(), used, Context()),
                ErrorCode::kFailedPrecondition, "serial_consumed", "serial",
                {"DLM-0001", "WO-PEN-7"});
  auto pending = DecideConsumeSerial(PendingOp(), Bom(), Module(), Context());
  ASSERT_FALSE(pending.ok());
  EXPECT_EQ(pending.error().reason, "invalid_transition");
  // wrong_material is a compliance refusal (recorded); serial_consumed is not.
  EXPECT_TRUE(IsComplianceRefusal("wrong_material"));
  EXPECT_FALSE(IsComplianceRefusal("serial_consumed"));
}

TEST(ExecutionConsumeSerialTest, OnlyAReleasedSerialUntouchedByAnOpenDeviationIsConsumed) {
  ORDO_VERIFIES("ORDO-LOT-45", "ORDO-LOT-46", "IND-02");
  for (const char* state : {"quarantined", "on_hold", "rejected"}) {
    SerialFacts s = Module();
    s.state = state;
    ExpectRefused(DecideConsumeSerial(RunningOp(), Bom(), s, Context()),
                  ErrorCode::kFailedPrecondition, "serial_not_released", "serial",
                  {"DLM-0001", state});
  }
  // Recorded as a refused attempt, like a lot that is not released.
  EXPECT_TRUE(IsComplianceRefusal("serial_not_released"));
  SerialFacts touched = Module();
  touched.open_deviations = {"DV-000007", "DV-000009"};
  ExpectRefused(DecideConsumeSerial(RunningOp(), Bom(), touched, Context()),
                ErrorCode::kFailedPrecondition, "open_deviation", "serial",
                {"DLM-0001", "DV-000007", "DV-000009"});
  EXPECT_FALSE(IsComplianceRefusal("open_deviation"));
}

TEST(ExecutionConsumeSerialTest, EachSerialCountsOneUnitTowardTheItemsOverConsumption) {
  ORDO_VERIFIES("ORDO-LOT-47");
  // 100 kg planned plus 2 % scrap allows 102: the 102nd unit is within, the 103rd beyond.
  std::vector<BomFacts> bom = Bom();
  bom[0].consumed = 101;
  auto within = DecideConsumeSerial(RunningOp(), bom, Module(), Context());
  ASSERT_TRUE(within.ok()) << within.error().message;
  EXPECT_FALSE(within->over_consumption);
  EXPECT_FALSE(within->exception.has_value());
  bom[0].consumed = 102;
  auto over = DecideConsumeSerial(RunningOp(), bom, Module("M-PCM-API-ALT"), Context());
  ASSERT_TRUE(over.ok()) << over.error().message;
  EXPECT_TRUE(over->over_consumption);
  ASSERT_TRUE(over->exception.has_value());
  EXPECT_EQ(over->exception->kind, "over_consumption");
  EXPECT_EQ(over->exception->subject, "M-PCM-API");
  EXPECT_NE(over->exception->message.find("103 kg"), std::string::npos) << over->exception->message;
  EXPECT_EQ(over->exception->details["serial"], "DLM-0001");
  EXPECT_EQ(over->exception->details["consumed_before"], 102.0);
}

}  // namespace
}  // namespace ordo::execution
