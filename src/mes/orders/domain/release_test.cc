// Unit tests of the release computation (pure).
#include "mes/orders/domain/release.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::orders {
namespace {

Json Routing() {
  return Json{{"id", "RT-1"},
              {"name", "Routing"},
              {"operations",
               Json::array({{{"id", "10"},
                             {"name", "Dispense"},
                             {"operation_class", "dispensing"},
                             {"work_center_class", "dispensary"},
                             {"setup_minutes", 15},
                             {"run_minutes", 60},
                             {"qualifications", Json::array({"GMP-BASIC"})}},
                            {{"id", "20"},
                             {"name", "Granulate"},
                             {"operation_class", "granulation"},
                             {"run_minutes", 90},
                             {"ideal_cycle_seconds", 2},
                             {"second_person_verification", true},
                             {"parameters", Json::array({{{"name", "speed"}, {"unit", "rpm"}}})}},
                            {{"id", "30"},
                             {"name", "Pack"},
                             {"operation_class", "packaging"},
                             {"predecessors", Json::array({"10"})}}})}};
}

ReleaseFacts Facts() {
  ReleaseFacts f;
  f.order_id = "PO-1";
  f.base_quantity = 30000;
  f.base_unit = "ea";
  f.product = DefinitionVersion{
      "PD-1", 3, "hash-p",
      Json{{"id", "PD-1"},
           {"material", "FG-1"},
           {"routing", "RT-1"},
           {"batch_size", 15000},
           {"bom", Json::array({{{"material", "RM-API"},
                                 {"quantity", 0.01},
                                 {"unit", "kg"},
                                 {"scrap_factor", 0.02},
                                 {"alternates", Json::array({"RM-API-2"})}},
                                {{"material", "RM-WATER"}, {"quantity", 4.44}, {"unit", "mL"}}})}}};
  f.routing = DefinitionVersion{"RT-1", 7, "hash-r", Routing()};
  f.material = DefinitionVersion{"FG-1", 1, "hash-m", Json{{"base_unit", "ea"}}};
  f.components["RM-API"] = Json{{"base_unit", "kg"}};
  f.components["RM-WATER"] =
      Json{{"base_unit", "L"}, {"conversions", Json::array({{{"unit", "mL"}, {"factor", 0.001}}})}};
  return f;
}

TEST(Release, PinsTheVersionsAndScalesTheOrder) {
  ORDO_VERIFIES("IND-02", "DI-05", "ORDO-ORDER-06", "ORDO-ORDER-07");
  auto r = DecideRelease(Facts());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->product, "PD-1");
  EXPECT_EQ(r->product_version, 3);
  EXPECT_EQ(r->product_hash, "hash-p");
  EXPECT_EQ(r->routing, "RT-1");
  EXPECT_EQ(r->routing_version, 7);
  EXPECT_EQ(r->routing_hash, "hash-r");
  EXPECT_EQ(r->material, "FG-1");
  EXPECT_EQ(r->batch_size, 15000);
  EXPECT_EQ(r->scale, 2);
  ASSERT_EQ(r->bom.size(), 2u);
  EXPECT_EQ(r->bom[0].material, "RM-API");
  EXPECT_EQ(r->bom[0].quantity, 300) << "0.01 kg per unit x 30000, rounded";
  EXPECT_EQ(r->bom[0].base_quantity, 300);
  EXPECT_EQ(r->bom[0].base_unit, "kg");
  EXPECT_EQ(r->bom[0].scrap_factor, 0.02);
  EXPECT_EQ(r->bom[0].alternates, std::vector<std::string>{"RM-API-2"});
  EXPECT_EQ(r->bom[1].quantity, 133200);
  EXPECT_EQ(r->bom[1].unit, "mL");
  EXPECT_EQ(r->bom[1].base_quantity, 133.2);
  EXPECT_EQ(r->bom[1].base_unit, "L");
  ASSERT_EQ(r->operations.size(), 3u);
  const auto& op10 = r->operations[0];
  EXPECT_EQ(op10.operation, "10");
  EXPECT_EQ(op10.position, 1);
  EXPECT_TRUE(op10.predecessors.empty());
  EXPECT_EQ(op10.setup_minutes, 15) << "setup is not scaled";
  EXPECT_EQ(op10.run_minutes, 120) << "run time scales with the batch size";
  EXPECT_EQ(op10.planned_quantity, 30000);
  EXPECT_EQ(op10.work_center_class, "dispensary");
  EXPECT_EQ(op10.spec, Routing()["operations"][0]) << "the whole operation is pinned";
  const auto& op20 = r->operations[1];
  EXPECT_EQ(op20.predecessors, std::vector<std::string>{"10"}) << "default: the previous one";
  EXPECT_EQ(op20.run_minutes, 180);
  EXPECT_EQ(op20.ideal_cycle_seconds, 2);
  EXPECT_EQ(op20.spec["second_person_verification"], true);
  EXPECT_EQ(op20.spec["parameters"][0]["name"], "speed");
  EXPECT_EQ(r->operations[2].predecessors, std::vector<std::string>{"10"}) << "as the routing says";
}

