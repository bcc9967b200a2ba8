// The demo shift calendar.
#include "mis/app/demo_data.h"

namespace ordo::mis::app {

namespace {

constexpr TimeMicros kHour = 3'600'000'000;
constexpr TimeMicros kDay = 24 * kHour;

}  // namespace

std::string DemoCalendarCsv(TimeMicros now) {
  const TimeMicros today = now - now % kDay;
  struct Shift {
    const char* label;
    TimeMicros start;  // after 00:00
  };
  const Shift shifts[] = {{"early", 6 * kHour}, {"late", 14 * kHour}, {"night", 22 * kHour}};
  std::string csv = "scope,start,end,kind,label\n";
  for (TimeMicros day = today - 7 * kDay; day < today + 56 * kDay; day += kDay) {
    for (const Shift& s : shifts) {
      const TimeMicros start = day + s.start;
      const TimeMicros pause = start + 4 * kHour - kHour / 4;
      auto row = [&](TimeMicros from, TimeMicros to, const char* kind, const std::string& label) {
        csv += std::string(kDemoCalendarScope) + "," + FormatUtcMicros(from) + "," +
               FormatUtcMicros(to) + "," + kind + "," + label + "\n";
      };
      row(start, start + 8 * kHour, "shift", s.label);
      row(pause, pause + kHour / 2, "break", std::string(s.label) + " break");
    }
  }
  return csv;
}

}  // namespace ordo::mis::app
