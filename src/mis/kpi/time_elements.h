// Time elements from state intervals, counts and the shift calendar (docs/kpi.md, "Time
// elements" and "Bad source data"): per work unit and window, and summed over a scope.
// Pure: no storage, no clock. Thread-safe for concurrent reads of one ElementIndex.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "mis/kpi/elements.h"
#include "mis/kpi/hierarchy.h"
#include "mis/kpi/inputs.h"
#include "mis/kpi/policy.h"

namespace ordo::mis {

// The inputs indexed by work unit and scope. Keeps a reference to `inputs`, which must
// outlive it and not change.
class ElementIndex {
 public:
  explicit ElementIndex(const Inputs& inputs);

  const Inputs& inputs() const { return inputs_; }
  const Hierarchy& hierarchy() const { return hierarchy_; }

  struct Sorted {
    std::vector<std::size_t> items;  // indices into the Inputs vector
    TimeMicros max_length = 0;       // the longest item (for range lookups)
  };
  // States of a unit by (start, input order); counts of a unit by end; calendar entries
  // of a scope by start.
  const Sorted& StatesOf(const std::string& unit) const;
  const Sorted& CountsOf(const std::string& unit) const;
  const Sorted& CalendarOf(const std::string& scope) const;
  // True when some shift entry applies to the unit (at any time).
  bool HasShiftCalendar(const std::string& unit) const;
  // The union of the unit's state intervals, merged and sorted.
  const std::vector<std::pair<TimeMicros, TimeMicros>>& CoveredOf(const std::string& unit) const;
  // The cycle time of (unit, product): exact, else (unit, ""), else ("", product).
  const CycleTime* CycleTimeOf(const std::string& unit, const std::string& product) const;

 private:
  const Inputs& inputs_;
  Hierarchy hierarchy_;
  std::map<std::string, Sorted> states_, counts_, calendar_;
  std::map<std::string, std::vector<std::pair<TimeMicros, TimeMicros>>> covered_;
  std::map<std::pair<std::string, std::string>, std::size_t> cycle_times_;
  std::set<std::string> shift_scopes_;  // scopes with a shift entry
};

// The instant a count is attributed to: the last instant of its interval (end - 1 µs),
// or its time when start == end. Each count lies in exactly one of adjacent windows.
TimeMicros CountTime(const Count& count);

struct ElementResult {
  Elements elements;
  std::vector<Finding> findings;
};

// The elements of one work unit over [from, to) (from < to), under `policy`:
// - POT: time in a `shift` entry applying to the unit (its scope is the unit, an
//   ancestor, or ""), minus `no_demand` and `holiday` entries; with no shift entry for
//   the unit at all, the whole window (finding no_shift_calendar).
// - PDOT: POT in a `break` or `planned_maintenance` entry or a `planned_stop` state
//   (under planned_stops=excluded; under `loss` it stays in PBT as planned_stop_loss),
//   and `planned_stop` state with reason no_demand under every policy.
// - PBT time by the state in force: running APT, setup AUST, down ADOT (ADET when a
//   micro-stop), idle ADET (idle_no_order for reason no_order at/above the threshold),
//   offline and no state at all `unknown` (findings offline, gap).
// - Overlapping states: at each instant the interval with the latest start holds (equal
//   starts: the one later in the input); finding overlapping_states.
// - Counts whose CountTime lies in [from, to) add PQ/GQ/SQ/RQ and cycle time × quantity.
ElementResult ComputeUnitElements(const ElementIndex& index, const std::string& unit,
                                  TimeMicros from, TimeMicros to, const Policy& policy);

// The sum over the work units of `scope` ("" = the plant), findings of all of them.
ElementResult ComputeScopeElements(const ElementIndex& index, const std::string& scope,
                                   TimeMicros from, TimeMicros to, const Policy& policy);

}  // namespace ordo::mis
