// Report windows from the calendar: the shifts of a scope (for OEE by shift and the shift
// report). Day windows in the site's time zone come from mis/calendar/time_zone.h
// (LocalDays); any [from, to) works, and the figures of adjacent windows sum (docs/kpi.md).
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "mis/kpi/element_index.h"

namespace ordo::mis {

struct Window {
  TimeMicros from = 0;
  TimeMicros to = 0;
  std::string label;  // the shift entry's label
};

// The `shift` calendar entries that apply to the scope or to any work unit of it (the
// scope's own, its ancestors', the plant's, and those of the nodes below it), cut to
// [from, to), sorted by start; entries with the same start and end appear once.
std::vector<Window> ShiftWindows(const ElementIndex& index, const std::string& scope,
                                 TimeMicros from, TimeMicros to);

}  // namespace ordo::mis
