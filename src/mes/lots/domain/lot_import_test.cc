// Unit tests of the lot CSV import: parsing, per-row errors and idempotency.
#include "mes/lots/domain/lot_import.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::lots {
namespace {

const std::string kHeader = std::string(kImportHeader) + "\n";

Json Api() {
  return Json{{"base_unit", "kg"},
              {"conversions", Json::array({{{"unit", "drum"}, {"factor", 25}}})},
              {"shelf_life_days", 1825},
              {"tracking", "lot"}};
}

MaterialLookup Materials() {
  return [](const std::string& id) -> Result<std::optional<Json>> {
    if (id == "RM-PCM-API") return std::optional<Json>(Api());
    return std::optional<Json>();
  };
}

ReceiptLookup Stored(std::map<std::string, LotReceived> lots = {}) {
  return [lots](const std::string& lot) -> Result<std::optional<LotReceived>> {
    auto it = lots.find(lot);
    if (it == lots.end()) return std::optional<LotReceived>();
    return std::optional<LotReceived>(it->second);
  };
}

TEST(ParseLotCsv, QuotedFieldsCrlfAndBlankLines) {
  ORDO_VERIFIES("ORDO-LOT-10", "A11-03");
  const std::string csv =
      "\xEF\xBB\xBFlot,material,supplier,supplier_lot,quantity,unit,expiry,retest\r\n"
      "L-1,RM-PCM-API,\"Acme, Inc.\",\"A\"\"1\",4,drum,2029-10-31,\r\n"
      "\r\n"
      "L-2,RM-PCM-API,\"Multi\nline\",B-2,12.5,kg,,2027-01-31\r\n"
      "L-3,RM-PCM-API,Acme,B-3,1,kg,2029-01-01,";
  auto rows = ParseLotCsv(csv);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  const ImportRow& a = (*rows)[0];
  EXPECT_EQ(a.line, 2);
  EXPECT_TRUE(a.errors.empty());
  EXPECT_EQ(a.command.supplier, "Acme, Inc.");
  EXPECT_EQ(a.command.supplier_lot, "A\"1");
  EXPECT_EQ(a.command.quantity, 4);
  EXPECT_EQ(a.command.source, "import");
  EXPECT_EQ((*rows)[1].line, 4);
  EXPECT_EQ((*rows)[1].command.retest, "2027-01-31");
  EXPECT_EQ((*rows)[1].command.quantity, 12.5);
  // The quoted line break: the row after it is on line 6.
  EXPECT_EQ((*rows)[2].line, 6);
}

TEST(ParseLotCsv, WholeFileErrorsNameTheContent) {
  ORDO_VERIFIES("ORDO-LOT-10", "ORDO-LOT-15", "A11-03");
  for (const std::string bad :
       {std::string(""), std::string("lot,material\nL-1,X\n"),
        std::string("lot,material,supplier,supplier_lot,qty,unit,expiry,retest\n"),
        kHeader + "L-1,RM-PCM-API,\"Acme,B,1,kg,,\n"}) {
    auto r = ParseLotCsv(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "content");
  }
  EXPECT_NE(ParseLotCsv(kHeader + "L-1,RM,\"x\n").error().message.find("line 2"),
            std::string::npos);
  EXPECT_EQ(
      ParseLotCsv("lot,material,supplier,supplier_lot,qty,unit,expiry,retest\n").error().reason,
      "wrong_header");
}

TEST(ParseLotCsv, BadRowsCarryTheirFieldsAndTheOthersStillParse) {
  ORDO_VERIFIES("ORDO-LOT-10", "ORDO-LOT-15", "A11-03");
  auto rows = ParseLotCsv(kHeader +
                          "L-1,RM-PCM-API,Acme,A,lots,kg,2029-01-01,\n"
                          "L 2,RM-PCM-API,Acme,A,1,kg,2029-01-01,\n"
                          "L-3,RM-PCM-API,Acme\n"
                          "L-4,RM-PCM-API,Acme,A,1,kg,2029-01-01,\n");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 4u);
  ASSERT_EQ((*rows)[0].errors.size(), 1u);
  EXPECT_EQ((*rows)[0].errors[0].field, "quantity");
  EXPECT_EQ((*rows)[1].errors[0].field, "lot");
  EXPECT_EQ((*rows)[2].errors[0].field, "row");
  EXPECT_TRUE((*rows)[3].errors.empty());
  double q = 0;
  EXPECT_TRUE(ParseQuantity(" 1e3 ", &q));
  EXPECT_EQ(q, 1000);
  EXPECT_FALSE(ParseQuantity("1,5", &q));
  EXPECT_FALSE(ParseQuantity("inf", &q));
  EXPECT_FALSE(ParseQuantity("", &q));
}

TEST(DecideImport, ReportsEveryRowAndImportsTheGoodOnes) {
  ORDO_VERIFIES("ORDO-LOT-10", "ORDO-LOT-02");
  auto rows = ParseLotCsv(kHeader +
                          "L-1,RM-PCM-API,Acme,A,4,drum,2029-01-01,\n"
                          "L-2,RM-PCM-API,Acme,A,4,lb,2029-01-01,\n"
                          "L-3,RM-NOPE,Acme,A,4,kg,2029-01-01,\n"
                          "L-4,RM-PCM-API,Acme,A,-4,kg,2029-01-01,\n");
  ASSERT_TRUE(rows.ok());
  auto d = DecideImport(*rows, Materials(), Stored());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->created, 1);
  EXPECT_EQ(d->refused, 3);
  ASSERT_EQ(d->events.size(), 1u);
  EXPECT_EQ(d->events[0].payload["base_quantity"], 100.0);
  EXPECT_EQ(d->rows[1].line, 3);
  EXPECT_EQ(d->rows[1].errors[0].field, "unit");
  EXPECT_EQ(d->rows[2].errors[0].field, "material");
  EXPECT_EQ(d->rows[3].errors[0].field, "quantity");
}

TEST(DecideImport, TheSameFileTwiceCreatesNothingAndAChangedRowIsAConflict) {
  ORDO_VERIFIES("ORDO-LOT-11", "A11-03");
  const std::string csv = kHeader +
                          "L-1,RM-PCM-API,Acme,A,4,drum,2029-01-01,\n"
                          "L-1,RM-PCM-API,Acme,A,4,drum,2029-01-01,\n"
                          "L-1,RM-PCM-API,Acme,A,5,drum,2029-01-01,\n";
  auto rows = ParseLotCsv(csv);
  ASSERT_TRUE(rows.ok());
  auto first = DecideImport(*rows, Materials(), Stored());
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->created, 1);
  EXPECT_EQ(first->unchanged, 1);  // the repeated row in the same file
  EXPECT_EQ(first->rows[2].outcome, "conflict");
  EXPECT_EQ(first->rows[2].errors[0].field, "quantity");
  auto stored = ledger::ReadPayload<LotReceived>(first->events[0].payload);
  ASSERT_TRUE(stored.ok());
  auto second = DecideImport(*rows, Materials(), Stored({{"L-1", stored.value()}}));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->created, 0);
  EXPECT_EQ(second->unchanged, 2);
  EXPECT_EQ(second->refused, 1);
  EXPECT_TRUE(second->events.empty());
}

}  // namespace
}  // namespace ordo::lots
