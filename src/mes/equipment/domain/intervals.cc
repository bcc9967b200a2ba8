// Deriving state intervals from state changes (intervals.h).
#include "mes/equipment/domain/intervals.h"

#include <algorithm>
#include <tuple>

namespace ordo::equipment {

namespace {

auto Key(const StateChange& c) {
  return std::tie(c.device_time_us, c.source, c.source_seq, c.index);
}

bool SameState(const StateInterval& i, const StateChange& c) {
  return i.state == c.state && i.sub_reason == c.sub_reason && i.reason_code == c.reason_code;
}

}  // namespace

bool Before(const StateChange& a, const StateChange& b) { return Key(a) < Key(b); }

std::vector<StateInterval> DeriveIntervals(std::vector<StateChange> changes,
                                           TimeMicros micro_stop_us) {
  std::sort(changes.begin(), changes.end(), Before);
  changes.erase(
      std::unique(changes.begin(), changes.end(),
                  [](const StateChange& a, const StateChange& b) { return Key(a) == Key(b); }),
      changes.end());
  std::vector<StateInterval> out;
  for (const auto& c : changes) {
    if (!out.empty() && SameState(out.back(), c)) continue;
    if (!out.empty()) out.back().end_us = c.device_time_us;
    StateInterval i;
    i.start_us = c.device_time_us;
    i.state = c.state;
    i.sub_reason = c.sub_reason;
    i.reason_code = c.reason_code;
    i.source = c.source;
    i.source_seq = c.source_seq;
    i.index = c.index;
    i.context = c.context;
    out.push_back(std::move(i));
  }
  for (auto& i : out)
    i.micro_stop = IsStop(i.state) && i.end_us && *i.end_us - i.start_us < micro_stop_us;
  return out;
}

}  // namespace ordo::equipment
