// Unit tests of material consumption: the right material or an approved alternate, a
// released unexpired lot with enough left, positive quantities, and over-consumption as
// an exception (pure domain, no I/O).
#include "mes/execution/domain/consume.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/testing/verifies.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/test_facts.h"

namespace ordo::execution {
namespace {

using namespace testing;
constexpr ErrorCode kState = ErrorCode::kFailedPrecondition;

RecordingContext Context() { return RecordingContext{Now(), 30, std::string("abc123")}; }

TEST(ExecutionConsumeTest, ConsumesAReleasedLotOfTheBomMaterial) {
  ORDO_VERIFIES("ORDO-EXEC-13", "IND-01");
  auto d = DecideConsume(RunningOp(), Bom(), Lot(), 40.0, Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->lot, "L-PCM-0042");
  EXPECT_EQ(d->material, "M-PCM-API");
  EXPECT_EQ(d->bom_material, "M-PCM-API");
  EXPECT_EQ(d->base_unit, "kg");
  EXPECT_EQ(d->base_quantity, 40.0);
  EXPECT_FALSE(d->alternate);
  EXPECT_FALSE(d->over_consumption);
  EXPECT_FALSE(d->exception.has_value());
  // The whole lot may be used: a lot goes to 0, never below.
  EXPECT_TRUE(DecideConsume(RunningOp(), Bom(), Lot(), 102.0, Context()).ok());
}

TEST(ExecutionConsumeTest, AnApprovedAlternateIsAccepted) {
  ORDO_VERIFIES("ORDO-EXEC-13");
  LotFacts lot = Lot();
  lot.material = "M-PCM-API-ALT";
  auto d = DecideConsume(RunningOp(), Bom(), lot, 10.0, Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_TRUE(d->alternate);
  EXPECT_EQ(d->bom_material, "M-PCM-API");
  EXPECT_EQ(d->material, "M-PCM-API-ALT");
}

TEST(ExecutionConsumeTest, AWrongMaterialNamesTheExpectedAndTheScannedMaterial) {
  ORDO_VERIFIES("ORDO-EXEC-13", "ORDO-EXEC-28");
  LotFacts lot = Lot();
  lot.material = "M-LACTOSE";
  auto r = DecideConsume(RunningOp(), Bom(), lot, 1.0, Context());
  ExpectRefused(r, kState, kWrongMaterial, "lot",
                {"M-LACTOSE", "M-PCM-API", "M-PCM-API-ALT", "M-STARCH", "L-PCM-0042"});
  EXPECT_TRUE(IsComplianceRefusal(r.error().reason));
  std::vector<BomFacts> one = {Bom()[1]};
  ExpectRefused(DecideConsume(RunningOp(), one, lot, 1.0, Context()), kState, kWrongMaterial, "lot",
                {"expects M-STARCH."});
}

TEST(ExecutionConsumeTest, AnItemTiedToAnotherOperationIsAWrongMaterialHere) {
  ORDO_VERIFIES("ORDO-EXEC-13", "ORDO-EXEC-44");
  std::vector<BomFacts> bom = Bom();
  bom[0].operation = "10";  // M-PCM-API (or its alternate) is dispensed at 10
  bom[1].operation = "20";  // M-STARCH is consumed at 20, the running operation
  EXPECT_EQ(BomItemsFor("20", bom).size(), 1u);
  EXPECT_EQ(BomItemsFor("30", Bom()).size(), 2u);  // untied items: any operation
  // At operation 20 the API is refused, naming the operation, what it expects and where
  // the API is consumed; the refusal is recorded like any wrong material.
  auto r = DecideConsume(RunningOp(), bom, Lot(), 1.0, Context());
  ExpectRefused(r, kState, kWrongMaterial, "lot",
                {"M-PCM-API", "operation 20 of order PO-1001", "expects M-STARCH.",
                 "consumed at operation 10"});
  EXPECT_TRUE(IsComplianceRefusal(r.error().reason));
  LotFacts alternate = Lot();
  alternate.material = "M-PCM-API-ALT";
  ExpectRefused(DecideConsume(RunningOp(), bom, alternate, 1.0, Context()), kState, kWrongMaterial,
                "lot", {"M-PCM-API-ALT is consumed at operation 10"});
  // The starch is accepted at 20, against its item.
  LotFacts starch = Lot();
  starch.material = "M-STARCH";
  auto d = DecideConsume(RunningOp(), bom, starch, 1.0, Context());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->bom_material, "M-STARCH");
  // An operation with no item of its own expects nothing.
  bom[1].operation = "10";
  ExpectRefused(DecideConsume(RunningOp(), bom, starch, 1.0, Context()), kState, kWrongMaterial,
                "lot", {"expects no material", "consumed at operation 10"});
}

TEST(ExecutionConsumeTest, TheLotMustBeReleased) {
  ORDO_VERIFIES("ORDO-EXEC-14", "ORDO-EXEC-28");
  for (const char* status : {"quarantined", "rejected", "on_hold"}) {
    LotFacts lot = Lot();
    lot.status = status;
    auto r = DecideConsume(RunningOp(), Bom(), lot, 1.0, Context());
    ExpectRefused(r, kState, kLotNotReleased, "lot", {status, "released"});
    EXPECT_TRUE(IsComplianceRefusal(r.error().reason));
  }
}

TEST(ExecutionConsumeTest, AnExpiredLotNamesItsDate) {
  ORDO_VERIFIES("ORDO-EXEC-14", "IND-03");
  LotFacts lot = Lot();
  lot.expiry = "2026-11-29";
  ExpectRefused(DecideConsume(RunningOp(), Bom(), lot, 1.0, Context()), kState, kLotExpired, "lot",
                {"expired on 2026-11-29"});
  // Derived from the server's day even when the stored status still says released;
  // expiring today is still usable.
  lot.expiry = "2026-11-30";
  EXPECT_TRUE(DecideConsume(RunningOp(), Bom(), lot, 1.0, Context()).ok());
  // A retest date passed counts when there is no expiry.
  lot.expiry = "";
  lot.retest = "2026-10-01";
  ExpectRefused(DecideConsume(RunningOp(), Bom(), lot, 1.0, Context()), kState, kLotExpired, "lot",
                {"2026-10-01", "retest"});
  // The effective status says expired.
  lot = Lot();
  lot.status = "expired";
  ExpectRefused(DecideConsume(RunningOp(), Bom(), lot, 1.0, Context()), kState, kLotExpired, "lot");
}

TEST(ExecutionConsumeTest, TheEarlierOfExpiryAndRetestLimitsUseAndUnitsMustAgree) {
  ORDO_VERIFIES("ORDO-EXEC-14", "ORDO-EXEC-13");
  LotFacts lot = Lot();
  lot.expiry = "2099-12-31";
  lot.retest = "2026-10-01";  // passed: the retest date limits use, and is named
  ExpectRefused(DecideConsume(RunningOp(), Bom(), lot, 1.0, Context()), kState, kLotExpired, "lot",
                {"2026-10-01", "retest"});
  // An alternate counted in another unit than its BOM item cannot be compared.
  LotFacts alternate = Lot();
  alternate.material = "M-PCM-API-ALT";
  alternate.base_unit = "g";
  ExpectRefused(DecideConsume(RunningOp(), Bom(), alternate, 1.0, Context()), kState, kUnitMismatch,
                "lot", {"counts in g", "in kg"});
}

TEST(ExecutionConsumeTest, NotMoreThanIsLeftAndMoreThanZero) {
  ORDO_VERIFIES("ORDO-EXEC-15");
  ExpectRefused(DecideConsume(RunningOp(), Bom(), Lot(), 120.5, Context()), kState,
                kInsufficientQuantity, "quantity", {"only 120 kg left", "120.5 kg"});
  // A lot used up (another terminal took the rest) is short of quantity, not a lot that
  // was never released: nothing to record as a compliance refusal.
  LotFacts used_up = Lot();
  used_up.status = "consumed";
  used_up.quantity = 0;
  ExpectRefused(DecideConsume(RunningOp(), Bom(), used_up, 1.0, Context()), kState,
                kInsufficientQuantity, "quantity", {"used up"});
  for (double q : {0.0, -1.0, std::nan("")})
    ExpectRefused(DecideConsume(RunningOp(), Bom(), Lot(), q, Context()),
                  ErrorCode::kInvalidArgument, kInvalidQuantity, "quantity", {"above 0"});
}

TEST(ExecutionConsumeTest, OverConsumptionIsAnExceptionNotASilentSuccess) {
  ORDO_VERIFIES("ORDO-EXEC-16", "IND-03");
  // Planned 100 kg + 2 % scrap = 102 kg; 95 already consumed.
  std::vector<BomFacts> bom = Bom();
  bom[0].consumed = 95.0;
  auto within = DecideConsume(RunningOp(), bom, Lot(), 7.0, Context());
  ASSERT_TRUE(within.ok()) << within.error().message;
  EXPECT_FALSE(within->over_consumption);
  auto over = DecideConsume(RunningOp(), bom, Lot(), 7.5, Context());
  ASSERT_TRUE(over.ok()) << over.error().message;
  EXPECT_TRUE(over->over_consumption);
  ASSERT_TRUE(over->exception.has_value());
  EXPECT_EQ(over->exception->kind, kOverConsumption);
  EXPECT_EQ(over->exception->subject, "M-PCM-API");
  EXPECT_FALSE(over->exception->blocks_completion);
  EXPECT_DOUBLE_EQ(over->exception->details.at("allowed").get<double>(), 102.0);
  EXPECT_EQ(over->exception->details.at("lot"), "L-PCM-0042");
  EXPECT_NE(over->exception->message.find("102.5 kg"), std::string::npos)
      << over->exception->message;
  // The same rule for an alternate: it counts against its BOM item.
  LotFacts alt = Lot();
  alt.material = "M-PCM-API-ALT";
  EXPECT_TRUE(DecideConsume(RunningOp(), bom, alt, 7.5, Context())->over_consumption);
}

TEST(ExecutionConsumeTest, ChecksComeInTheDocumentedOrder) {
  ORDO_VERIFIES("ORDO-EXEC-12", "ORDO-EXEC-13", "ORDO-EXEC-14");
  LotFacts lot = Lot();
  lot.material = "M-LACTOSE";
  lot.status = "quarantined";
  lot.quantity = 0;
  ExpectRefused(DecideConsume(RunningOp(), Bom(), lot, 1.0, Context()), kState, kWrongMaterial,
                "lot");
  RecordingContext not_acked = Context();
  not_acked.acknowledged_hash.reset();
  ExpectRefused(DecideConsume(RunningOp(), Bom(), lot, -1.0, not_acked), kState,
                kInstructionsNotAcknowledged, "operation");
  lot = Lot();
  lot.status = "quarantined";
  lot.expiry = "2026-01-01";
  ExpectRefused(DecideConsume(RunningOp(), Bom(), lot, 1.0, Context()), kState, kLotExpired, "lot");
}

}  // namespace
}  // namespace ordo::execution
