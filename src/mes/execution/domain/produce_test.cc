// Unit tests of output lot production: the product's material only, a quantity above 0,
// a valid expiry, a new lot id, and a running operation (pure domain, no I/O).
#include "mes/execution/domain/produce.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/testing/verifies.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/test_facts.h"

namespace ordo::execution {
namespace {

using namespace testing;

RecordingContext Context() { return RecordingContext{Now(), 30, std::string("abc123")}; }
ProductFacts Product() { return ProductFacts{"M-PCM-GRAN", "lot", "kg"}; }
ProduceRequest Request() { return ProduceRequest{"L-GRAN-0001", "", 95.5, "2028-01-31", ""}; }

TEST(ExecutionProduceTest, ProducesALotOfTheProductAtTheWorkUnit) {
  ORDO_VERIFIES("ORDO-LOT-20", "IND-08");
  auto d = DecideProduce(RunningOp(), Product(), Request(), false, Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->lot, "L-GRAN-0001");
  EXPECT_EQ(d->material, "M-PCM-GRAN");
  EXPECT_EQ(d->base_unit, "kg");
  EXPECT_EQ(d->base_quantity, 95.5);
  EXPECT_EQ(d->expiry, "2028-01-31");
  EXPECT_EQ(d->location, "WU-GRAN-01");
  ProduceRequest elsewhere = Request();
  elsewhere.location = "WH-QUARANTINE";
  elsewhere.material = "M-PCM-GRAN";  // naming the product's material is fine
  auto e = DecideProduce(RunningOp(), Product(), elsewhere, false, Context());
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->location, "WH-QUARANTINE");
}

TEST(ExecutionProduceTest, AnotherMaterialIsWrongMaterialNamingBoth) {
  ORDO_VERIFIES("ORDO-LOT-21");
  ProduceRequest r = Request();
  r.material = "M-PCM-API";
  auto d = DecideProduce(RunningOp(), Product(), r, false, Context());
  ExpectRefused(d, ErrorCode::kFailedPrecondition, kWrongMaterial, "material");
  EXPECT_NE(d.error().message.find("M-PCM-API"), std::string::npos);
  EXPECT_NE(d.error().message.find("M-PCM-GRAN"), std::string::npos);
  ProductFacts serial = Product();
  serial.tracking = "serial";
  ExpectRefused(DecideProduce(RunningOp(), serial, Request(), false, Context()),
                ErrorCode::kFailedPrecondition, kWrongMaterial, "lot");
}

TEST(ExecutionProduceTest, BadQuantityExpiryOrLotIdIsRefusedNamingTheField) {
  ORDO_VERIFIES("ORDO-LOT-21");
  for (double q : {0.0, -1.0, std::nan(""), double(INFINITY)}) {
    ProduceRequest r = Request();
    r.base_quantity = q;
    ExpectRefused(DecideProduce(RunningOp(), Product(), r, false, Context()),
                  ErrorCode::kInvalidArgument, kInvalidQuantity, "quantity");
  }
  for (const char* date : {"2028-13-01", "31.01.2028", "2028-1-31", "tomorrow"}) {
    ProduceRequest r = Request();
    r.expiry = date;
    ExpectRefused(DecideProduce(RunningOp(), Product(), r, false, Context()),
                  ErrorCode::kInvalidArgument, "invalid_date", "expiry");
  }
  ProduceRequest r = Request();
  r.lot = "";
  ExpectRefused(DecideProduce(RunningOp(), Product(), r, false, Context()),
                ErrorCode::kInvalidArgument, "missing_field", "lot");
  r.lot = "-bad lot";
  ExpectRefused(DecideProduce(RunningOp(), Product(), r, false, Context()),
                ErrorCode::kInvalidArgument, "malformed_id", "lot");
  ExpectRefused(DecideProduce(RunningOp(), Product(), Request(), true, Context()),
                ErrorCode::kConflict, kDuplicateLot, "lot");
}

TEST(ExecutionProduceTest, OnlyARunningOperationProduces) {
  ORDO_VERIFIES("ORDO-LOT-22");
  OperationFacts pending = RunningOp();
  pending.state = kOpPending;
  ExpectRefused(DecideProduce(pending, Product(), Request(), false, Context()),
                ErrorCode::kFailedPrecondition, kInvalidTransition, "operation");
  OperationFacts completed = RunningOp();
  completed.state = kOpCompleted;
  ExpectRefused(DecideProduce(completed, Product(), Request(), false, Context()),
                ErrorCode::kFailedPrecondition, kInvalidTransition, "operation");
  OperationFacts paused = RunningOp();
  paused.state = kOpPaused;
  ExpectRefused(DecideProduce(paused, Product(), Request(), false, Context()),
                ErrorCode::kFailedPrecondition, kInvalidTransition, "operation");
  RecordingContext unacknowledged = Context();
  unacknowledged.acknowledged_hash.reset();
  ExpectRefused(DecideProduce(RunningOp(), Product(), Request(), false, unacknowledged),
                ErrorCode::kFailedPrecondition, kInstructionsNotAcknowledged, "operation");
}

}  // namespace
}  // namespace ordo::execution
