// Display rounding: half-up on the shortest decimal form, as the web UI does.
#include "mis/reports/display.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::mis::reports {
namespace {

TEST(ReportDisplayTest, RoundsHalfUpOnTheShortestDecimalForm) {
  ORDO_VERIFIES("ORDO-MISRPT-21");
  EXPECT_EQ(RoundHalfUp(0.81349, 1, 2), "81.3");
  EXPECT_EQ(RoundHalfUp(0.81350, 1, 2), "81.4");
  // 0.0745 * 100 is 7.449999... in binary; its shortest form 0.0745 rounds up.
  EXPECT_EQ(RoundHalfUp(0.0745, 2, 2), "7.45");
  EXPECT_EQ(RoundHalfUp(0.0745, 1, 2), "7.5");
  EXPECT_EQ(RoundHalfUp(0.0005, 1, 2), "0.1");
  EXPECT_EQ(RoundHalfUp(0.00049, 1, 2), "0.0");
  EXPECT_EQ(RoundHalfUp(0.9995, 1, 2), "100.0");
  EXPECT_EQ(RoundHalfUp(-0.0745, 1, 2), "-7.5");  // away from zero
  EXPECT_EQ(RoundHalfUp(-0.0001, 1, 2), "0.0");   // no "-0.0"
  EXPECT_EQ(RoundHalfUp(1234.5, 0), "1235");
  EXPECT_EQ(RoundHalfUp(0, 2), "0.00");
  EXPECT_EQ(RoundHalfUp(1e21, 0), "1000000000000000000000");
}

TEST(ReportDisplayTest, ShowsFractionsAsPercentagesAndSecondsAsDurations) {
  ORDO_VERIFIES("ORDO-MISRPT-21");
  EXPECT_EQ(DisplayValue(0.75, "1"), "75.0 %");
  EXPECT_EQ(DisplayValue(std::nullopt, "1"), "\u2014");
  EXPECT_EQ(DisplayValue(3725.4, "s"), "1 h 02 min");
  EXPECT_EQ(DisplayValue(750, "s"), "12 min 30 s");
  EXPECT_EQ(DisplayValue(720, "s"), "12 min");
  EXPECT_EQ(DisplayValue(44.5, "s"), "45 s");
  EXPECT_EQ(DisplayValue(2.345, "units/s"), "2.35 units/s");
}

}  // namespace
}  // namespace ordo::mis::reports
