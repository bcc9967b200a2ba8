// Unit tests of receiving a lot: the command alone, the material, an earlier receipt.
#include "mes/lots/domain/receive.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::lots {
namespace {

Json Api() {
  return Json{{"id", "RM-PCM-API"},
              {"base_unit", "kg"},
              {"conversions", Json::array({{{"unit", "g"}, {"factor", 0.001}},
                                           {{"unit", "drum"}, {"factor", 25}}})},
              {"shelf_life_days", 1825},
              {"tracking", "lot"}};
}

ReceiveLot Good() {
  ReceiveLot c;
  c.lot = "RM-API-0001";
  c.material = "RM-PCM-API";
  c.supplier = "Acme Pharma Chemicals";
  c.supplier_lot = "AC/2026/117";
  c.quantity = 4;
  c.unit = "drum";
  c.expiry = "2029-10-31";
  return c;
}

void ExpectInvalid(ReceiveLot c, const std::string& field, const std::string& reason) {
  Status s = ValidateReceive(c);
  ASSERT_FALSE(s.ok()) << "accepted, expected " << field;
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field, field) << s.error().message;
  EXPECT_EQ(s.error().reason, reason) << s.error().message;
}

TEST(ValidateReceive, EachFieldIsCheckedAndNamed) {
  ORDO_VERIFIES("ORDO-LOT-01", "ORDO-LOT-15");
  EXPECT_TRUE(ValidateReceive(Good()).ok());
  ReceiveLot c = Good();
  c.lot = "";
  ExpectInvalid(c, "lot", "missing_field");
  for (const char* bad : {"-LOT", "LOT 1", "LOT/1", "LÖT"}) {
    c.lot = bad;
    ExpectInvalid(c, "lot", "malformed_id");
  }
  c.lot = std::string(65, 'A');
  ExpectInvalid(c, "lot", "malformed_id");
  c = Good();
  c.material = "";
  ExpectInvalid(c, "material", "missing_field");
  c = Good();
  c.supplier = "";
  ExpectInvalid(c, "supplier", "missing_field");
  c.supplier = std::string(201, 's');
  ExpectInvalid(c, "supplier", "too_long");
  c = Good();
  c.supplier_lot = "A\tB";
  ExpectInvalid(c, "supplier_lot", "malformed");
  c = Good();
  for (double q : {0.0, -1.0, std::nan("")}) {
    c.quantity = q;
    ExpectInvalid(c, "quantity", "invalid_quantity");
  }
  c = Good();
  c.unit = "";
  ExpectInvalid(c, "unit", "missing_field");
  c = Good();
  c.expiry = "31.10.2029";
  ExpectInvalid(c, "expiry", "invalid_date");
  c = Good();
  c.retest = "2029-02-30";
  ExpectInvalid(c, "retest", "invalid_date");
}

TEST(DecideReceive, ConvertsToTheBaseUnitAndArrivesQuarantined) {
  ORDO_VERIFIES("ORDO-LOT-02", "ORDO-LOT-03", "DI-05");
  auto d = DecideReceive(Good(), Api(), std::nullopt);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->outcome, ReceiptOutcome::kCreated);
  EXPECT_DOUBLE_EQ(d->received.base_quantity, 100);
  EXPECT_EQ(d->received.base_unit, "kg");
  EXPECT_EQ(d->received.quantity, 4);
  EXPECT_EQ(d->received.unit, "drum");
  ReceiveLot grams = Good();
  grams.quantity = 2500;
  grams.unit = "g";
  EXPECT_DOUBLE_EQ(DecideReceive(grams, Api(), std::nullopt)->received.base_quantity, 2.5);
}

TEST(DecideReceive, RefusesUnknownUnitsMaterialsUntrackedMaterialsAndMissingDates) {
  ORDO_VERIFIES("ORDO-LOT-02", "ORDO-LOT-01");
  ReceiveLot c = Good();
  c.unit = "lb";
  auto unit = DecideReceive(c, Api(), std::nullopt);
  ASSERT_FALSE(unit.ok());
  EXPECT_EQ(unit.error().field, "unit");
  EXPECT_EQ(unit.error().reason, "unknown_unit");
  auto none = DecideReceive(Good(), std::nullopt, std::nullopt);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "material");
  EXPECT_EQ(none.error().reason, "unknown_material");
  Json water = Api();
  water["tracking"] = "none";
  auto untracked = DecideReceive(Good(), water, std::nullopt);
  ASSERT_FALSE(untracked.ok());
  EXPECT_EQ(untracked.error().reason, "not_lot_tracked");
  Json serial = Api();
  serial["tracking"] = "serial";
  EXPECT_TRUE(DecideReceive(Good(), serial, std::nullopt).ok());
  c = Good();
  c.expiry = "";
  auto undated = DecideReceive(c, Api(), std::nullopt);
  ASSERT_FALSE(undated.ok());
  EXPECT_EQ(undated.error().field, "expiry");
  c.retest = "2027-10-31";
  EXPECT_TRUE(DecideReceive(c, Api(), std::nullopt).ok());
  Json no_shelf_life = Api();
  no_shelf_life.erase("shelf_life_days");
  c.retest = "";
  EXPECT_TRUE(DecideReceive(c, no_shelf_life, std::nullopt).ok());
  // An already expired lot is recorded (it shows expired and cannot be released).
  c = Good();
  c.expiry = "2001-01-01";
  EXPECT_TRUE(DecideReceive(c, Api(), std::nullopt).ok());
}

TEST(DecideReceive, TheSameReceiptIsUnchangedAndADifferentOneAConflict) {
  ORDO_VERIFIES("ORDO-LOT-11", "A11-03");
  auto first = DecideReceive(Good(), Api(), std::nullopt);
  ASSERT_TRUE(first.ok());
  ReceiveLot again = Good();
  again.source = "import";  // where it came from does not matter
  auto same = DecideReceive(again, std::nullopt, first->received);
  ASSERT_TRUE(same.ok()) << same.error().message;
  EXPECT_EQ(same->outcome, ReceiptOutcome::kUnchanged);
  ReceiveLot more = Good();
  more.quantity = 5;
  auto conflict = DecideReceive(more, Api(), first->received);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().code, ErrorCode::kConflict);
  EXPECT_EQ(conflict.error().reason, "lot_conflict");
  EXPECT_EQ(conflict.error().field, "quantity");
  EXPECT_NE(conflict.error().message.find("'4'"), std::string::npos) << conflict.error().message;
  ReceiveLot other_supplier = Good();
  other_supplier.supplier_lot = "AC/2026/118";
  EXPECT_EQ(DecideReceive(other_supplier, Api(), first->received).error().field, "supplier_lot");
}

}  // namespace
}  // namespace ordo::lots
