// Production counts: increments (total, good, scrap, rework) and, for sources registered
// with `counter: cumulative`, the increments derived from a machine's running counters.
// Pure. The rule (docs/equipment.md, "Cumulative counters"):
// - readings are taken in device-time order (then source seq, then position in the
//   batch), so a late reading lands in place; a repeated reading (same key) counts once;
// - the first reading of a work unit's counter is its baseline: it adds nothing (parts
//   made before ordo saw the counter are not invented);
// - a rise adds the difference;
// - a drop, with no rollover modulus (0), is a reset: the counter restarted from 0, so
//   the new value is what was made since;
// - a drop, with a rollover modulus M, is a rollover when the parts it implies,
//   M - previous + new, are fewer than M / 2 (the counter was near its top and wrapped);
//   otherwise it is a reset as above.
// Each of the four counters follows the rule on its own.
#pragma once

#include <cstdint>
#include <vector>

#include "core/clock.h"

namespace ordo::equipment {

struct Counts {
  std::int64_t total = 0, good = 0, scrap = 0, rework = 0;
  bool operator==(const Counts&) const = default;
  Counts& operator+=(const Counts& o) {
    total += o.total;
    good += o.good;
    scrap += o.scrap;
    rework += o.rework;
    return *this;
  }
};

// A count as reported: increments, or a cumulative source's counter values.
struct CountReading {
  TimeMicros device_time_us = 0;
  std::int64_t source_seq = 0;
  int index = 0;
  Counts counts;
};

// The parts a counter made between two readings, by the rule above (never negative).
std::int64_t CounterStep(std::int64_t previous, std::int64_t next, std::int64_t modulus);

// The increments of cumulative `readings` (any order, repeats allowed), one per distinct
// reading in order, each at its reading's device time (the first is all zeros).
std::vector<CountReading> IncrementsFromCumulative(std::vector<CountReading> readings,
                                                   std::int64_t modulus);

// Increment readings in order with repeats (same key) removed.
std::vector<CountReading> DistinctInOrder(std::vector<CountReading> readings);

// The sum of `increments`.
Counts Sum(const std::vector<CountReading>& increments);

}  // namespace ordo::equipment
