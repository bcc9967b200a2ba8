// Unit tests of a new order's checks and decision (pure).
#include "mes/orders/domain/order_row.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/clock.h"
#include "core/testing/verifies.h"

namespace ordo::orders {
namespace {

CreateOrder Good() { return CreateOrder{"PO-1001", "PD-1", 15000, "ea", "2026-12-15", 3, "CO-77"}; }

ProductFacts Facts() {
  ProductFacts f;
  f.in_force = true;
  f.material = "FG-1";
  f.material_content = Json{{"id", "FG-1"},
                            {"base_unit", "ea"},
                            {"conversions", Json::array({{{"unit", "carton"}, {"factor", 20}}})}};
  return f;
}

// The decision refuses `c` with exactly one error, on `field` with `reason`.
void ExpectRefused(const CreateOrder& c, const std::string& field, const std::string& reason,
                   const ProductFacts& facts = Facts()) {
  OrderDecision d = DecideCreateOrder(c, facts, "api");
  EXPECT_FALSE(d.event.has_value());
  ASSERT_EQ(d.errors.size(), 1u) << "expected one error on " << field;
  EXPECT_EQ(d.errors[0].field, field) << d.errors[0].message;
  EXPECT_EQ(d.errors[0].reason, reason) << d.errors[0].message;
  EXPECT_FALSE(d.errors[0].message.empty());
  Error e = ToError(d.errors[0]);
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(e.field, field);
}

TEST(CreateOrder, AGoodOrderBecomesItsEventInTheBaseUnit) {
  ORDO_VERIFIES("ORDO-ORDER-01", "DI-05");
  CreateOrder c = Good();
  c.quantity = 750;
  c.unit = "carton";
  OrderDecision d = DecideCreateOrder(c, Facts(), "import");
  ASSERT_TRUE(d.errors.empty()) << d.errors[0].message;
  ASSERT_TRUE(d.event);
  EXPECT_EQ(d.event->order_id, "PO-1001");
  EXPECT_EQ(d.event->quantity, 750);
  EXPECT_EQ(d.event->unit, "carton");
  EXPECT_EQ(d.event->base_quantity, 15000);
  EXPECT_EQ(d.event->base_unit, "ea");
  EXPECT_EQ(d.event->priority, 3);
  EXPECT_EQ(d.event->source, "import");
  EXPECT_EQ(d.event->due_us, ParseDueDate("2026-12-16T00:00:00Z").value());
}

TEST(CreateOrder, EachBadFieldIsRefusedNamingIt) {
  ORDO_VERIFIES("ORDO-ORDER-01", "ORDO-ORDER-15", "A11-04");
  CreateOrder c = Good();
  c.order_id = "";
  ExpectRefused(c, "order_id", "invalid_order_id");
  c = Good();
  c.order_id = "-PO";
  ExpectRefused(c, "order_id", "invalid_order_id");
  c = Good();
  c.order_id = std::string(65, 'A');
  ExpectRefused(c, "order_id", "invalid_order_id");
  c = Good();
  c.quantity = 0;
  ExpectRefused(c, "quantity", "invalid_quantity");
  c.quantity = -5;
  ExpectRefused(c, "quantity", "invalid_quantity");
  c.quantity = std::nan("");
  ExpectRefused(c, "quantity", "invalid_quantity");
  c.quantity = 2e12;
  ExpectRefused(c, "quantity", "invalid_quantity");
  c = Good();
  c.unit = "kg";
  ExpectRefused(c, "unit", "unknown_unit");
  c.unit = "";
  ExpectRefused(c, "unit", "invalid_unit");
  c = Good();
  c.due_date = "15.12.2026";
  ExpectRefused(c, "due_date", "invalid_due_date");
  c.due_date = "2026-02-30";
  ExpectRefused(c, "due_date", "invalid_due_date");
  c.due_date = "2026-12-15T08:00:00";  // no offset
  ExpectRefused(c, "due_date", "invalid_due_date");
  c = Good();
  c.priority = 0;
  ExpectRefused(c, "priority", "invalid_priority");
  c.priority = 10;
  ExpectRefused(c, "priority", "invalid_priority");
  c = Good();
  c.customer_order = std::string(65, 'c');
  ExpectRefused(c, "customer_order", "invalid_customer_order");
  c.customer_order = "CO\n1";
  ExpectRefused(c, "customer_order", "invalid_customer_order");
}

TEST(CreateOrder, AProductOrMaterialNotInForceIsRefused) {
  ORDO_VERIFIES("ORDO-ORDER-01");
  ProductFacts none;
  ExpectRefused(Good(), "product", "unknown_product", none);
  ProductFacts no_material = Facts();
  no_material.material_content.reset();
  ExpectRefused(Good(), "product", "material_not_in_force", no_material);
  CreateOrder c = Good();
  c.product = "bad id!";
  ExpectRefused(c, "product", "invalid_product");
}

TEST(CreateOrder, EveryRefusalOfARowIsListed) {
  ORDO_VERIFIES("ORDO-ORDER-02");
  CreateOrder c = Good();
  c.quantity = 0;
  c.priority = 12;
  c.due_date = "soon";
  OrderDecision d = DecideCreateOrder(c, Facts(), "import");
  ASSERT_EQ(d.errors.size(), 3u);
  EXPECT_EQ(d.errors[0].field, "quantity");
  EXPECT_EQ(d.errors[1].field, "due_date");
  EXPECT_EQ(d.errors[2].field, "priority");
}

TEST(DueDate, DatesMeanTheEndOfTheUtcDayAndOffsetsCount) {
  ORDO_VERIFIES("ORDO-ORDER-19", "DI-05");
  TimeMicros day_end = 0;
  ASSERT_TRUE(ParseIsoTime("2026-12-16T00:00:00Z", &day_end));
  EXPECT_EQ(ParseDueDate("2026-12-15").value(), day_end);
  TimeMicros t = 0;
  ASSERT_TRUE(ParseIsoTime("2026-12-15T06:00:00Z", &t));
  EXPECT_EQ(ParseDueDate("2026-12-15T08:00:00+02:00").value(), t);
  EXPECT_EQ(ParseDueDate("2026-12-15T06:00:00Z").value(), t);
  EXPECT_EQ(ParseDueDate("2028-02-29").value(), ParseDueDate("2028-03-01T00:00:00Z").value());
  for (const char* bad : {"", "2026-12-1", "2026-13-01", "2026/12/15", "20261215", "2026-12-15Z",
                          " 2026-12-15", "2026-12-15T25:00:00Z", "2027-02-29"}) {
    auto r = ParseDueDate(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "due_date");
  }
}

TEST(Differences, TheSameOrderHasNoneAndEachChangedFieldIsNamed) {
  ORDO_VERIFIES("ORDO-ORDER-04", "ORDO-ORDER-05");
  OrderCreated a = *DecideCreateOrder(Good(), Facts(), "api").event;
  OrderCreated b = *DecideCreateOrder(Good(), Facts(), "import").event;
  EXPECT_TRUE(Differences(a, b).empty()) << "the source is not part of the order";
  b.quantity = 16000;
  b.priority = 1;
  auto d = Differences(a, b);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].field, "quantity");
  EXPECT_EQ(d[0].reason, "order_differs");
  EXPECT_NE(d[0].message.find("15000"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("16000"), std::string::npos) << d[0].message;
  EXPECT_EQ(d[1].field, "priority");
}

}  // namespace
}  // namespace ordo::orders
