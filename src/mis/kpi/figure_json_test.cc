// The output forms of the engine: JSON and CSV of figures, and the shift windows of a
// scope whose figures sum to the day's.
#include "mis/kpi/figure_json.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/testing/verifies.h"
#include "mis/kpi/kpi_test_util.h"
#include "mis/kpi/windows.h"

namespace ordo::mis {
namespace {

using testing::Builder;
using testing::Min;
using testing::One;
using testing::TwoUnits;
using MS = MachineState;
using CK = CalendarKind;

TEST(KpiEngine, JsonAndCsvFormsCarryTheWholeFigure) {
  ORDO_VERIFIES("ORDO-MIS-62");
  Builder b = TwoUnits();
  const Figure f = One(b.inputs, "availability", "L1", 0, 480);
  const Json j = FigureToJson(f);
  EXPECT_EQ(j["kpi"], "availability");
  EXPECT_EQ(j["profile"], "iso22400");
  EXPECT_DOUBLE_EQ(j["value"].get<double>(), 0.82);
  EXPECT_EQ(j["unit"], "1");
  EXPECT_EQ(j["scope"], "L1");
  EXPECT_EQ(j["window"]["from"], FormatUtcMicros(Min(0)));
  EXPECT_EQ(j["policy"]["name"], "ordo-default");
  EXPECT_EQ(j["policy"]["version"], 1);
  EXPECT_EQ(j["policy"]["knobs"]["planned_stops"], "excluded");
  EXPECT_DOUBLE_EQ(j["elements"]["APT"].get<double>(), 492 * 60.0);
  EXPECT_DOUBLE_EQ(j["elements"]["PBT"].get<double>(), 600 * 60.0);
  EXPECT_EQ(j["formula"], "APT / PBT");
  ASSERT_FALSE(j["sources"].empty());
  EXPECT_EQ(j["sources"][0]["kind"], "ledger");
  EXPECT_FALSE(j.contains("null_reason"));
  const Figure none = One(Inputs{}, "quality_ratio", "", 0, 480);
  const Json n = FigureToJson(none);
  EXPECT_TRUE(n["value"].is_null());
  EXPECT_EQ(n["null_reason"], "zero_denominator");
  EXPECT_EQ(FigureCsvRow(f).substr(0, 27), "availability,iso22400,L1,20");
  EXPECT_NE(FigureCsvRow(f).find(",0.81999999999999995,1,,APT / PBT,ordo-default,1"),
            std::string::npos)
      << FigureCsvRow(f);
  const std::string header = FigureCsvHeader();
  EXPECT_EQ(std::count(header.begin(), header.end(), ','), 10);
  EXPECT_NE(FigureCsvRow(none).find(",,1,zero_denominator,"), std::string::npos);
  EXPECT_EQ(SourceToJson(SourceRef::Import("ab", 7))["file_hash"], "ab");
}

TEST(KpiEngine, ShiftWindowsAndTheirFiguresSumToTheDay) {
  ORDO_VERIFIES("ORDO-MIS-63");
  Builder b = TwoUnits();  // U1 shift 0..480, U2 shift 0..120
  b.Cal("L1", 480, 960, CK::kShift).Cal("", 1440, 1920, CK::kShift);
  b.State("U1", 480, 960, MS::kRunning);
  ElementIndex index(b.inputs);
  const std::vector<Window> shifts = ShiftWindows(index, "L1", Min(0), Min(1440));
  ASSERT_EQ(shifts.size(), 3u);
  EXPECT_EQ(shifts[0].from, Min(0));
  EXPECT_EQ(shifts[0].to, Min(120));
  EXPECT_EQ(shifts[1].to, Min(480));
  EXPECT_EQ(shifts[2].from, Min(480));
  EXPECT_EQ(ShiftWindows(index, "U2", Min(0), Min(1440)).size(), 2u);  // its own + L1's
  // The day's availability is the sum of the shifts' elements, not their average.
  const std::vector<Window> disjoint = {
      {Min(0), Min(480), ""}, {Min(480), Min(960), ""}, {Min(960), Min(1440), ""}};
  double apt = 0, pbt = 0, mean = 0;
  for (const Window& w : disjoint) {
    const Figure f =
        One(b.inputs, "availability", "L1", (w.from - Min(0)) / 60e6, (w.to - Min(0)) / 60e6);
    apt += f.Element("APT").value_or(0);
    pbt += f.Element("PBT").value_or(0);
    mean += f.value.value_or(0) / 2;  // two shifts with planned time
  }
  const Figure day = One(b.inputs, "availability", "L1", 0, 1440);
  EXPECT_DOUBLE_EQ(day.value.value_or(-1), apt / pbt);
  EXPECT_NE(day.value.value_or(-1), mean);
}

}  // namespace
}  // namespace ordo::mis
