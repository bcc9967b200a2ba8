// Unit tests of reading ERP order files and classifying their rows (pure).
#include "mes/orders/domain/import.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::orders {
namespace {

const std::string kHeader = "order_id,product,quantity,unit,due_date,priority,customer_order";

ProductFacts Facts() {
  ProductFacts f;
  f.in_force = true;
  f.material = "FG-1";
  f.material_content = Json{{"id", "FG-1"}, {"base_unit", "ea"}};
  return f;
}

TEST(CsvImport, ReadsQuotedFieldsCrlfAndAnyColumnOrder) {
  ORDO_VERIFIES("ORDO-ORDER-02");
  auto rows = ParseCsvOrders(
      "\xEF\xBB\xBF"
      "product,order_id,quantity,unit,due_date,priority,customer_order\r\n"
      "PD-1,PO-1,1500,ea,2026-12-15,2,\"ACME, Inc. \"\"rush\"\"\"\r\n"
      "\r\n"
      "PD-1,PO-2,12.5,ea,2026-12-16T08:00:00Z,,\"multi\nline\"\r\n"
      "PD-1,PO-3,7,ea,2026-12-17,9,CO-3");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  const auto& r1 = (*rows)[0];
  EXPECT_EQ(r1.line, 2);
  EXPECT_TRUE(r1.errors.empty());
  EXPECT_EQ(r1.order.order_id, "PO-1");
  EXPECT_EQ(r1.order.product, "PD-1");
  EXPECT_EQ(r1.order.quantity, 1500);
  EXPECT_EQ(r1.order.priority, 2);
  EXPECT_EQ(r1.order.customer_order, "ACME, Inc. \"rush\"");
  const auto& r2 = (*rows)[1];
  EXPECT_EQ(r2.line, 4) << "the blank line 3 counts";
  EXPECT_EQ(r2.order.quantity, 12.5);
  EXPECT_EQ(r2.order.priority, kDefaultPriority) << "an empty priority is the default";
  EXPECT_EQ(r2.order.customer_order, "multi\nline");
  EXPECT_EQ((*rows)[2].line, 6) << "a quoted line break moves the physical line";
}

TEST(CsvImport, BadRowsAreReportedByLineAndField) {
  ORDO_VERIFIES("ORDO-ORDER-02", "ORDO-ORDER-15");
  auto rows = ParseCsvOrders(kHeader +
                             "\n"
                             "PO-1,PD-1,abc,ea,2026-12-15,5,\n"
                             "PO-2,PD-1,10,ea,2026-12-15\n"
                             "PO-3,PD-1,10,ea,2026-12-15,high,\n"
                             "PO-4,PD-1,10,ea,yesterday,5,\n");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[0].line, 2);
  ASSERT_EQ((*rows)[0].errors.size(), 1u);
  EXPECT_EQ((*rows)[0].errors[0].field, "quantity");
  EXPECT_EQ((*rows)[1].errors[0].field, "row");
  EXPECT_EQ((*rows)[1].order.order_id, "PO-2") << "the report still names the order";
  EXPECT_EQ((*rows)[2].errors[0].field, "priority");
  // Reading found nothing wrong with row 5; the decision refuses its due date.
  EXPECT_TRUE((*rows)[3].errors.empty());
  OrderDecision d = DecideImportRow((*rows)[3], Facts());
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].field, "due_date");
  // A quantity that did not read is not refused a second time by the checks.
  OrderDecision q = DecideImportRow((*rows)[0], Facts());
  ASSERT_EQ(q.errors.size(), 1u);
  EXPECT_EQ(q.errors[0].reason, "invalid_quantity");
  EXPECT_EQ(DecideImportRow((*rows)[1], Facts()).errors.size(), 1u);
}

