// BOM items tied to routing operations (bom_operations.h).
#include "mes/masterdata/domain/bom_operations.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::masterdata {
namespace {

Item Version(const std::string& kind, const std::string& id, Json content) {
  Item i;
  i.kind = kind;
  i.id = id;
  i.content = std::move(content);
  return i;
}

Item Routing(const std::string& id, const std::vector<std::string>& ops) {
  Json operations = Json::array();
  for (const auto& op : ops) operations.push_back({{"id", op}, {"name", "op " + op}});
  return Version("routing", id, Json{{"id", id}, {"operations", operations}});
}

Item Product(const std::string& id, const std::string& routing, const std::string& operation) {
  Json line{{"material", "RM-A"}, {"quantity", 1}, {"unit", "kg"}};
  if (!operation.empty()) line["operation"] = operation;
  return Version("product", id,
                 Json{{"id", id},
                      {"routing", routing},
                      {"bom", Json::array({line, {{"material", "RM-B"}, {"quantity", 1}}})}});
}

TEST(BomOperations, AnItemTiedToAnOperationOfTheRoutingIsAccepted) {
  ORDO_VERIFIES("ORDO-MD-12");
  EXPECT_TRUE(CheckBomOperations({Product("P", "R", "20")}, {Routing("R", {"10", "20"})}).ok());
  EXPECT_TRUE(CheckBomOperations({Product("P", "R", "")}, {Routing("R", {"10"})}).ok());
  // The routing drafted in the same change request counts.
  EXPECT_TRUE(CheckBomOperations({Product("P", "R", "30"), Routing("R", {"10", "30"})},
                                 {Routing("R", {"10"})})
                  .ok());
}

TEST(BomOperations, AnOperationTheRoutingLacksIsRefusedNamingItsOperations) {
  ORDO_VERIFIES("ORDO-MD-12");
  auto s = CheckBomOperations({Product("P", "R", "99")}, {Routing("R", {"10", "20"})});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(s.error().reason, "unknown_operation");
  EXPECT_EQ(s.error().field, "product/P.bom[material=RM-A].operation");
  EXPECT_NE(s.error().message.find("99"), std::string::npos);
  EXPECT_NE(s.error().message.find("10, 20"), std::string::npos) << s.error().message;
}

TEST(BomOperations, ARoutingChangeMayNotDropAnOperationAProductInForceConsumesAt) {
  ORDO_VERIFIES("ORDO-MD-12");
  const std::vector<Item> plant = {Routing("R", {"10", "20"}), Product("P", "R", "20")};
  auto s = CheckBomOperations({Routing("R", {"10"})}, plant);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "product/P.bom[material=RM-A].operation");
  // ... unless the same change request redefines the product too.
  EXPECT_TRUE(CheckBomOperations({Routing("R", {"10"}), Product("P", "R", "10")}, plant).ok());
  // A withdrawn draft counts for nothing; another routing is not this product's.
  Item withdrawn = Routing("R", {"10"});
  withdrawn.state = VersionState::kWithdrawn;
  EXPECT_TRUE(CheckBomOperations({withdrawn}, plant).ok());
  EXPECT_TRUE(CheckBomOperations({Routing("R2", {"10"})}, plant).ok());
}

}  // namespace
}  // namespace ordo::masterdata
