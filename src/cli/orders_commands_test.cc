// Unit test of the report `ordo orders import` prints.
#include "cli/orders_commands.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::cli {
namespace {

TEST(OrdersImportReport, SummaryThenEachRefusedOrConflictingRow) {
  ORDO_VERIFIES("ORDO-ORDER-17");
  Json report = Json::parse(R"({"created":1,"unchanged":1,"refused":2,"rows":[
    {"line":2,"order_id":"PO-1","outcome":"created","errors":[]},
    {"line":3,"order_id":"PO-2","outcome":"refused","errors":[
      {"field":"quantity","message":"quantity must be a number","reason":"invalid_quantity"},
      {"field":"unit","message":"unit 'kg' is not a unit","reason":"unknown_unit"}]},
    {"line":4,"order_id":"PO-3","outcome":"unchanged","errors":[]},
    {"line":5,"order_id":"PO-4","outcome":"conflict","errors":[
      {"field":"due_date","message":"order PO-4 exists with due_date","reason":"order_differs"}]}
  ]})");
  EXPECT_EQ(FormatImportReport(report),
            "1 created, 1 unchanged, 2 refused\n"
            "line 3 (PO-2): refused: quantity: quantity must be a number\n"
            "line 3 (PO-2): refused: unit: unit 'kg' is not a unit\n"
            "line 5 (PO-4): conflict: due_date: order PO-4 exists with due_date\n");
  EXPECT_EQ(FormatImportReport(Json::object()), "0 created, 0 unchanged, 0 refused\n");
}

}  // namespace
}  // namespace ordo::cli
