// The snapshot's day windows: whole local days of the site's time zone.
#include "mis/snapshots/snapshot.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/kpi/kpi_test_util.h"
#include "mis/snapshots/store.h"
#include "mis/store/mis_store.h"
#include "storage/rows.h"

namespace ordo::mis::snapshots {
namespace {

using namespace ordo::mis::testing;

constexpr TimeMicros kHour = 3600LL * 1'000'000;

TimeMicros At(const char* iso) {
  TimeMicros t = 0;
  EXPECT_TRUE(ParseIsoTime(iso, &t)) << iso;
  return t;
}

TEST(Snapshot, DayViewsAreWholeLocalDaysOfTheSiteTimeZone) {
  ORDO_VERIFIES("ORDO-MISTZ-12");
  auto berlin = calendar::LoadTimeZone("Europe/Berlin", "time-zone");
  ASSERT_TRUE(berlin.ok());
  // A shift over the three days around the change to summer time; WU-1 down from
  // 23:30 UTC on March 28 (00:30 on the 29th in Berlin) for 30 minutes.
  Builder b;
  b.Node("LINE-1", "", "work_center").Node("WU-1", "LINE-1", "work_unit");
  b.inputs.calendar.push_back({"LINE-1", At("2026-03-27T00:00:00Z"), At("2026-03-31T00:00:00Z"),
                               CalendarKind::kShift, "long", b.Next()});
  b.inputs.states.push_back({"WU-1", At("2026-03-27T00:00:00Z"), At("2026-03-28T23:30:00Z"),
                             MachineState::kRunning, "", false, b.Next()});
  b.inputs.states.push_back({"WU-1", At("2026-03-28T23:30:00Z"), At("2026-03-29T00:00:00Z"),
                             MachineState::kDown, "JAM", false, b.Next()});
  b.inputs.states.push_back({"WU-1", At("2026-03-29T00:00:00Z"), At("2026-03-31T00:00:00Z"),
                             MachineState::kRunning, "", false, b.Next()});
  const ElementIndex index(b.inputs);
  const Snapshot snapshot = ComputeSnapshot(index, At("2026-03-29T12:00:00Z"), 2, *berlin);
  EXPECT_EQ(snapshot.from, berlin->StartOfDay({2026, 3, 28}));
  EXPECT_EQ(snapshot.from, At("2026-03-27T23:00:00Z"));
  EXPECT_EQ(snapshot.to, At("2026-03-29T22:00:00Z"));
  // The day rows of WU-1's availability: one per local day, the 29th of 23 hours and
  // holding the 30 minutes down.
  std::vector<const SnapshotFigure*> days;
  for (const SnapshotFigure& f : snapshot.figures)
    if (f.scope == "WU-1" && f.window_kind == "day" && f.kpi == "availability" &&
        f.profile == "iso22400")
      days.push_back(&f);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0]->label, "2026-03-28");
  EXPECT_EQ(days[0]->to - days[0]->from, 24 * kHour);
  EXPECT_DOUBLE_EQ(*days[0]->value, 1.0);
  EXPECT_EQ(days[1]->label, "2026-03-29");
  EXPECT_EQ(days[1]->from, At("2026-03-28T23:00:00Z"));
  EXPECT_EQ(days[1]->to - days[1]->from, 23 * kHour);
  EXPECT_DOUBLE_EQ(*days[1]->value, 22.5 / 23.0);
  // In UTC the same instant makes the 28th the day with the down time.
  int checked = 0;
  const Snapshot utc =
      ComputeSnapshot(index, At("2026-03-29T12:00:00Z"), 2, calendar::TimeZone::Utc());
  for (const SnapshotFigure& f : utc.figures) {
    if (f.scope != "WU-1" || f.window_kind != "day" || f.kpi != "availability" ||
        f.profile != "iso22400" || f.label != "2026-03-28")
      continue;
    EXPECT_DOUBLE_EQ(*f.value, 23.5 / 24.0);
    ++checked;
  }
  EXPECT_EQ(checked, 1);
}

TEST(Snapshot, TheDayViewsNameTheLocalDay) {
  ORDO_VERIFIES("ORDO-MISTZ-12");
  auto berlin = calendar::LoadTimeZone("Europe/Berlin", "time-zone");
  ASSERT_TRUE(berlin.ok());
  Builder b;
  b.Node("LINE-1", "", "work_center").Node("WU-1", "LINE-1", "work_unit");
  b.inputs.calendar.push_back({"LINE-1", At("2026-03-27T00:00:00Z"), At("2026-03-31T00:00:00Z"),
                               CalendarKind::kShift, "long", b.Next()});
  b.inputs.states.push_back({"WU-1", At("2026-03-27T00:00:00Z"), At("2026-03-31T00:00:00Z"),
                             MachineState::kRunning, "", false, b.Next()});
  const ElementIndex index(b.inputs);
  const Snapshot snapshot = ComputeSnapshot(index, At("2026-03-29T12:00:00Z"), 2, *berlin);
  const std::string path = ::testing::TempDir() + "/mis_snapshot_views.db";
  std::remove(path.c_str());
  auto opened = store::OpenMisStore(path, SnapshotMigrations(), /*create=*/true);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  ASSERT_TRUE(StoreSnapshot(*opened->db, snapshot, At("2026-03-29T12:00:00Z")).ok());
  auto pbt = storage::FirstRow<std::string>(
      *opened->db,
      "SELECT window_from || ' ' || window_to || ' ' || CAST(value AS INTEGER) FROM "
      "mis_elements_day WHERE scope = 'WU-1' AND element = 'PBT' AND day = '2026-03-29'",
      storage::NoBind, [](const storage::Statement& s) { return s.Text(0); });
  ASSERT_TRUE(pbt.ok()) << pbt.error().message;
  ASSERT_TRUE(pbt->has_value());
  EXPECT_EQ(**pbt, "2026-03-28T23:00:00Z 2026-03-29T22:00:00Z " + std::to_string(23 * 3600));
  auto figure = storage::FirstRow<std::string>(
      *opened->db,
      "SELECT window_from FROM mis_kpi_day WHERE scope = 'WU-1' AND day = '2026-03-29' AND "
      "kpi = 'availability' AND profile = 'iso22400'",
      storage::NoBind, [](const storage::Statement& s) { return s.Text(0); });
  ASSERT_TRUE(figure.ok() && figure->has_value());
  EXPECT_EQ(**figure, "2026-03-28T23:00:00Z");
  opened->db.reset();
  std::remove(path.c_str());
}

}  // namespace
}  // namespace ordo::mis::snapshots
