// Time elements from state intervals, counts and the shift calendar (docs/kpi.md, "Time
// elements", with its rules for bad data): per work unit and window, and summed over a
// scope.
// Pure: no storage, no clock. Thread-safe for concurrent reads of one ElementIndex.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "mis/kpi/element_index.h"
#include "mis/kpi/elements.h"
#include "mis/kpi/hierarchy.h"
#include "mis/kpi/inputs.h"
#include "mis/kpi/policy.h"

namespace ordo::mis {

struct ElementResult {
  Elements elements;
  std::vector<Finding> findings;
  std::vector<Segment> segments;  // with_segments only: the drill-down, in time order
};

// The elements of one work unit over [from, to) (from < to), under `policy`:
// - POT: time in a `shift` entry applying to the unit (its scope is the unit, an
//   ancestor, or ""), minus `no_demand` and `holiday` entries; with no shift entry for
//   the unit at all, the whole window (finding no_shift_calendar).
// - PDOT: POT in a `break` or `planned_maintenance` entry or a `planned_stop` state
//   (under planned_stops=excluded; under `loss` it stays in PBT as planned_stop_loss,
//   unless the unit runs or sets up in it), and `planned_stop` state with reason
//   no_demand under every policy.
// - PBT time by the state in force: running APT, setup AUST, down ADOT (ADET when a
//   micro-stop), idle ADET (idle_no_order for reason no_order at/above the threshold),
//   offline and no state at all `unknown` (findings offline, gap).
// - Overlapping states: at each instant the interval with the latest start holds (equal
//   starts: the one later in the input); finding overlapping_states.
// - Counts whose CountTime lies in [from, to) add PQ/GQ/SQ/RQ and cycle time × quantity.
// with_segments: also return every classified piece of time (merged while element, state
// and source stay the same), for drill-down from a figure to its state intervals.
ElementResult ComputeUnitElements(const ElementIndex& index, const std::string& unit,
                                  TimeMicros from, TimeMicros to, const Policy& policy,
                                  bool with_segments = false);

// The sum over the work units of `scope` ("" = the plant), findings of all of them.
ElementResult ComputeScopeElements(const ElementIndex& index, const std::string& scope,
                                   TimeMicros from, TimeMicros to, const Policy& policy);

}  // namespace ordo::mis
