// One GTIN, one material (gtin_unique.h).
#include "mes/masterdata/domain/gtin_unique.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::masterdata {
namespace {

Item Material(const std::string& id, const std::string& gtin) {
  Item i;
  i.kind = "material";
  i.id = id;
  i.content = Json{{"id", id}, {"name", id}, {"base_unit", "kg"}};
  if (!gtin.empty()) i.content["gtin"] = gtin;
  return i;
}

TEST(GtinUnique, AGtinAlreadyHeldByAnotherMaterialIsRefusedNamingIt) {
  ORDO_VERIFIES("ORDO-MD-11");
  // The same item written as GTIN-13 and as GTIN-14 is one GTIN.
  auto s = CheckGtinsUnique("CR-1", {Material("RM-NEW", "04006381333931")},
                            {{"RM-OLD", "4006381333931"}});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(s.error().reason, "gtin_in_use");
  EXPECT_EQ(s.error().field, "material/RM-NEW.gtin");
  EXPECT_NE(s.error().message.find("RM-OLD"), std::string::npos) << s.error().message;
  EXPECT_NE(s.error().message.find("04006381333931"), std::string::npos);
}

TEST(GtinUnique, TwoMaterialsOfOneChangeRequestMayNotShareAGtin) {
  ORDO_VERIFIES("ORDO-MD-11");
  auto s = CheckGtinsUnique(
      "CR-1", {Material("RM-A", "4006381333931"), Material("RM-B", "4006381333931")}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "material/RM-B.gtin");
  EXPECT_NE(s.error().message.find("RM-A"), std::string::npos);
  EXPECT_NE(s.error().message.find("CR-1"), std::string::npos);
}

TEST(GtinUnique, ARedefinedOrObsoletedHolderOrAWithdrawnDraftFreesTheGtin) {
  ORDO_VERIFIES("ORDO-MD-11");
  // The material keeps its own GTIN in a new version.
  EXPECT_TRUE(
      CheckGtinsUnique("CR-1", {Material("RM-A", "4006381333931")}, {{"RM-A", "4006381333931"}})
          .ok());
  // The GTIN moves from RM-OLD (redefined without it) to RM-NEW in one change request.
  EXPECT_TRUE(CheckGtinsUnique("CR-1",
                               {Material("RM-OLD", ""), Material("RM-NEW", "4006381333931")},
                               {{"RM-OLD", "4006381333931"}})
                  .ok());
  // RM-OLD is obsoleted by the same change request.
  Item obsolete = Material("RM-OLD", "");
  obsolete.action = "obsolete";
  EXPECT_TRUE(CheckGtinsUnique("CR-1", {obsolete, Material("RM-NEW", "4006381333931")},
                               {{"RM-OLD", "4006381333931"}})
                  .ok());
  // A withdrawn draft claims nothing.
  Item withdrawn = Material("RM-B", "4006381333931");
  withdrawn.state = VersionState::kWithdrawn;
  EXPECT_TRUE(CheckGtinsUnique("CR-1", {Material("RM-A", "4006381333931"), withdrawn}, {}).ok());
  // Different GTINs and materials without one are fine.
  EXPECT_TRUE(CheckGtinsUnique("CR-1", {Material("RM-A", "96385074"), Material("RM-B", "")},
                               {{"RM-C", "4006381333931"}})
                  .ok());
}

TEST(GtinUnique, HoldersAreTheDefinedMaterialsWithAGtin) {
  ORDO_VERIFIES("ORDO-MD-11");
  Item product;
  product.kind = "product";
  product.id = "PD-1";
  product.content = Json{{"gtin", "4006381333931"}};
  auto holders = GtinHoldersOf({Material("RM-A", "96385074"), Material("RM-B", ""), product});
  ASSERT_EQ(holders.size(), 1u);
  EXPECT_EQ(holders[0].material, "RM-A");
  EXPECT_EQ(holders[0].gtin, "96385074");
}

}  // namespace
}  // namespace ordo::masterdata
