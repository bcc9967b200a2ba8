// ReadPlantFiles with the real masterdata::ValidateContent: field errors at their lines.
// Linked with the masterdata domain (src/mes/masterdata/domain/validate.cc).
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/masterdata/plant/plant_files.h"

namespace ordo::masterdata::plant {
namespace {

TEST(ReadPlantFilesValidation, FieldErrorAtTheLineOfTheField) {
  ORDO_VERIFIES("ORDO-MD-01", "ORDO-MD-06");
  ReadResult r = ReadPlantFiles({{"materials/M-1.yaml",
                                  "kind: material\nid: M-1\nname: Water\nclass: liquid\n"
                                  "base_unit: L\ntracking: lot\n"}});
  ASSERT_EQ(r.errors.size(), 1u) << FormatErrors(r.errors);
  EXPECT_EQ(r.errors[0].file, "materials/M-1.yaml");
  EXPECT_EQ(r.errors[0].line, 4);
  EXPECT_EQ(r.errors[0].field, "class");
  EXPECT_TRUE(r.objects.empty());
}

TEST(ReadPlantFilesValidation, MissingFieldAtItsNearestAncestor) {
  ORDO_VERIFIES("ORDO-MD-01", "ORDO-MD-06");
  ReadResult r = ReadPlantFiles(
      {{"p.yaml",
        "# product\nkind: product\nid: P-1\nname: Tablet\nmaterial: M-T\nrouting: RT-1\n"
        "bom:\n  - material: M-A\n    quantity: 2\n"}});
  ASSERT_EQ(r.errors.size(), 1u) << FormatErrors(r.errors);
  EXPECT_EQ(r.errors[0].line, 8);  // bom[material=M-A] lacks unit
  EXPECT_NE(r.errors[0].field.find("unit"), std::string::npos);
}

TEST(ReadPlantFilesValidation, ValidFilesRoundTrip) {
  ORDO_VERIFIES("ORDO-MD-06");
  const std::string text =
      "kind: routing\nid: RT-1\nname: Line\noperations:\n  - id: \"10\"\n    name: Mix\n"
      "    operation_class: mixing\n    instructions: |\n      # Mix\n\n      Start.\n";
  ReadResult r = ReadPlantFiles({{"routings/RT-1.yaml", text}});
  ASSERT_TRUE(r.errors.empty()) << FormatErrors(r.errors);
  ASSERT_EQ(r.objects.size(), 1u);
  EXPECT_EQ(WriteObjectYaml(*masterdata::FindKind("routing"), r.objects[0].content), text);
}

}  // namespace
}  // namespace ordo::masterdata::plant
