// The KPI engine's index of its inputs: states, counts and calendar entries by work unit
// and scope, sorted for range lookups, and the equipment hierarchy. Built once per
// Inputs value; read-only afterwards (thread-safe for concurrent reads).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "mis/kpi/hierarchy.h"
#include "mis/kpi/inputs.h"
#include "mis/kpi/policy.h"

namespace ordo::mis {

// The inputs indexed by work unit and scope. Keeps a reference to `inputs`, which must
// outlive it and not change.
class ElementIndex {
 public:
  explicit ElementIndex(const Inputs& inputs);
  ElementIndex(const ElementIndex&) = delete;  // holds pointers into itself
  ElementIndex& operator=(const ElementIndex&) = delete;

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
  // The calendar entries that apply to a unit: those of its scope, each ancestor and ""
  // (in that order; the unit "" has only those of ""), and HasShiftCalendar. Kept for
  // every work unit of the plant (Hierarchy::WorkUnitsOf("")); for another id, made on
  // each call and valid until the calling thread's next call.
  struct UnitCalendar {
    std::vector<const Sorted*> scopes;
    bool has_shifts = false;
  };
  const UnitCalendar& CalendarsOf(const std::string& unit) const;
  // The union of the unit's state intervals, merged and sorted.
  const std::vector<std::pair<TimeMicros, TimeMicros>>& CoveredOf(const std::string& unit) const;
  // A cycle time found: seconds per unit and the input row it came from.
  struct FoundCycleTime {
    double seconds = 0;
    const SourceRef* source = nullptr;
  };
  // The cycle time of (unit, product) on `basis` (policy knob cycle_time): the ideal one
  // (Inputs::cycle_times) or the planned one (Inputs::planned_cycle_times), never the
  // other; exact, else (unit, ""), else ("", product); a later row of a key wins. nullopt
  // when there is none.
  std::optional<FoundCycleTime> CycleTimeOf(const std::string& unit, const std::string& product,
                                            CycleTimeBasis basis) const;

 private:
  const Inputs& inputs_;
  Hierarchy hierarchy_;
  std::map<std::string, Sorted> states_, counts_, calendar_;
  std::map<std::string, std::vector<std::pair<TimeMicros, TimeMicros>>> covered_;
  std::map<std::pair<std::string, std::string>, std::size_t> cycle_times_;
  std::map<std::pair<std::string, std::string>, std::size_t> planned_cycle_times_;
  std::set<std::string> shift_scopes_;  // scopes with a shift entry
  std::map<std::string, UnitCalendar> unit_calendars_;
  UnitCalendar MakeCalendar(const std::string& unit) const;
};

// The instant a count is attributed to: the last instant of its interval (end - 1 µs),
// or its time when start == end. Each count lies in exactly one of adjacent windows.
TimeMicros CountTime(const Count& count);

}  // namespace ordo::mis
