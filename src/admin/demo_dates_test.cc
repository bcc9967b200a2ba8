// Relative demo dates: the notation, its resolution, and the embedded demo files.
#include "admin/demo_dates.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "admin/demo_plant.h"
#include "core/testing/verifies.h"

namespace ordo::admin {
namespace {

TEST(DemoDates, NotationIsSignedDaysOnly) {
  ORDO_VERIFIES("ORDO-DEMO-01");
  EXPECT_EQ(RelativeDemoDays("+P40D"), 40);
  EXPECT_EQ(RelativeDemoDays("-P3D"), -3);
  EXPECT_EQ(RelativeDemoDays("+P0D"), 0);
  EXPECT_EQ(RelativeDemoDays("P40D"), std::nullopt);
  EXPECT_EQ(RelativeDemoDays("+P40"), std::nullopt);
  EXPECT_EQ(RelativeDemoDays("+PD"), std::nullopt);
  EXPECT_EQ(RelativeDemoDays("+P4W"), std::nullopt);
  EXPECT_EQ(RelativeDemoDays("+P1M2D"), std::nullopt);
  EXPECT_EQ(RelativeDemoDays("+P123456D"), std::nullopt);
  EXPECT_EQ(RelativeDemoDays("2027-01-08"), std::nullopt);
}

TEST(DemoDates, AddsDaysAcrossMonthsYearsAndLeapDays) {
  ORDO_VERIFIES("ORDO-DEMO-01");
  EXPECT_EQ(AddDays("2026-11-29", 40), "2027-01-08");
  EXPECT_EQ(AddDays("2026-11-29", 336), "2027-10-31");
  EXPECT_EQ(AddDays("2028-02-28", 1), "2028-02-29");
  EXPECT_EQ(AddDays("2027-02-28", 1), "2027-03-01");
  EXPECT_EQ(AddDays("2027-01-01", -1), "2026-12-31");
  EXPECT_EQ(AddDays("2027-02-30", 1), std::nullopt);
  EXPECT_EQ(AddDays("27-02-01", 1), std::nullopt);
  EXPECT_EQ(UtcDay(0), "1970-01-01");
  EXPECT_EQ(UtcDay(1'795'996'799'999'999), "2026-11-29");  // 23:59:59.999999 UTC
  EXPECT_EQ(UtcDay(1'795'996'800'000'000), "2026-11-30");
}

TEST(DemoDates, ResolvesOnlyQuotedRelativeDates) {
  ORDO_VERIFIES("ORDO-DEMO-01");
  const std::string text =
      "id: WU-1\ncalibration_due: \"+P183D\"\ncleaning_due: \"+P40D\"\n"
      "name: \"+P40D booth\"\nnote: +P40D\nfixed: \"2027-05-31\"\nodd: \"unclosed\n";
  EXPECT_EQ(ResolveDemoDates(text, "2026-11-29"),
            "id: WU-1\ncalibration_due: \"2027-05-31\"\ncleaning_due: \"2027-01-08\"\n"
            "name: \"+P40D booth\"\nnote: +P40D\nfixed: \"2027-05-31\"\nodd: \"unclosed\n");
}

// Every date in the embedded demo plant and personnel file is relative, and resolves
// to a date after the day of the init; the spacing between them is the same on any day.
TEST(DemoDates, EmbeddedDemoFilesCarryNoFixedDates) {
  ORDO_VERIFIES("ORDO-DEMO-01", "ORDO-DEMO-02");
  const std::regex fixed(R"("\d{4}-\d{2}-\d{2}")");
  const std::regex relative(R"re((calibration_due|cleaning_due|expires): "([+-]P\d+D)")re");
  int relatives = 0;
  for (const auto& f : DemoFiles()) {
    const std::string data(f.data);
    EXPECT_FALSE(std::regex_search(data, fixed)) << f.path << " carries a fixed date";
    for (std::sregex_iterator it(data.begin(), data.end(), relative), end; it != end; ++it) {
      ++relatives;
      auto days = RelativeDemoDays((*it)[2].str());
      ASSERT_TRUE(days.has_value()) << f.path;
      EXPECT_GT(*days, 0) << f.path << ": " << (*it)[0].str() << " would be due at once";
    }
  }
  EXPECT_GE(relatives, 30);
  for (const char* today : {"2026-11-29", "2031-02-28", "2099-12-31"}) {
    for (const auto& f : DemoPlantFiles(today)) {
      EXPECT_EQ(f.text.find("\"+P"), std::string::npos) << f.path;
      if (f.path == "equipment/WU-DISP-BOOTH1.yaml") {
        EXPECT_NE(f.text.find("cleaning_due: \"" + *AddDays(today, 40) + "\""), std::string::npos)
            << f.text;
        EXPECT_NE(f.text.find("calibration_due: \"" + *AddDays(today, 183) + "\""),
                  std::string::npos)
            << f.text;
      }
    }
  }
}

}  // namespace
}  // namespace ordo::admin