TEST(CsvImport, AFileThatCannotBeReadIsRefusedAsAWhole) {
  ORDO_VERIFIES("ORDO-ORDER-02", "ORDO-ORDER-15");
  const std::vector<std::string> bad_files = {
      "",
      "order_id,product\nPO-1,PD-1\n",
      "order_id,product,quantity,unit,due_date,priority,customer_order,colour\n",
      "order_id,order_id,quantity,unit,due_date,priority,customer_order\n",
      kHeader + "\n",
      kHeader + "\nPO-1,\"PD-1,10,ea,2026-12-15,5,\n"};
  for (const std::string& bad : bad_files) {
    auto rows = ParseCsvOrders(bad);
    ASSERT_FALSE(rows.ok()) << bad;
    EXPECT_EQ(rows.error().field, "content");
    EXPECT_EQ(rows.error().code, ErrorCode::kInvalidArgument);
  }
  std::string many = kHeader + "\n";
  for (std::size_t i = 0; i <= kMaxImportRows; ++i)
    many += "PO-" + std::to_string(i) + ",PD-1,1,ea,2026-12-15,5,\n";
  EXPECT_FALSE(ParseCsvOrders(many).ok());
}

TEST(JsonImport, ReadsAnArrayOfObjectsWithTheSameNames) {
  ORDO_VERIFIES("ORDO-ORDER-03");
  auto rows = ParseJsonOrders(R"([
    {"order_id":"PO-1","product":"PD-1","quantity":1500,"unit":"ea","due_date":"2026-12-15",
     "priority":2,"customer_order":"CO-1"},
    {"order_id":"PO-2","product":"PD-1","quantity":"12.5","unit":"ea","due_date":"2026-12-15",
     "priority":null},
    "not an object",
    {"order_id":"PO-4","product":"PD-1","quantity":true,"unit":"ea","due_date":"2026-12-15",
     "colour":"red"}
  ])");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_TRUE((*rows)[0].errors.empty());
  EXPECT_EQ((*rows)[0].order.quantity, 1500);
  EXPECT_EQ((*rows)[0].order.priority, 2);
  EXPECT_TRUE((*rows)[1].errors.empty());
  EXPECT_EQ((*rows)[1].order.quantity, 12.5);
  EXPECT_EQ((*rows)[1].order.priority, kDefaultPriority);
  EXPECT_EQ((*rows)[2].line, 3);
  EXPECT_EQ((*rows)[2].errors[0].field, "row");
  ASSERT_EQ((*rows)[3].errors.size(), 2u);
  EXPECT_EQ((*rows)[3].errors[0].field, "colour");
  EXPECT_EQ((*rows)[3].errors[1].field, "quantity");
  for (const char* bad : {"", "{}", "[]", "[1,", "{\"order_id\":\"PO-1\"}"}) {
    auto r = ParseJsonOrders(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "content");
  }
}

TEST(ImportOutcomes, CreatedUnchangedConflictRefused) {
  ORDO_VERIFIES("ORDO-ORDER-04", "ORDO-ORDER-05");
  ImportRow row;
  row.line = 2;
  row.order = CreateOrder{"PO-1", "PD-1", 10, "ea", "2026-12-15", 5, ""};
  OrderDecision d = DecideImportRow(row, Facts());
  ASSERT_TRUE(d.event);
  std::vector<FieldError> diff;
  EXPECT_EQ(ClassifyImportRow(d, std::nullopt, &diff), ImportOutcome::kCreated);
  EXPECT_EQ(ClassifyImportRow(d, *d.event, &diff), ImportOutcome::kUnchanged);
  EXPECT_TRUE(diff.empty());
  OrderCreated other = *d.event;
  other.due_date = "2026-12-20";
  EXPECT_EQ(ClassifyImportRow(d, other, &diff), ImportOutcome::kConflict);
  ASSERT_EQ(diff.size(), 1u);
  EXPECT_EQ(diff[0].field, "due_date");
  row.order.quantity = -1;
  EXPECT_EQ(ClassifyImportRow(DecideImportRow(row, Facts()), other, &diff),
            ImportOutcome::kRefused);
  EXPECT_STREQ(ToString(ImportOutcome::kConflict), "conflict");
}

}  // namespace
}  // namespace ordo::orders
