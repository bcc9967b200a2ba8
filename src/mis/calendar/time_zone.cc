// Offsets, local time and local days of a zone (time_zone.h).
#include "mis/calendar/time_zone.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace ordo::mis::calendar {

namespace {

constexpr std::int64_t kDaySeconds = 86'400;
constexpr std::int64_t kMicros = 1'000'000;
// RFC 8536: a UTC offset lies in -89999 .. 93599 seconds, so local time is within 26
// hours of UTC.
constexpr std::int64_t kMaxOffset = 26 * 3600;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

int YearOfSeconds(std::int64_t seconds) {
  return CivilFromDays(FloorDiv(seconds, kDaySeconds)).year;
}

// Days since the epoch of the rule day `d` in `year`.
std::int64_t RuleDay(const PosixRule::Day& d, int year) {
  const std::int64_t jan1 = DaysFromCivil({year, 1, 1});
  switch (d.kind) {
    case PosixRule::Day::Kind::kJulian1:
      return jan1 + d.day - 1 + (IsLeap(year) && d.day >= 60 ? 1 : 0);
    case PosixRule::Day::Kind::kJulian0:
      return jan1 + d.day;
    case PosixRule::Day::Kind::kMonthWeekDay: {
      const std::int64_t first = DaysFromCivil({year, d.month, 1});
      const int first_weekday = static_cast<int>(((first + 4) % 7 + 7) % 7);  // 0 = Sunday
      std::int64_t day = first + (d.weekday - first_weekday + 7) % 7 + 7 * (d.week - 1);
      while (day >= first + DaysInMonth(year, d.month)) day -= 7;
      return day;
    }
  }
  return jan1;
}

}  // namespace

std::int64_t DaysFromCivil(const CivilDate& date) {
  namespace c = std::chrono;
  const c::year_month_day ymd{c::year{date.year}, c::month{static_cast<unsigned>(date.month)},
                              c::day{static_cast<unsigned>(date.day)}};
  return c::sys_days{ymd}.time_since_epoch().count();
}

