// Aggregates of a tag's values per step (GET /api/v1/tags/{tag}/values?step=): min, max,
// average and count of the values whose device time falls in each step. Pure.
#pragma once

#include <cstdint>
#include <vector>

#include "core/clock.h"

namespace ordo::telemetry {

// A value, or a group of values already aggregated (`rollup`: a compacted minute, whose
// count may be 1): min, max and sum of `count` values at `time_us`.
struct Point {
  TimeMicros time_us = 0;
  std::int64_t count = 1;
  double min = 0, max = 0, sum = 0;
  bool rollup = false;  // a minute compacted by retention (even one holding one value)
};

inline Point RawPoint(TimeMicros time_us, double value) {
  return Point{time_us, 1, value, value, value};
}

struct StepAggregate {
  TimeMicros from_us = 0, to_us = 0;  // [from, to)
  std::int64_t count = 0;             // 0: no value in the step (min, max, avg meaningless)
  double min = 0, max = 0, avg = 0;
};

// At most this many steps per query.
inline constexpr std::int64_t kMaxSteps = 10000;

// One aggregate per step of `step_us` (> 0) from `from_us` up to `to_us` (the last step
// ends at `to_us`), over the `points` with from_us <= time < to_us (others are ignored),
// in any order. Precondition: (to - from) / step <= kMaxSteps.
std::vector<StepAggregate> AggregateSteps(const std::vector<Point>& points, TimeMicros from_us,
                                          TimeMicros to_us, TimeMicros step_us);

}  // namespace ordo::telemetry
