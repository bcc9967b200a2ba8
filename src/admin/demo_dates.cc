// Relative demo dates (see demo_dates.h).
#include "admin/demo_dates.h"

#include <chrono>
#include <cstdio>

namespace ordo::admin {

namespace {

namespace chr = std::chrono;

std::optional<chr::year_month_day> ParseDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)},
                          chr::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string Format(chr::year_month_day ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

std::string UtcDay(TimeMicros now) {
  const chr::sys_days day =
      chr::floor<chr::days>(chr::sys_time<chr::microseconds>(chr::microseconds(now)));
  return Format(chr::year_month_day{day});
}

std::optional<std::string> AddDays(std::string_view day, int days) {
  auto ymd = ParseDay(day);
  if (!ymd) return std::nullopt;
  return Format(chr::year_month_day{chr::sys_days{*ymd} + chr::days{days}});
}

std::optional<int> RelativeDemoDays(std::string_view text) {
  if (text.size() < 4 || text.size() > 8) return std::nullopt;
  if ((text[0] != '+' && text[0] != '-') || text[1] != 'P' || text.back() != 'D')
    return std::nullopt;
  int n = 0;
  for (std::size_t i = 2; i + 1 < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    n = n * 10 + (text[i] - '0');
  }
  return text[0] == '-' ? -n : n;
}

std::string ResolveDemoDates(std::string_view text, std::string_view today) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      const std::size_t close = text.find('"', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view inner = text.substr(i + 1, close - i - 1);
        if (auto days = RelativeDemoDays(inner)) {
          if (auto date = AddDays(today, *days)) {
            out += '"' + *date + '"';
            i = close + 1;
            continue;
          }
        }
        out.append(text.substr(i, close - i + 1));
        i = close + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace ordo::admin