CivilDate CivilFromDays(std::int64_t days) {
  namespace c = std::chrono;
  const c::year_month_day ymd{c::sys_days{c::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

CivilDate AddDays(const CivilDate& date, std::int64_t days) {
  return CivilFromDays(DaysFromCivil(date) + days);
}

std::string FormatDate(const CivilDate& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

bool ParseDate(std::string_view text, CivilDate* out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i)
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      const char ch = text[starts[i] + k];
      if (ch < '0' || ch > '9') return false;
      parts[i] = parts[i] * 10 + (ch - '0');
    }
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > DaysInMonth(parts[0], parts[1]))
    return false;
  *out = {parts[0], parts[1], parts[2]};
  return true;
}

std::vector<OffsetChange> RuleChanges(const PosixRule& rule, int year) {
  if (!rule.dst_offset) return {};
  const std::int64_t start =
      RuleDay(rule.start, year) * kDaySeconds + rule.start.time - rule.std_offset;
  const std::int64_t end = RuleDay(rule.end, year) * kDaySeconds + rule.end.time - *rule.dst_offset;
  std::vector<OffsetChange> out{{start, *rule.dst_offset}, {end, rule.std_offset}};
  std::sort(out.begin(), out.end(),
            [](const OffsetChange& a, const OffsetChange& b) { return a.at < b.at; });
  return out;
}

TimeZone TimeZone::Utc() { return TimeZone("UTC", 0, {}, std::nullopt); }

TimeZone::TimeZone(std::string name, std::int32_t initial_offset, std::vector<OffsetChange> changes,
                   std::optional<PosixRule> footer)
    : name_(std::move(name)),
      initial_offset_(initial_offset),
      changes_(std::move(changes)),
      footer_(std::move(footer)) {}

std::int32_t TimeZone::OffsetAtSeconds(std::int64_t s) const {
  const bool after_table = changes_.empty() || s > changes_.back().at;
  if (!changes_.empty() && s < changes_.front().at) return initial_offset_;
  if (after_table && footer_) {
    if (!footer_->dst_offset) return footer_->std_offset;
    const int year = YearOfSeconds(s);
    std::optional<std::int32_t> offset;
    for (int y = year - 1; y <= year + 1; ++y)
      for (const OffsetChange& c : RuleChanges(*footer_, y))
        if (c.at <= s) offset = c.utc_offset;  // years ascending, changes sorted in each
    return offset.value_or(footer_->std_offset);
  }
  if (changes_.empty()) return initial_offset_;
  auto it = std::upper_bound(changes_.begin(), changes_.end(), s,
                             [](std::int64_t v, const OffsetChange& c) { return v < c.at; });
  return std::prev(it)->utc_offset;
}

std::optional<OffsetChange> TimeZone::NextChange(std::int64_t s) const {
  auto it = std::upper_bound(changes_.begin(), changes_.end(), s,
                             [](std::int64_t v, const OffsetChange& c) { return v < c.at; });
  if (it != changes_.end()) return *it;
  if (!footer_ || !footer_->dst_offset) return std::nullopt;
  const std::int64_t floor = changes_.empty() ? s : std::max(s, changes_.back().at);
  const int year = YearOfSeconds(s);
  for (int y = year - 1; y <= year + 2; ++y)
    for (const OffsetChange& c : RuleChanges(*footer_, y))
      if (c.at > floor) return c;
  return std::nullopt;
}

std::int32_t TimeZone::UtcOffset(TimeMicros t) const {
  return OffsetAtSeconds(FloorDiv(t, kMicros));
}

CivilTime TimeZone::LocalTime(TimeMicros t) const {
  const std::int64_t seconds = FloorDiv(t, kMicros);
  const std::int64_t local = seconds + OffsetAtSeconds(seconds);
  const std::int64_t days = FloorDiv(local, kDaySeconds);
  const auto in_day = static_cast<int>(local - days * kDaySeconds);
  return {CivilFromDays(days), in_day / 3600, in_day / 60 % 60, in_day % 60};
}

LocalInstants TimeZone::Resolve(const CivilTime& local) const {
  const std::int64_t l = DaysFromCivil(local.date) * kDaySeconds + local.hour * 3600 +
                         local.minute * 60 + local.second;
  // Every offset in force within 26 hours of `l`: the answers are among l - offset.
  const std::int64_t lo = l - kMaxOffset - 1, hi = l + kMaxOffset + 1;
  std::vector<std::int32_t> offsets{OffsetAtSeconds(lo)};
  std::vector<OffsetChange> changes;
  for (auto c = NextChange(lo); c && c->at <= hi && changes.size() < 64; c = NextChange(c->at)) {
    changes.push_back(*c);
    offsets.push_back(c->utc_offset);
  }
  std::vector<std::int64_t> found;
  for (std::int32_t o : offsets)
    if (OffsetAtSeconds(l - o) == o) found.push_back(l - o);
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  if (found.size() == 1)
    return {LocalInstants::Kind::kUnique, found[0] * kMicros, found[0] * kMicros};
  if (found.size() >= 2)
    return {LocalInstants::Kind::kFold, found.front() * kMicros, found.back() * kMicros};
  // A gap: the change whose skipped local times hold `l`, and the offset before it.
  std::int64_t at = l - OffsetAtSeconds(l);
  for (const OffsetChange& c : changes) {
    const std::int32_t before = OffsetAtSeconds(c.at - 1);
    if (before < c.utc_offset && c.at + before <= l && l < c.at + c.utc_offset) {
      at = l - before;
      break;
    }
  }
  return {LocalInstants::Kind::kGap, at * kMicros, at * kMicros};
}

TimeMicros TimeZone::StartOfDay(const CivilDate& date) const { return ToUtc({date, 0, 0, 0}); }

TimeMicros TimeZone::NextMidnight(TimeMicros t) const {
  const CivilDate today = LocalDate(t);
  // Where a day's midnight repeats (a fold at 00:00), the next start after `t` may be a
  // day further on.
  for (int k = 1; k <= 3; ++k) {
    const TimeMicros next = StartOfDay(AddDays(today, k));
    if (next > t) return next;
  }
  return t + kDaySeconds * kMicros;
}

TimeMicros TimeZone::EndOfDay(const CivilDate& date) const {
  return StartOfDay(AddDays(date, 1)) - 1;
}

std::vector<LocalDay> LocalDays(const TimeZone& zone, TimeMicros from, TimeMicros to,
                                std::size_t limit) {
  std::vector<LocalDay> out;
  for (TimeMicros t = from; t < to && out.size() <= limit;) {
    const CivilDate date = zone.LocalDate(t);
    const TimeMicros next = zone.NextMidnight(t);
    out.push_back({t, std::min(next, to), date, FormatDate(date)});
    t = next;
  }
  return out;
}

}  // namespace ordo::mis::calendar
