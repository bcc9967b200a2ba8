// The site's time zone: UTC offsets, local civil time and local days, from a TZif file
// (RFC 8536; tzif.h parses one, zoneinfo.h loads one by name). g++ 12's libstdc++ has no
// std::chrono time zone database, so the MIS reads the system's tzdata itself. Pure: a
// TimeZone is a value (copyable, immutable); nothing here reads a file or a clock.
//
// Instants are UTC microseconds (core/clock.h TimeMicros). Local civil time is the
// proleptic Gregorian calendar at one-second resolution.
//
// The rules for local times that do not name exactly one instant:
// - a gap (clocks spring forward; e.g. 02:30 in Berlin on the last Sunday of March):
//   the local time is taken with the UTC offset in force before the gap, so it lands as
//   far after the gap as it was into it (02:30 -> 03:30 CEST, 01:30 UTC);
// - a fold (clocks fall back; e.g. 02:30 in Berlin on the last Sunday of October occurs
//   twice): the earlier instant (the first 02:30, still in summer time).
// Local midnight follows the same rules: where a day starts inside a gap (some zones
// change at 00:00), it starts at the end of the gap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace ordo::mis::calendar {

// A civil date (proleptic Gregorian), e.g. {2026, 3, 29}.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// A local wall-clock time on a civil date.
struct CivilTime {
  CivilDate date;
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
  int second = 0;  // 0..59
};

// Days since 1970-01-01 of `date` (negative before), and back.
std::int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(std::int64_t days);
// `date` moved by `days` days (negative: back).
CivilDate AddDays(const CivilDate& date, std::int64_t days);
// "2026-03-29".
std::string FormatDate(const CivilDate& date);
// A strict "YYYY-MM-DD" that names a real date (2026-02-29 does not); false otherwise.
bool ParseDate(std::string_view text, CivilDate* out);

// A change of UTC offset: from instant `at` (seconds since the epoch, UTC) on, local time
// is UTC + `utc_offset` seconds.
struct OffsetChange {
  std::int64_t at = 0;
  std::int32_t utc_offset = 0;
};

// The rule of a POSIX TZ string (the TZif footer, e.g. "CET-1CEST,M3.5.0,M10.5.0/3"):
// standard time, and optionally daylight time between two yearly rule days.
struct PosixRule {
  struct Day {
    enum class Kind { kJulian1, kJulian0, kMonthWeekDay } kind = Kind::kMonthWeekDay;
    int day = 0;               // Jn: 1..365 (Feb 29 never counted); n: 0..365
    int month = 0, week = 0;   // Mm.w.d: month 1..12, week 1..5 (5 = the last)
    int weekday = 0;           // 0 = Sunday
    std::int32_t time = 7200;  // seconds after local midnight, -167 h .. +167 h
  };
  std::int32_t std_offset = 0;             // UTC offset of standard time (seconds, east positive)
  std::optional<std::int32_t> dst_offset;  // none: standard time all year
  Day start, end;                          // when daylight time starts and ends (dst only)
};

// The offset changes of `rule` in calendar year `year` (two with daylight time, sorted;
// none without).
std::vector<OffsetChange> RuleChanges(const PosixRule& rule, int year);

// How a local time maps to instants (TimeZone::Resolve).
struct LocalInstants {
  enum class Kind { kUnique, kGap, kFold } kind = Kind::kUnique;
  TimeMicros earlier = 0;  // unique: the instant; fold: the first; gap: the rule's instant
  TimeMicros later = 0;    // fold: the second; otherwise == earlier
};

class TimeZone {
 public:
  // UTC itself: offset 0 always; needs no file.
  static TimeZone Utc();
  // A zone from parsed parts (tzif.h builds these): `initial_offset` before the first
  // change; the changes sorted by `at`, strictly increasing; `footer` (when present) for
  // instants after the last change (for all instants when there is no change).
  TimeZone(std::string name, std::int32_t initial_offset, std::vector<OffsetChange> changes,
           std::optional<PosixRule> footer);

  const std::string& name() const { return name_; }

  // The UTC offset (seconds, east positive) in force at instant `t`.
  std::int32_t UtcOffset(TimeMicros t) const;
  // The local civil time and date at instant `t`.
  CivilTime LocalTime(TimeMicros t) const;
  CivilDate LocalDate(TimeMicros t) const { return LocalTime(t).date; }

  // The instants that are `local` here: one, two (a fold) or none (a gap: `earlier` and
  // `later` are then the instant by the gap rule above).
  LocalInstants Resolve(const CivilTime& local) const;
  // The one instant of `local` by the rules above (a fold: the earlier; a gap: shifted
  // forward).
  TimeMicros ToUtc(const CivilTime& local) const { return Resolve(local).earlier; }

  // The instant local day `date` starts (its 00:00 by the rules above).
  TimeMicros StartOfDay(const CivilDate& date) const;
  // The start of the local day after the one holding `t` (23 or 25 hours after the start
  // of a day of a clock change, 24 otherwise).
  TimeMicros NextMidnight(TimeMicros t) const;
  // The last microsecond of local day `date` (the next day's start, less 1 µs).
  TimeMicros EndOfDay(const CivilDate& date) const;

 private:
  // The first change strictly after `seconds`, from the table or the footer.
  std::optional<OffsetChange> NextChange(std::int64_t seconds) const;
  std::int32_t OffsetAtSeconds(std::int64_t seconds) const;

  std::string name_;
  std::int32_t initial_offset_ = 0;
  std::vector<OffsetChange> changes_;
  std::optional<PosixRule> footer_;
};

// One local day of a window (LocalDays).
struct LocalDay {
  TimeMicros from = 0, to = 0;  // the day cut to the window
  CivilDate date;
  std::string label;  // "2026-03-29"
};

// The local days of `zone` that overlap [from, to), in order, each cut to the window: the
// first from `from` to the next local midnight, the last from a midnight to `to`. At
// most `limit` + 1 days are returned (a caller refuses more than `limit`).
std::vector<LocalDay> LocalDays(const TimeZone& zone, TimeMicros from, TimeMicros to,
                                std::size_t limit);

}  // namespace ordo::mis::calendar
