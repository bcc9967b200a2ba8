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
  return SerialFacts{"DLM-0001", material, "produced", "WO-SUB-1", ""};
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

}  // namespace
}  // namespace ordo::execution
