// KPI snapshots for the site's BI tools (issue 13 section 6, "read-only SQL views"): the
// figures and time elements of every scope per shift and per local day of the site's time
// zone, computed by the one
// KPI engine (ComputeKpis) and stored in the MIS store, where documented views expose them
// (store.h; docs/mis.md, "SQL views"). Pure: this computes, store.h writes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "mis/calendar/time_zone.h"
#include "mis/kpi/element_index.h"

namespace ordo::mis::snapshots {

// One figure of a scope in a window.
struct SnapshotFigure {
  std::string scope;
  std::string window_kind;  // shift | day
  std::string label;        // the shift's label, or the local day "2026-01-05"
  TimeMicros from = 0, to = 0;
  std::string kpi, profile;  // profile: iso22400 | practitioner ("" for other KPIs)
  std::optional<double> value;
  std::string null_reason, unit, policy;
  int policy_version = 0;
};

// One summed time element or quantity of a scope in a window (seconds or units).
struct SnapshotElement {
  std::string scope;
  std::string window_kind;
  std::string label;  // as SnapshotFigure's
  TimeMicros from = 0, to = 0;
  std::string element;  // POT, PBT, APT, ADOT, ..., PQ, GQ, SQ, RQ
  double value = 0;
};

struct Snapshot {
  TimeMicros from = 0, to = 0;  // the days covered: [from, to), whole local days
  std::vector<SnapshotFigure> figures;
  std::vector<SnapshotElement> elements;
};

// The figures (both profiles' OEE sets, under the default policy) and elements of every
// scope (each equipment node, each work unit with data, and "" for the plant) for each
// local day of `zone` (whole: midnight to midnight, 23 or 25 hours on the days clocks
// change) of the `days` days up to and including the local day of `now`, and for each
// shift that starts in them (whole, also when it ends after the span; shifts of up to a
// day).
Snapshot ComputeSnapshot(const ElementIndex& index, TimeMicros now, int days,
                         const calendar::TimeZone& zone);

}  // namespace ordo::mis::snapshots
