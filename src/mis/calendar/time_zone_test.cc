// Real zones from the system's tzdata: offsets around the 2026 clock changes, gaps and
// folds, days of 23 and 25 hours, half-hour zones, and every offset checked against the C
// library's own reading of the same zone (glibc localtime_r with TZ set), which shares no
// code with ours.
#include "mis/calendar/time_zone.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "core/testing/verifies.h"
#include "mis/calendar/zoneinfo.h"

namespace ordo::mis::calendar {
namespace {

constexpr TimeMicros kSecond = 1'000'000, kHour = 3600 * kSecond;

TimeMicros At(const char* iso) {
  TimeMicros t = 0;
  EXPECT_TRUE(ParseIsoTime(iso, &t)) << iso;
  return t;
}

TimeZone Zone(const std::string& name) {
  auto zone = LoadTimeZone(name, "time-zone");
  EXPECT_TRUE(zone.ok()) << name << ": " << (zone.ok() ? "" : zone.error().message);
  return zone.ok() ? *zone : TimeZone::Utc();
}

// The C library's UTC offset of `name` at `t` (seconds).
long LibcOffset(const std::string& name, TimeMicros t) {
  setenv("TZ", name.c_str(), 1);
  tzset();
  const std::time_t s = static_cast<std::time_t>(t / kSecond);
  std::tm tm{};
  localtime_r(&s, &tm);
  return tm.tm_gmtoff;
}

TEST(TimeZone, BerlinAndNewYorkOffsetsAroundTheir2026Changes) {
  ORDO_VERIFIES("ORDO-MISTZ-01", "ORDO-MISTZ-02");
  const TimeZone berlin = Zone("Europe/Berlin");
  // Summer time starts on the last Sunday of March at 01:00 UTC, ends on the last Sunday
  // of October at 01:00 UTC.
  EXPECT_EQ(berlin.UtcOffset(At("2026-03-29T01:00:00Z") - 1), 3600);
  EXPECT_EQ(berlin.UtcOffset(At("2026-03-29T01:00:00Z")), 7200);
  EXPECT_EQ(berlin.UtcOffset(At("2026-10-25T01:00:00Z") - 1), 7200);
  EXPECT_EQ(berlin.UtcOffset(At("2026-10-25T01:00:00Z")), 3600);
  const TimeZone new_york = Zone("America/New_York");
  // Second Sunday of March and first Sunday of November, at 02:00 local.
  EXPECT_EQ(new_york.UtcOffset(At("2026-03-08T07:00:00Z") - 1), -5 * 3600);
  EXPECT_EQ(new_york.UtcOffset(At("2026-03-08T07:00:00Z")), -4 * 3600);
  EXPECT_EQ(new_york.UtcOffset(At("2026-11-01T06:00:00Z") - 1), -4 * 3600);
  EXPECT_EQ(new_york.UtcOffset(At("2026-11-01T06:00:00Z")), -5 * 3600);
  for (TimeMicros t : {At("2026-03-29T01:00:00Z") - 1, At("2026-03-29T01:00:00Z"),
                       At("2026-10-25T01:00:00Z") - kSecond, At("2026-10-25T01:00:00Z")})
    EXPECT_EQ(berlin.UtcOffset(t), LibcOffset("Europe/Berlin", t));
  const CivilTime noon = berlin.LocalTime(At("2026-07-01T10:00:00Z"));
  EXPECT_EQ(FormatDate(noon.date), "2026-07-01");
  EXPECT_EQ(noon.hour, 12);
}

TEST(TimeZone, AgreesWithTheCLibraryFrom1900To2100) {
  ORDO_VERIFIES("ORDO-MISTZ-01", "ORDO-MISTZ-02");
  for (const char* name : {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                           "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Chatham"}) {
    const TimeZone zone = Zone(name);
    int checked = 0;
    // Every 5 hours 17 minutes: hits both sides of every change many times over.
    for (TimeMicros t = At("1900-01-01T00:00:00Z"); t < At("2100-01-01T00:00:00Z");
         t += 5 * kHour + 17 * 60 * kSecond) {
      const long expected = LibcOffset(name, t);
      if (zone.UtcOffset(t) != expected) {
        ADD_FAILURE() << name << " at " << FormatUtcMicros(t) << ": " << zone.UtcOffset(t)
                      << " != " << expected;
        break;
      }
      ++checked;
    }
    EXPECT_GT(checked, 300'000) << name;
  }
  unsetenv("TZ");
  tzset();
}

TEST(TimeZone, GapShiftsForwardAndFoldTakesTheEarlierInstant) {
  ORDO_VERIFIES("ORDO-MISTZ-03");
  const TimeZone berlin = Zone("Europe/Berlin");
  const LocalInstants gap = berlin.Resolve({{2026, 3, 29}, 2, 30, 0});
  EXPECT_EQ(gap.kind, LocalInstants::Kind::kGap);
  // 02:30 is taken at +01:00, the offset before the gap: 01:30 UTC, 03:30 CEST.
  EXPECT_EQ(gap.earlier, At("2026-03-29T01:30:00Z"));
  EXPECT_EQ(berlin.LocalTime(gap.earlier).hour, 3);
  const LocalInstants fold = berlin.Resolve({{2026, 10, 25}, 2, 30, 0});
  EXPECT_EQ(fold.kind, LocalInstants::Kind::kFold);
  EXPECT_EQ(fold.earlier, At("2026-10-25T00:30:00Z"));
  EXPECT_EQ(fold.later, At("2026-10-25T01:30:00Z"));
  EXPECT_EQ(berlin.ToUtc({{2026, 10, 25}, 2, 30, 0}), fold.earlier);
  const LocalInstants plain = berlin.Resolve({{2026, 6, 1}, 8, 0, 0});
  EXPECT_EQ(plain.kind, LocalInstants::Kind::kUnique);
  EXPECT_EQ(plain.earlier, At("2026-06-01T06:00:00Z"));
  // Every instant of a year maps back to itself through its own local time (the later of a
  // fold's two only when it is the second).
  const TimeZone new_york = Zone("America/New_York");
  for (TimeMicros t = At("2026-01-01T00:00:00Z"); t < At("2027-01-01T00:00:00Z");
       t += 3 * kHour + 7 * 60 * kSecond) {
    const LocalInstants back = new_york.Resolve(new_york.LocalTime(t));
    const TimeMicros whole = t - t % kSecond;
    EXPECT_TRUE(back.earlier == whole || back.later == whole) << FormatUtcMicros(t);
  }
}

TEST(TimeZone, DaysOf23And25HoursAndTheirMidnights) {
  ORDO_VERIFIES("ORDO-MISTZ-04");
  const TimeZone berlin = Zone("Europe/Berlin");
  const TimeMicros spring = berlin.StartOfDay({2026, 3, 29});
  EXPECT_EQ(spring, At("2026-03-29T00:00:00Z") - berlin.UtcOffset(spring) * kSecond);
  EXPECT_EQ(spring, At("2026-03-28T23:00:00Z"));
  EXPECT_EQ(berlin.NextMidnight(spring) - spring, 23 * kHour);
  EXPECT_EQ(berlin.NextMidnight(spring + 20 * kHour) - spring, 23 * kHour);
  const TimeMicros autumn = berlin.StartOfDay({2026, 10, 25});
  EXPECT_EQ(berlin.NextMidnight(autumn) - autumn, 25 * kHour);
  EXPECT_EQ(berlin.EndOfDay({2026, 10, 25}), berlin.NextMidnight(autumn) - 1);
  const TimeMicros ordinary = berlin.StartOfDay({2026, 6, 10});
  EXPECT_EQ(berlin.NextMidnight(ordinary) - ordinary, 24 * kHour);
  // A day that starts in a gap (Sao Paulo moved clocks at 00:00 until 2019) starts at
  // the gap's end: 01:00 local.
  const TimeZone sao_paulo = Zone("America/Sao_Paulo");
  const TimeMicros gap_day = sao_paulo.StartOfDay({2018, 11, 4});
  EXPECT_EQ(sao_paulo.LocalTime(gap_day).hour, 1);
  EXPECT_EQ(FormatDate(sao_paulo.LocalDate(gap_day)), "2018-11-04");
  EXPECT_EQ(sao_paulo.LocalDate(gap_day - 1), (CivilDate{2018, 11, 3}));
}

TEST(TimeZone, LocalDaysCutAWindowAtLocalMidnights) {
  ORDO_VERIFIES("ORDO-MISTZ-04");
  const TimeZone berlin = Zone("Europe/Berlin");
  const auto days = LocalDays(berlin, At("2026-03-28T12:00:00Z"), At("2026-03-30T12:00:00Z"), 10);
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0].label, "2026-03-28");
  EXPECT_EQ(days[0].from, At("2026-03-28T12:00:00Z"));
  EXPECT_EQ(days[0].to, At("2026-03-28T23:00:00Z"));
  EXPECT_EQ(days[1].label, "2026-03-29");
  EXPECT_EQ(days[1].to - days[1].from, 23 * kHour);
  EXPECT_EQ(days[2].from, At("2026-03-29T22:00:00Z"));
  EXPECT_EQ(days[2].to, At("2026-03-30T12:00:00Z"));
  EXPECT_EQ(LocalDays(berlin, At("2026-01-01T00:00:00Z"), At("2026-12-31T00:00:00Z"), 5).size(),
            6u);
  EXPECT_TRUE(LocalDays(berlin, 10, 10, 5).empty());
}

TEST(TimeZone, HalfHourZones) {
  ORDO_VERIFIES("ORDO-MISTZ-01", "ORDO-MISTZ-04");
  const TimeZone kolkata = Zone("Asia/Kolkata");
  for (const char* iso : {"2026-01-15T00:00:00Z", "2026-07-15T00:00:00Z", "2040-03-01T00:00:00Z"})
    EXPECT_EQ(kolkata.UtcOffset(At(iso)), 5 * 3600 + 1800) << iso;
  EXPECT_EQ(kolkata.StartOfDay({2026, 3, 1}), At("2026-02-28T18:30:00Z"));
  // Lord Howe: +10:30 standard, +11:00 in (southern) summer: days of 23.5 and 24.5 hours.
  const TimeZone lord_howe = Zone("Australia/Lord_Howe");
  EXPECT_EQ(lord_howe.UtcOffset(At("2026-01-15T00:00:00Z")), 11 * 3600);
  EXPECT_EQ(lord_howe.UtcOffset(At("2026-07-15T00:00:00Z")), 10 * 3600 + 1800);
  // Summer time ends on the first Sunday of April (2026-04-05) at 02:00 local.
  const TimeMicros end_day = lord_howe.StartOfDay({2026, 4, 5});
  EXPECT_EQ(lord_howe.NextMidnight(end_day) - end_day, 24 * kHour + 30 * 60 * kSecond);
  const TimeMicros start_day = lord_howe.StartOfDay({2026, 10, 4});
  EXPECT_EQ(lord_howe.NextMidnight(start_day) - start_day, 23 * kHour + 30 * 60 * kSecond);
}

TEST(TimeZone, Year2040ComesFromTheFooterRule) {
  ORDO_VERIFIES("ORDO-MISTZ-02");
  const TimeZone berlin = Zone("Europe/Berlin");
  // The last Sunday of March 2040 is the 25th, of October the 28th.
  EXPECT_EQ(berlin.UtcOffset(At("2040-03-25T01:00:00Z") - 1), 3600);
  EXPECT_EQ(berlin.UtcOffset(At("2040-03-25T01:00:00Z")), 7200);
  EXPECT_EQ(berlin.UtcOffset(At("2040-10-28T01:00:00Z") - 1), 7200);
  EXPECT_EQ(berlin.UtcOffset(At("2040-10-28T01:00:00Z")), 3600);
  const TimeMicros day = berlin.StartOfDay({2040, 3, 25});
  EXPECT_EQ(berlin.NextMidnight(day) - day, 23 * kHour);
}

TEST(TimeZone, UtcNeedsNoFile) {
  ORDO_VERIFIES("ORDO-MISTZ-06");
  auto utc = LoadTimeZone("UTC", "time-zone", "/nonexistent/zoneinfo");
  ASSERT_TRUE(utc.ok());
  EXPECT_EQ(utc->name(), "UTC");
  EXPECT_EQ(utc->UtcOffset(At("2026-06-01T00:00:00Z")), 0);
  EXPECT_EQ(utc->StartOfDay({2026, 6, 1}), At("2026-06-01T00:00:00Z"));
  EXPECT_EQ(utc->EndOfDay({2026, 6, 1}), At("2026-06-02T00:00:00Z") - 1);
}

TEST(TimeZone, LoaderRefusesNamesOutsideTheZoneinfoDirectory) {
  ORDO_VERIFIES("ORDO-MISTZ-06");
  for (const char* name :
       {"../etc/passwd", "/etc/passwd", "Europe/../../etc/passwd", "", "Mars/Olympus", "Europe/",
        "Europe//Berlin", "Europe/Berlin\n", "Europe", "zone.tab"}) {
    auto zone = LoadTimeZone(name, "time-zone");
    ASSERT_FALSE(zone.ok()) << name;
    EXPECT_EQ(zone.error().reason, "unknown_time_zone") << name;
    EXPECT_EQ(zone.error().field, "time-zone");
    EXPECT_NE(zone.error().message.find("time-zone"), std::string::npos);
  }
  EXPECT_TRUE(IsValidZoneName("America/Argentina/Buenos_Aires"));
  EXPECT_TRUE(IsValidZoneName("Etc/GMT+5"));
  EXPECT_FALSE(IsValidZoneName(".."));
}

}  // namespace
}  // namespace ordo::mis::calendar
