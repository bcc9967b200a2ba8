// State intervals of a work unit derived from its state changes: ordered by device time,
// so a late or out-of-order change lands in place, and a duplicate changes nothing. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "mes/equipment/domain/state.h"

namespace ordo::equipment {

// What was running on the work unit when a change was received (execution's view at
// ingest). Empty strings: nothing known.
struct Context {
  std::string order_id, operation, lot, product, operator_name;
  bool operator==(const Context&) const = default;
};

// One reported state change. (device_time_us, source, source_seq, index) orders changes
// totally: `index` is the change's position in its batch.
struct StateChange {
  TimeMicros device_time_us = 0;
  State state = State::kOffline;
  std::string sub_reason, reason_code;
  std::string source;
  std::int64_t source_seq = 0;
  int index = 0;
  Context context;
};

// A span of one state. `end_us` is the next interval's start (nullopt: still open).
// `micro_stop`: a closed down or idle interval shorter than the work unit's threshold; it
// stays an interval of its own (never merged into its neighbours).
struct StateInterval {
  TimeMicros start_us = 0;
  std::optional<TimeMicros> end_us;
  State state = State::kOffline;
  std::string sub_reason, reason_code;
  bool micro_stop = false;
  std::string source;  // of the change that opened it
  std::int64_t source_seq = 0;
  int index = 0;
  Context context;
  bool operator==(const StateInterval&) const = default;
};

// True when `a` sorts before `b` in the order above.
bool Before(const StateChange& a, const StateChange& b);

// The intervals of `changes` (any order, duplicates allowed): sorted by the order above;
// exact repeats (same key) count once; a change to the same state, sub-reason and reason
// code as the open interval extends it (the interval keeps its start and context). Each
// interval ends where the next begins; the last stays open. Down and idle intervals
// shorter than `micro_stop_us` are flagged micro_stop.
std::vector<StateInterval> DeriveIntervals(std::vector<StateChange> changes,
                                           TimeMicros micro_stop_us);

// The default micro-stop threshold of a work unit: 120 seconds.
inline constexpr TimeMicros kDefaultMicroStopMicros = 120LL * 1'000'000;

}  // namespace ordo::equipment