TEST(Release, WithoutABatchSizeTheScaleIsOne) {
  ORDO_VERIFIES("ORDO-ORDER-07", "DI-05");
  ReleaseFacts f = Facts();
  f.product->content.erase("batch_size");
  auto r = DecideRelease(f);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->scale, 1);
  EXPECT_EQ(r->operations[0].run_minutes, 60);
}

void ExpectRefused(const ReleaseFacts& f, const std::string& reason) {
  auto r = DecideRelease(f);
  ASSERT_FALSE(r.ok()) << "expected " << reason;
  EXPECT_EQ(r.error().reason, reason) << r.error().message;
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_FALSE(r.error().message.empty());
}

TEST(Release, EachMissingOrInconsistentDefinitionIsRefused) {
  ORDO_VERIFIES("ORDO-ORDER-08", "IND-02");
  ReleaseFacts f = Facts();
  f.product.reset();
  ExpectRefused(f, "product_not_in_force");
  f = Facts();
  f.routing.reset();
  ExpectRefused(f, "routing_not_in_force");
  f = Facts();
  f.material.reset();
  ExpectRefused(f, "material_not_in_force");
  f = Facts();
  f.components["RM-API"].reset();
  ExpectRefused(f, "material_not_in_force");
  f = Facts();
  f.components.erase("RM-WATER");
  ExpectRefused(f, "material_not_in_force");
  f = Facts();
  f.base_unit = "carton";
  ExpectRefused(f, "base_unit_changed");
  f = Facts();
  f.product->content["bom"][0]["unit"] = "drum";
  ExpectRefused(f, "bom_unit_unknown");
  f = Facts();
  f.routing->content["operations"] = Json::array();
  ExpectRefused(f, "routing_invalid");
  f = Facts();
  f.routing->content["operations"][2]["predecessors"] = Json::array({"99"});
  ExpectRefused(f, "routing_invalid");
}

TEST(Release, OnlyACreatedOrderIsReleased) {
  ORDO_VERIFIES("P11-06", "ORDO-ORDER-10");
  for (auto state :
       {OrderState::kReleased, OrderState::kOnHold, OrderState::kCancelled, OrderState::kClosed}) {
    ReleaseFacts f = Facts();
    f.state = state;
    ExpectRefused(f, "invalid_transition");
  }
}

TEST(Release, QuantitiesAreRoundedToTwelveSignificantDigits) {
  ORDO_VERIFIES("DI-05");
  EXPECT_EQ(RoundQuantity(0.01 * 15000), 150);
  EXPECT_EQ(RoundQuantity(0.1 + 0.2), 0.3);
  EXPECT_EQ(RoundQuantity(1234.5678), 1234.5678);
}

TEST(Release, PinsTheOperationABomItemIsTiedToAndRefusesOneTheRoutingLacks) {
  ORDO_VERIFIES("ORDO-ORDER-06", "ORDO-ORDER-24", "ORDO-EXEC-44");
  ReleaseFacts f = Facts();
  f.product->content["bom"][0]["operation"] = "10";
  auto r = DecideRelease(f);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->bom[0].operation, "10");
  EXPECT_EQ(r->bom[1].operation, "");
  Json j;
  to_json(j, r->bom[0]);
  EXPECT_EQ(j["operation"], "10");
  to_json(j, r->bom[1]);
  EXPECT_FALSE(j.contains("operation"));  // an untied line is written as before
  PinnedBomLine old;
  from_json(j, old);  // and a line recorded before the field existed reads as untied
  EXPECT_EQ(old.operation, "");

  f.product->content["bom"][1]["operation"] = "99";
  auto refused = DecideRelease(f);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "bom_operation_unknown");
  EXPECT_EQ(refused.error().field, "product");
  EXPECT_NE(refused.error().message.find("99"), std::string::npos);
  EXPECT_NE(refused.error().message.find("RM-WATER"), std::string::npos);
}

}  // namespace
}  // namespace ordo::orders
