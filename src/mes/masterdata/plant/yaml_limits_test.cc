// Tests of the plant reader's limits: alias references, the size with aliases expanded
// (per file and per call), aliases inside their own anchor, and the bounded error list.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/masterdata/plant/detail/reader.h"
#include "mes/masterdata/plant/plant_files.h"

namespace ordo::masterdata::plant {
namespace {

ReadResult Read(const std::vector<PlantFile>& files, const detail::YamlLimits& limits = {}) {
  return detail::ReadPlantFilesWith(files, nullptr, limits);
}

// A material whose conversions list repeats one anchored unit name `uses` times.
std::string AmplifiedMaterial(std::size_t anchor_bytes, std::size_t uses) {
  std::string text = "kind: material\nid: M-1\nname: &big " + std::string(anchor_bytes, 'x') +
                     "\nclass: raw\nbase_unit: kg\nconversions:\n";
  for (std::size_t i = 0; i < uses; ++i) text += "  - {unit: *big, factor: 2}\n";
  return text;
}

TEST(YamlLimits, AnchorUsedSixHundredTimesIsRefusedAsTooLarge) {
  ORDO_VERIFIES("ORDO-MD-07", "P11-01");
  const std::string text = AmplifiedMaterial(100 * 1024, 600);  // ~120 KB, ~60 MB expanded
  ReadResult r = Read({{"materials/M-1.yaml", text}});
  EXPECT_TRUE(r.objects.empty());
  ASSERT_EQ(r.errors.size(), 1u) << FormatErrors(r.errors);
  EXPECT_EQ(r.errors[0].file, "materials/M-1.yaml");
  EXPECT_EQ(r.errors[0].code, "yaml_too_large");
  EXPECT_NE(r.errors[0].message.find("4 MiB"), std::string::npos) << r.errors[0].message;
  EXPECT_GT(r.errors[0].line, 6);  // where the limit was crossed
}

TEST(YamlLimits, MoreThanTheAllowedAliasesAreRefused) {
  ORDO_VERIFIES("ORDO-MD-07");
  detail::YamlLimits limits;
  limits.max_aliases = 10;
  ReadResult ok = Read({{"a.yaml", AmplifiedMaterial(3, 10)}}, limits);
  EXPECT_TRUE(ok.errors.empty()) << FormatErrors(ok.errors);
  ASSERT_EQ(ok.objects.size(), 1u);
  EXPECT_EQ(ok.objects[0].content["conversions"][9]["unit"], "xxx");  // aliases still work
  ReadResult r = Read({{"a.yaml", AmplifiedMaterial(3, 11)}}, limits);
  ASSERT_EQ(r.errors.size(), 1u) << FormatErrors(r.errors);
  EXPECT_EQ(r.errors[0].code, "yaml_alias_limit");
  EXPECT_EQ(r.errors[0].file, "a.yaml");
  EXPECT_NE(r.errors[0].message.find("10"), std::string::npos) << r.errors[0].message;
  EXPECT_TRUE(r.objects.empty());
}

TEST(YamlLimits, DefaultAliasLimitIsAThousand) {
  ORDO_VERIFIES("ORDO-MD-07");
  EXPECT_TRUE(Read({{"a.yaml", AmplifiedMaterial(1, 1000)}}).errors.empty());
  ReadResult r = Read({{"a.yaml", AmplifiedMaterial(1, 1001)}});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, "yaml_alias_limit");
}

TEST(YamlLimits, AliasInsideItsOwnAnchorIsRefused) {
  ORDO_VERIFIES("ORDO-MD-07");
  for (const char* text : {"kind: material\nid: M-1\nconversions: &a [*a]\n",
                           "kind: routing\nid: R-1\noperations: &ops\n  - id: 10\n    x: *ops\n"}) {
    ReadResult r = Read({{"r.yaml", text}});
    ASSERT_EQ(r.errors.size(), 1u) << text << FormatErrors(r.errors);
    EXPECT_EQ(r.errors[0].code, "yaml_alias_limit") << text;
  }
}

TEST(YamlLimits, NestedAnchorsStopAtTheBudgetNotAfterExpanding) {
  ORDO_VERIFIES("ORDO-MD-07");
  // Each level lists the previous one 10 times: 10^12 leaves if expanded.
  std::string text = "kind: material\nid: M-1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 12; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) text += std::string(j ? ", " : "") + "*a" + std::to_string(i - 1);
    text += "]\n";
  }
  ReadResult r = Read({{"laughs.yaml", text}});
  ASSERT_EQ(r.errors.size(), 1u) << FormatErrors(r.errors);
  EXPECT_EQ(r.errors[0].code, "yaml_too_large");
}

TEST(YamlLimits, TheExpandedBudgetCoversAllFilesOfOneCall) {
  ORDO_VERIFIES("ORDO-MD-07");
  detail::YamlLimits limits;
  limits.max_total_expanded_bytes = 4000;
  const std::string one = AmplifiedMaterial(100, 10);  // ~1.8 KB expanded each
  auto with_id = [&](const std::string& id) {
    std::string text = one;
    text.replace(text.find("M-1"), 3, id);
    return text;
  };
  ReadResult r = Read(
      {{"1.yaml", with_id("M-1")}, {"2.yaml", with_id("M-2")}, {"3.yaml", with_id("M-3")}}, limits);
  ASSERT_EQ(r.errors.size(), 1u) << FormatErrors(r.errors);
  EXPECT_EQ(r.errors[0].file, "3.yaml");
  EXPECT_EQ(r.errors[0].code, "yaml_too_large");
}

TEST(YamlLimits, ErrorListIsBoundedPerFileAndLongTextIsCut) {
  ORDO_VERIFIES("ORDO-API-06");
  std::string text = "kind: material\nid: M-1\n";
  for (int i = 0; i < 200; ++i) text += "unknown_" + std::to_string(i) + ": 1\n";
  text += std::string(1000, 'k') + ": 1\n";
  ReadResult r = Read({{"many.yaml", text}});
  ASSERT_EQ(r.errors.size(), 51u);
  EXPECT_EQ(r.errors.back().code, "too_many_errors");
  EXPECT_NE(r.errors.back().message.find("151 more"), std::string::npos) << r.errors.back().message;
  std::string one = "kind: material\nid: M-1\n" + std::string(1000, 'k') + ": 1\n";
  ReadResult cut = Read({{"long.yaml", one}});
  ASSERT_EQ(cut.errors.size(), 1u);
  EXPECT_LE(cut.errors[0].field.size(), 303u);
  EXPECT_EQ(cut.errors[0].field.substr(0, 10), std::string(10, 'k'));
}

}  // namespace
}  // namespace ordo::masterdata::plant
