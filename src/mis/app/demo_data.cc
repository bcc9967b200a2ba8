// The demo shift calendar.
#include "mis/app/demo_data.h"

namespace ordo::mis::app {

namespace {

constexpr TimeMicros kHour = 3'600'000'000;

}  // namespace

std::string DemoCalendarCsv(TimeMicros now, const calendar::TimeZone& zone) {
  const calendar::CivilDate today = zone.LocalDate(now);
  struct Shift {
    const char* label;
    int hour;  // local start
  };
  const Shift shifts[] = {{"early", 6}, {"late", 14}, {"night", 22}};
  std::string csv = "scope,start,end,kind,label\n";
  for (int d = -7; d < 56; ++d) {
    const calendar::CivilDate day = calendar::AddDays(today, d);
    for (const Shift& s : shifts) {
      const TimeMicros start = zone.ToUtc({day, s.hour, 0, 0});
      const TimeMicros end =
          zone.ToUtc({calendar::AddDays(day, (s.hour + 8) / 24), (s.hour + 8) % 24, 0, 0});
      const TimeMicros pause = start + 4 * kHour - kHour / 4;
      auto row = [&](TimeMicros from, TimeMicros to, const char* kind, const std::string& label) {
        csv += std::string(kDemoCalendarScope) + "," + FormatUtcMicros(from) + "," +
               FormatUtcMicros(to) + "," + kind + "," + label + "\n";
      };
      row(start, end, "shift", s.label);
      row(pause, pause + kHour / 2, "break", std::string(s.label) + " break");
    }
  }
  return csv;
}

}  // namespace ordo::mis::app
