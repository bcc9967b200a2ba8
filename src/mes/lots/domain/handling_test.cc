// Unit tests of split, merge and move (pure domain, no I/O): quantities in base units
// never below zero, merges only of one material and one status, every refusal naming
// its field.
#include "mes/lots/domain/handling.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/testing/verifies.h"

namespace ordo::lots {
namespace {

constexpr TimeMicros kNow = 1'800'000'000'000'000;  // 2027-01-15

Lot Make(const std::string& id, const std::string& state = "released", double quantity = 100) {
  Lot l;
  l.lot = id;
  l.material = "RM-PCM-API";
  l.supplier = "Acme";
  l.supplier_lot = "S-1";
  l.base_unit = "kg";
  l.expiry = "2099-01-31";
  l.state = state;
  l.received_quantity = quantity;
  l.quantity = quantity;
  l.location = "WH-A";
  return l;
}

void ExpectRefused(const Error& e, const std::string& reason, const std::string& field) {
  EXPECT_EQ(e.reason, reason) << e.message;
  EXPECT_EQ(e.field, field) << e.message;
  EXPECT_FALSE(e.message.empty());
}

TEST(LotHandlingTest, ASplitMovesPartOfTheQuantityToANewSublot) {
  ORDO_VERIFIES("ORDO-LOT-24", "IND-08");
  auto d = DecideSplit(Make("L-1"), "L-1-A", false, 40, "", "sampling");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->lot, "L-1");
  EXPECT_EQ(d->sublot, "L-1-A");
  EXPECT_EQ(d->base_quantity, 40);
  EXPECT_EQ(d->location, "WH-A");  // the parent's location by default
  EXPECT_EQ(d->reason, "sampling");
  auto elsewhere = DecideSplit(Make("L-1"), "L-1-B", false, 0.5, "LINE-2", "");
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_EQ(elsewhere->location, "LINE-2");
}

TEST(LotHandlingTest, ASplitRefusesBadQuantitiesIdsAndEndedLots) {
  ORDO_VERIFIES("ORDO-LOT-25");
  for (double q : {0.0, -1.0, 100.0, 150.0, std::nan("")})
    ExpectRefused(DecideSplit(Make("L-1"), "L-1-A", false, q, "", "").error(), "invalid_quantity",
                  "quantity");
  ExpectRefused(DecideSplit(Make("L-1"), "", false, 10, "", "").error(), "missing_field", "sublot");
  ExpectRefused(DecideSplit(Make("L-1"), "bad id", false, 10, "", "").error(), "malformed_id",
                "sublot");
  ExpectRefused(DecideSplit(Make("L-1"), "L-2", true, 10, "", "").error(), "duplicate_lot",
                "sublot");
  ExpectRefused(DecideSplit(Make("L-1"), "L-1", false, 10, "", "").error(), "duplicate_lot",
                "sublot");
  for (const char* ended : {"consumed", "rejected"})
    ExpectRefused(DecideSplit(Make("L-1", ended), "L-1-A", false, 10, "", "").error(),
                  "invalid_transition", "lot");
}

TEST(LotHandlingTest, AMergeTakesTheWholeQuantityOfLotsOfOneMaterialAndStatus) {
  ORDO_VERIFIES("ORDO-LOT-26");
  auto d = DecideMerge(Make("L-1"), {Make("L-2", "released", 30), Make("L-3", "released", 5)},
                       "consolidate", kNow);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->into, "L-1");
  ASSERT_EQ(d->from.size(), 2u);
  EXPECT_EQ(d->from[0].lot, "L-2");
  EXPECT_EQ(d->from[0].base_quantity, 30);
  EXPECT_EQ(d->from[1].base_quantity, 5);
}

TEST(LotHandlingTest, AMergeOfAnotherMaterialOrStatusIsInvalidMerge) {
  ORDO_VERIFIES("ORDO-LOT-27", "ORDO-LOT-30");
  ExpectRefused(DecideMerge(Make("L-1"), {Make("L-2", "quarantined")}, "", kNow).error(),
                "invalid_merge", "from[0]");
  Lot other = Make("L-2");
  other.material = "RM-STARCH";
  ExpectRefused(DecideMerge(Make("L-1"), {Make("L-3"), other}, "", kNow).error(), "invalid_merge",
                "from[1]");
  Lot grams = Make("L-2");
  grams.base_unit = "g";
  ExpectRefused(DecideMerge(Make("L-1"), {grams}, "", kNow).error(), "invalid_merge", "from[0]");
  Lot expired = Make("L-2");
  expired.expiry = "2020-01-01";
  ExpectRefused(DecideMerge(Make("L-1"), {expired}, "", kNow).error(), "invalid_merge", "from[0]");
  // Two held lots: the same effective status, but one was released and one was not.
  Lot held_released = Make("L-1", "on_hold");
  held_released.held_from = "released";
  Lot held_quarantined = Make("L-2", "on_hold");
  held_quarantined.held_from = "quarantined";
  auto held = DecideMerge(held_released, {held_quarantined}, "", kNow);
  ASSERT_FALSE(held.ok());
  ExpectRefused(held.error(), "invalid_merge", "from[0]");
  EXPECT_NE(held.error().message.find("quarantined"), std::string::npos) << held.error().message;
  // A merge never extends a date.
  Lot later = Make("L-2");
  later.retest = "2099-01-01";
  ExpectRefused(DecideMerge(Make("L-1"), {later}, "", kNow).error(), "invalid_merge", "from[0]");
  ExpectRefused(DecideMerge(Make("L-1"), {Make("L-1")}, "", kNow).error(), "invalid_merge",
                "from[0]");
  ExpectRefused(DecideMerge(Make("L-1"), {Make("L-2"), Make("L-2")}, "", kNow).error(),
                "invalid_merge", "from[1]");
  ExpectRefused(DecideMerge(Make("L-1"), {}, "", kNow).error(), "missing_field", "from");
  ExpectRefused(DecideMerge(Make("L-1", "consumed"), {Make("L-2", "consumed")}, "", kNow).error(),
                "invalid_transition", "into");
}

TEST(LotHandlingTest, AMoveNamesBothLocationsAndRefusesNoOps) {
  ORDO_VERIFIES("ORDO-LOT-28");
  auto d = DecideMove(Make("L-1"), "LINE-2", "staging");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->from_location, "WH-A");
  EXPECT_EQ(d->to_location, "LINE-2");
  ExpectRefused(DecideMove(Make("L-1"), "", "").error(), "missing_field", "location");
  ExpectRefused(DecideMove(Make("L-1"), std::string(65, 'x'), "").error(), "too_long", "location");
  ExpectRefused(DecideMove(Make("L-1"), "WH-A", "").error(), "same_location", "location");
  ExpectRefused(DecideMove(Make("L-1", "consumed"), "LINE-2", "").error(), "invalid_transition",
                "lot");
}

}  // namespace
}  // namespace ordo::lots
