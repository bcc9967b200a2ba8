// Count increments and the cumulative counter rule (counter.h).
#include "mes/equipment/domain/counter.h"

#include <algorithm>
#include <tuple>

namespace ordo::equipment {

namespace {

auto Key(const CountReading& r) { return std::tie(r.device_time_us, r.source_seq, r.index); }

}  // namespace

std::int64_t CounterStep(std::int64_t previous, std::int64_t next, std::int64_t modulus) {
  if (next >= previous) return next - previous;
  if (modulus > 0 && previous < modulus) {
    const std::int64_t wrapped = modulus - previous + next;
    if (wrapped < modulus / 2) return wrapped;
  }
  return next;  // a reset: counting from 0
}

std::vector<CountReading> DistinctInOrder(std::vector<CountReading> readings) {
  std::sort(readings.begin(), readings.end(),
            [](const CountReading& a, const CountReading& b) { return Key(a) < Key(b); });
  readings.erase(
      std::unique(readings.begin(), readings.end(),
                  [](const CountReading& a, const CountReading& b) { return Key(a) == Key(b); }),
      readings.end());
  return readings;
}

std::vector<CountReading> IncrementsFromCumulative(std::vector<CountReading> readings,
                                                   std::int64_t modulus) {
  readings = DistinctInOrder(std::move(readings));
  std::vector<CountReading> out;
  out.reserve(readings.size());
  for (std::size_t i = 0; i < readings.size(); ++i) {
    CountReading r = readings[i];
    if (i == 0) {
      r.counts = Counts{};
    } else {
      const Counts& p = readings[i - 1].counts;
      const Counts& n = readings[i].counts;
      r.counts =
          Counts{CounterStep(p.total, n.total, modulus), CounterStep(p.good, n.good, modulus),
                 CounterStep(p.scrap, n.scrap, modulus), CounterStep(p.rework, n.rework, modulus)};
    }
    out.push_back(r);
  }
  return out;
}

Counts Sum(const std::vector<CountReading>& increments) {
  Counts c;
  for (const auto& r : increments) c += r.counts;
  return c;
}

}  // namespace ordo::equipment
