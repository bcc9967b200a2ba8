// Units of measure and GTINs on material definitions.
#include "mes/masterdata/domain/units.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/masterdata/domain/gtin.h"

namespace ordo::masterdata {
namespace {

const Json kApi = Json::parse(
    R"({"id":"RM-API","name":"API","base_unit":"kg",
        "conversions":[{"unit":"g","factor":0.001},{"unit":"drum","factor":25}]})");

TEST(Units, ConvertsToAndFromTheBaseUnit) {
  ORDO_VERIFIES("ORDO-MD-08");
  EXPECT_DOUBLE_EQ(ToBaseQuantity(kApi, 2, "drum").value(), 50);
  EXPECT_DOUBLE_EQ(ToBaseQuantity(kApi, 1500, "g").value(), 1.5);
  EXPECT_DOUBLE_EQ(ToBaseQuantity(kApi, 3, "kg").value(), 3);
  EXPECT_DOUBLE_EQ(FromBaseQuantity(kApi, 50, "drum").value(), 2);
  EXPECT_EQ(BaseUnitOf(kApi), "kg");
}

TEST(Units, RefusesAUnitTheMaterialDoesNotKnowAndNamesTheKnownOnes) {
  ORDO_VERIFIES("ORDO-MD-08");
  auto r = ToBaseQuantity(kApi, 1, "L", "quantity_unit");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "quantity_unit");
  EXPECT_EQ(r.error().reason, "unknown_unit");
  EXPECT_NE(r.error().message.find("kg, g, drum"), std::string::npos) << r.error().message;
  EXPECT_FALSE(FromBaseQuantity(kApi, 1, "ea").ok());
  // A conversion with a zero factor is not a usable unit.
  Json broken = kApi;
  broken["conversions"].push_back({{"unit", "pallet"}, {"factor", 0}});
  EXPECT_FALSE(ToBaseQuantity(broken, 1, "pallet").ok());
}

TEST(Gtin, AcceptsValidCheckDigitsInEveryLength) {
  ORDO_VERIFIES("ORDO-MD-09");
  EXPECT_TRUE(IsValidGtin("4006381333931"));   // GTIN-13
  EXPECT_TRUE(IsValidGtin("04006381333931"));  // the same as GTIN-14
  EXPECT_TRUE(IsValidGtin("96385074"));        // GTIN-8
  EXPECT_TRUE(IsValidGtin("036000291452"));    // GTIN-12 (UPC-A)
  EXPECT_FALSE(IsValidGtin("4006381333932"));  // wrong check digit
  EXPECT_FALSE(IsValidGtin("400638133393"));   // 12 digits, check digit wrong for that length
  EXPECT_FALSE(IsValidGtin("40063813339a1"));
  EXPECT_FALSE(IsValidGtin(""));
  EXPECT_EQ(Gtin14("4006381333931"), "04006381333931");
  EXPECT_EQ(Gtin14("04006381333931"), "04006381333931");
  EXPECT_EQ(Gtin14("123"), std::nullopt);
}

}  // namespace
}  // namespace ordo::masterdata
