// The buckets of a trend: local days of the site's time zone cut to the window, or the
// distinct shifts of the calendar that lie in the window and apply to the scope.
#include "mis/kpi_source/trend.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/kpi/kpi_test_util.h"

namespace ordo::mis::kpi_source {
namespace {

constexpr TimeMicros kHour = 3600LL * 1'000'000;
constexpr TimeMicros kDay0 = 1772409600LL * 1'000'000;  // 2026-03-02T00:00:00Z
const calendar::TimeZone kUtc = calendar::TimeZone::Utc();

calendar::TimeZone Berlin() {
  auto zone = calendar::LoadTimeZone("Europe/Berlin", "time-zone");
  EXPECT_TRUE(zone.ok());
  return zone.ok() ? *zone : kUtc;
}

CalendarEntry Shift(const std::string& scope, TimeMicros start, TimeMicros end,
                    const std::string& label) {
  CalendarEntry e;
  e.scope = scope;
  e.start = start;
  e.end = end;
  e.kind = CalendarKind::kShift;
  e.label = label;
  e.source = SourceRef::Import(std::string(64, 'a'), 2);
  return e;
}

Inputs Plant() {
  Inputs in;
  auto node = [&in](const std::string& id, const std::string& parent, const std::string& level) {
    in.equipment.push_back({id, id, parent, level, SourceRef::Import(std::string(64, 'b'), 2)});
  };
  node("S1", "", "site");
  node("L1", "S1", "work_center");
  node("WU1", "L1", "work_unit");
  node("L2", "S1", "work_center");
  node("WU2", "L2", "work_unit");
  in.calendar = {
      Shift("L1", kDay0 + 14 * kHour, kDay0 + 22 * kHour, "Late"),
      Shift("L1", kDay0 + 6 * kHour, kDay0 + 14 * kHour, "Early"),
      Shift("S1", kDay0 + 6 * kHour, kDay0 + 14 * kHour, "Early (site)"),  // the same times
      Shift("L2", kDay0 + 22 * kHour, kDay0 + 30 * kHour, "Night"),
      Shift("", kDay0 + 30 * kHour, kDay0 + 38 * kHour, "Plant"),
      Shift("L1", kDay0 + 200 * kHour, kDay0 + 208 * kHour, "Outside the window"),
  };
  CalendarEntry brk = Shift("L1", kDay0 + 10 * kHour, kDay0 + 11 * kHour, "Break");
  brk.kind = CalendarKind::kBreak;
  in.calendar.push_back(brk);
  return in;
}

std::vector<std::string> Labels(const std::vector<TrendBucket>& buckets) {
  std::vector<std::string> out;
  for (const auto& b : buckets) out.push_back(b.label);
  return out;
}

TEST(TrendBuckets, DaysRunFromTheStartAndTheLastIsCutAtTheEnd) {
  ORDO_VERIFIES("ORDO-MISUI-14");
  const Inputs in = Plant();
  const ElementIndex index(in);
  auto days =
      TrendBuckets(index, "L1", kDay0, kDay0 + 2 * 24 * kHour + 6 * kHour, TrendStep::kDay, kUtc);
  ASSERT_TRUE(days.ok()) << days.error().message;
  ASSERT_EQ(days->size(), 3u);
  EXPECT_EQ(Labels(*days), (std::vector<std::string>{"2026-03-02", "2026-03-03", "2026-03-04"}));
  EXPECT_EQ((*days)[1].from, kDay0 + 24 * kHour);
  EXPECT_EQ((*days)[2].to, kDay0 + 54 * kHour);
  auto many = TrendBuckets(index, "", kDay0, kDay0 + 401 * 24 * kHour, TrendStep::kDay, kUtc);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.error().reason, "too_many_buckets");
  EXPECT_EQ(many.error().field, "from");
  EXPECT_TRUE(TrendBuckets(index, "", kDay0, kDay0 + 400 * 24 * kHour, TrendStep::kDay, kUtc).ok());
}

TEST(TrendBuckets, DaysAreLocalDaysOfTheSiteTimeZone) {
  ORDO_VERIFIES("ORDO-MISTZ-10");
  const Inputs in = Plant();
  const ElementIndex index(in);
  const calendar::TimeZone berlin = Berlin();
  // 2026-03-02T00:00Z is 01:00 in Berlin (+01:00): the first day ends at 23:00 UTC.
  auto days = TrendBuckets(index, "L1", kDay0, kDay0 + 48 * kHour, TrendStep::kDay, berlin);
  ASSERT_TRUE(days.ok()) << days.error().message;
  EXPECT_EQ(Labels(*days), (std::vector<std::string>{"2026-03-02", "2026-03-03", "2026-03-04"}));
  EXPECT_EQ((*days)[0].to, berlin.StartOfDay({2026, 3, 3}));
  EXPECT_EQ((*days)[0].to, kDay0 + 23 * kHour);
  EXPECT_EQ((*days)[1].to - (*days)[1].from, 24 * kHour);
  EXPECT_EQ((*days)[2].to, kDay0 + 48 * kHour);
  // Around the change to summer time: 2026-03-29 has 23 hours.
  const TimeMicros from = berlin.StartOfDay({2026, 3, 28});
  auto spring =
      TrendBuckets(index, "L1", from, berlin.StartOfDay({2026, 3, 31}), TrendStep::kDay, berlin);
  ASSERT_TRUE(spring.ok());
  ASSERT_EQ(spring->size(), 3u);
  EXPECT_EQ((*spring)[1].label, "2026-03-29");
  EXPECT_EQ((*spring)[1].to - (*spring)[1].from, 23 * kHour);
}

TEST(ComputeTrend, AnIntervalAt2330UtcCountsInTheNextBerlinDay) {
  ORDO_VERIFIES("ORDO-MISTZ-10");
  using namespace ordo::mis::testing;  // kBase: 2026-01-05T00:00:00Z (+01:00 in Berlin)
  Builder b;
  b.Node("L1", "", "line").Node("WU1", "L1", "work_unit");
  b.Cal("WU1", 22 * 60, 26 * 60, CalendarKind::kShift);
  b.State("WU1", 22 * 60, 23.5 * 60, MachineState::kRunning);
  b.State("WU1", 23.5 * 60, 23.75 * 60, MachineState::kDown);  // 23:30-23:45 UTC
  b.State("WU1", 23.75 * 60, 26 * 60, MachineState::kRunning);
  const ElementIndex index(b.inputs);
  auto trend = ParseTrendQuery({{"kpi", "npt"},
                                {"scope", "WU1"},
                                {"from", "2026-01-05T00:00:00Z"},
                                {"to", "2026-01-07T00:00:00Z"}});
  ASSERT_TRUE(trend.ok()) << trend.error().message;
  auto value_of = [](const Json& answer, const std::string& label) -> Json {
    for (const Json& p : answer["points"])
      if (p["label"] == label) return p["value"];
    return "no such point";
  };
  auto utc = ComputeTrend(index, *trend, nullptr, kUtc);
  ASSERT_TRUE(utc.ok()) << utc.error().message;
  EXPECT_EQ(value_of(*utc, "2026-01-05"), Json(900.0));
  EXPECT_EQ((*utc)["time_zone"], "UTC");
  auto berlin = ComputeTrend(index, *trend, nullptr, Berlin());
  ASSERT_TRUE(berlin.ok()) << berlin.error().message;
  EXPECT_EQ((*berlin)["time_zone"], "Europe/Berlin");
  EXPECT_EQ(value_of(*berlin, "2026-01-05"), Json(0.0));
  EXPECT_EQ(value_of(*berlin, "2026-01-06"), Json(900.0));
  EXPECT_EQ((*berlin)["points"][1]["from"], "2026-01-05T23:00:00.000000Z");
}

TEST(TrendBuckets, ShiftsAreTheCalendarsShiftsOfTheScopeInTheWindow) {
  ORDO_VERIFIES("ORDO-MISUI-14");
  const Inputs in = Plant();
  const ElementIndex index(in);
  const TimeMicros from = kDay0, to = kDay0 + 48 * kHour;
  // A work unit: its line's and site's shifts (one bucket for the same times), the plant's;
  // not the other line's, not a break, not one outside the window.
  auto unit = TrendBuckets(index, "WU1", from, to, TrendStep::kShift, kUtc);
  ASSERT_TRUE(unit.ok()) << unit.error().message;
  EXPECT_EQ(Labels(*unit), (std::vector<std::string>{"Early", "Late", "Plant"}));
  // The site: every shift below it too, by start.
  auto site = TrendBuckets(index, "S1", from, to, TrendStep::kShift, kUtc);
  ASSERT_TRUE(site.ok()) << site.error().message;
  EXPECT_EQ(Labels(*site), (std::vector<std::string>{"Early", "Late", "Night", "Plant"}));
  // A shift that starts before the window is not a bucket of it.
  auto late = TrendBuckets(index, "WU1", kDay0 + 7 * kHour, to, TrendStep::kShift, kUtc);
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(Labels(*late), (std::vector<std::string>{"Late", "Plant"}));
}

TEST(TrendQuery, StepIsDayOrShiftAndExactlyOneKpi) {
  ORDO_VERIFIES("ORDO-MISUI-14");
  std::map<std::string, std::string> q{
      {"kpi", "availability"}, {"from", "2026-03-02T00:00:00Z"}, {"to", "2026-03-04T00:00:00Z"}};
  auto day = ParseTrendQuery(q);
  ASSERT_TRUE(day.ok()) << day.error().message;
  EXPECT_EQ(day->step, TrendStep::kDay);
  q["step"] = "shift";
  auto shift = ParseTrendQuery(q);
  ASSERT_TRUE(shift.ok()) << shift.error().message;
  EXPECT_EQ(shift->step, TrendStep::kShift);
  EXPECT_EQ(shift->query.request.kpis, (std::vector<std::string>{"availability"}));
  q["step"] = "hour";
  auto bad = ParseTrendQuery(q);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "step");
  EXPECT_EQ(bad.error().reason, "invalid_step");
}

}  // namespace
}  // namespace ordo::mis::kpi_source
