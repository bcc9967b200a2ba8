// Shift and daily reports: the windows, and each figure as ComputeKpis gives it.
#include "mis/reports/report.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/kpi/figure_json.h"
#include "mis/kpi/kpi_test_util.h"
#include "mis/reports/report_format.h"

namespace ordo::mis::reports {
namespace {

using namespace ordo::mis::testing;

// WU-1 in LINE-1; two 8-hour shifts from 06:00 with a break; down 07:00-08:00.
Builder Plant() {
  Builder b;
  b.Node("LINE-1", "", "work_center").Node("WU-1", "LINE-1", "work_unit");
  b.Cal("LINE-1", 6 * 60, 14 * 60, CalendarKind::kShift);
  b.inputs.calendar.back().label = "early";
  b.Cal("LINE-1", 14 * 60, 22 * 60, CalendarKind::kShift);
  b.inputs.calendar.back().label = "late";
  b.Cal("LINE-1", 10 * 60, 10 * 60 + 30, CalendarKind::kBreak);
  b.State("WU-1", 6 * 60, 7 * 60, MachineState::kRunning);
  b.State("WU-1", 7 * 60, 8 * 60, MachineState::kDown, "JAM");
  b.State("WU-1", 8 * 60, 22 * 60, MachineState::kRunning);
  b.Counted("WU-1", 6 * 60, 14 * 60, 1000, 950, 50, 0);
  b.Counted("WU-1", 14 * 60, 22 * 60, 800, 800, 0, 0);
  b.Cycle("WU-1", "P", 20);
  return b;
}

KpiRequest Request(TimeMicros from, TimeMicros to) {
  KpiRequest r;
  r.kpis = {"availability", "quality_ratio", "oee_index"};
  r.scope = "LINE-1";
  r.from = from;
  r.to = to;
  return r;
}

TEST(ReportTest, AShiftReportHasEachShiftThenTheDayEachAsTheEngineComputesIt) {
  ORDO_VERIFIES("ORDO-MISRPT-20");
  const Builder b = Plant();
  const ElementIndex index(b.inputs);
  auto report = BuildReport(index, {Request(Min(0), Min(24 * 60)), ReportBy::kShift},
                            calendar::TimeZone::Utc());
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->rows.size(), 3u);
  EXPECT_EQ(report->rows[0].label, "early");
  EXPECT_EQ(report->rows[1].label, "late");
  EXPECT_EQ(report->rows[2].label, "total");
  for (const ReportRow& row : report->rows) {
    auto direct = ComputeKpis(index, Request(row.from, row.to));
    ASSERT_TRUE(direct.ok());
    ASSERT_EQ(row.figures.size(), direct->figures.size());
    for (std::size_t i = 0; i < row.figures.size(); ++i)
      EXPECT_EQ(row.figures[i].value, direct->figures[i].value) << row.label;
  }
  // early: 7.5 h planned busy (a 30-minute break), 6.5 h running.
  EXPECT_DOUBLE_EQ(*report->rows[0].figures[0].value, 6.5 / 7.5);
  // The day sums elements, it does not average the shifts' ratios.
  EXPECT_DOUBLE_EQ(*report->rows[2].figures[0].value, 14.5 / 15.5);
  EXPECT_DOUBLE_EQ(*report->rows[2].figures[1].value, 1750.0 / 1800.0);
}

TEST(ReportTest, ADailyReportHasEachDayThenTheSpanAndPrintsTheSameFigures) {
  ORDO_VERIFIES("ORDO-MISRPT-20", "ORDO-MISRPT-22");
  const Builder b = Plant();
  const ElementIndex index(b.inputs);
  auto report = BuildReport(index, {Request(Min(0), Min(2 * 24 * 60)), ReportBy::kDay},
                            calendar::TimeZone::Utc());
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->rows.size(), 3u);
  EXPECT_EQ(report->rows[0].label, "2026-01-05");
  EXPECT_EQ(report->rows[1].label, "2026-01-06");
  EXPECT_FALSE(report->rows[1].figures[0].value.has_value());  // nothing planned that day
  const std::string csv = ReportToCsv(*report);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "window," + FigureCsvHeader());
  EXPECT_NE(csv.find("2026-01-05,availability,"), std::string::npos) << csv;
  const std::string html = ReportToHtml(*report, "Daily <report>");
  EXPECT_NE(html.find("<title>Daily &lt;report&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("93.5 %"), std::string::npos) << html;  // 14.5 / 15.5, rounded
  EXPECT_EQ(html.find("<script"), std::string::npos);
  const Json json = ReportToJson(*report, "Daily");
  EXPECT_EQ(json["rows"][0]["figures"][0]["value"], *report->rows[0].figures[0].value);
}

TEST(ReportTest, ADailyReportInBerlinHasTheLocalDaysOfTheSpanOneOf23Hours) {
  ORDO_VERIFIES("ORDO-MISTZ-11");
  auto berlin = calendar::LoadTimeZone("Europe/Berlin", "time-zone");
  ASSERT_TRUE(berlin.ok());
  // 2026-03-28 to 2026-03-30 in Berlin; clocks spring forward on the 29th. WU-1 is down
  // in a shift that covers the whole span, so each day's NPT is the day's length.
  const DaySpan span = LocalDaySpan(*berlin, {2026, 3, 28}, 3);
  EXPECT_EQ(span.to - span.from, 71 * 3600 * 1'000'000LL);
  Builder b;
  b.Node("LINE-1", "", "work_center").Node("WU-1", "LINE-1", "work_unit");
  b.inputs.calendar.push_back({"LINE-1", span.from, span.to, CalendarKind::kShift, "s", b.Next()});
  b.inputs.states.push_back(
      {"WU-1", span.from, span.to, MachineState::kDown, "JAM", false, b.Next()});
  const ElementIndex index(b.inputs);
  KpiRequest request = Request(span.from, span.to);
  request.kpis = {"npt"};
  auto report = BuildReport(index, {request, ReportBy::kDay}, *berlin);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->rows.size(), 4u);
  const std::vector<std::string> labels{"2026-03-28", "2026-03-29", "2026-03-30", "total"};
  const std::vector<double> hours{24, 23, 24, 71};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(report->rows[i].label, labels[i]);
    ASSERT_TRUE(report->rows[i].figures[0].value.has_value()) << labels[i];
    EXPECT_DOUBLE_EQ(*report->rows[i].figures[0].value, hours[i] * 3600) << labels[i];
  }
  EXPECT_EQ(report->rows[1].from, berlin->StartOfDay({2026, 3, 29}));
  EXPECT_EQ(report->rows[1].to, berlin->StartOfDay({2026, 3, 30}));
  // The same span cut into UTC days: four rows (the span starts at 23:00 UTC).
  auto utc = BuildReport(index, {request, ReportBy::kDay}, calendar::TimeZone::Utc());
  ASSERT_TRUE(utc.ok());
  EXPECT_EQ(utc->rows.size(), 5u);
}

}  // namespace
}  // namespace ordo::mis::reports
