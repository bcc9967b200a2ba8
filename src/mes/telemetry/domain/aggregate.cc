// Aggregates per step (aggregate.h).
#include "mes/telemetry/domain/aggregate.h"

#include <algorithm>

namespace ordo::telemetry {

std::vector<StepAggregate> AggregateSteps(const std::vector<Point>& points, TimeMicros from_us,
                                          TimeMicros to_us, TimeMicros step_us) {
  std::vector<StepAggregate> steps;
  if (step_us <= 0 || to_us <= from_us) return steps;
  const std::int64_t n = (to_us - from_us + step_us - 1) / step_us;
  steps.resize(static_cast<std::size_t>(n));
  std::vector<double> sums(steps.size(), 0);
  for (std::int64_t i = 0; i < n; ++i) {
    steps[i].from_us = from_us + i * step_us;
    steps[i].to_us = std::min(to_us, from_us + (i + 1) * step_us);
  }
  for (const Point& p : points) {
    if (p.time_us < from_us || p.time_us >= to_us || p.count <= 0) continue;
    StepAggregate& s = steps[static_cast<std::size_t>((p.time_us - from_us) / step_us)];
    const std::size_t i = static_cast<std::size_t>(&s - steps.data());
    s.min = s.count == 0 ? p.min : std::min(s.min, p.min);
    s.max = s.count == 0 ? p.max : std::max(s.max, p.max);
    s.count += p.count;
    sums[i] += p.sum;
  }
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (steps[i].count > 0) steps[i].avg = sums[i] / static_cast<double>(steps[i].count);
  return steps;
}

}  // namespace ordo::telemetry
