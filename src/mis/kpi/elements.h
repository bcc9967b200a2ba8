// ISO 22400-2 time elements and quantities of one work unit (or a sum of them) over a
// window, with the sources behind each element, and the data-quality findings met while
// computing them. Times are integer microseconds, so sums are exact and additive: the
// elements of a scope are the sum of its work units', those of a week the sum of its
// days'. docs/kpi.md, "Time elements", defines each one.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "mis/kpi/source_ref.h"

namespace ordo::mis {

struct Elements {
  // Time (microseconds). PBT = APT + AUST + ADET + ADOT + unknown + idle_no_order +
  // planned_stop_loss, and POT = PBT + PDOT, always.
  std::int64_t CT = 0;             // calendar time: the window's length
  std::int64_t POT = 0;            // planned operation time (shifts, minus no_demand and holidays)
  std::int64_t PDOT = 0;           // planned down time inside POT
  std::int64_t PBT = 0;            // planned busy time = POT - PDOT
  std::int64_t APT = 0;            // actual production time (running)
  std::int64_t AUST = 0;           // actual unit setup time
  std::int64_t ADET = 0;           // actual unit delay time (starved, blocked, micro-stops)
  std::int64_t ADOT = 0;           // actual unit down time (down at or above the threshold)
  std::int64_t unknown = 0;        // PBT with no state data, or offline
  std::int64_t idle_no_order = 0;  // PBT idle with no order (at/above the threshold)
  std::int64_t planned_stop_loss = 0;  // PBT in planned stops under planned_stops=loss
  std::int64_t micro_stop = 0;         // the micro-stop part of ADET
  std::int64_t down = 0;               // all `down` time in PBT (ADOT + down micro-stops)
  std::int64_t idle = 0;               // all `idle` time in PBT
  // Quantities.
  double PQ = 0;                     // produced quantity
  double GQ = 0;                     // good quantity
  double SQ = 0;                     // scrap quantity
  double RQ = 0;                     // rework quantity
  double ideal_time_pq = 0;          // Σ cycle time × PQ (seconds), per the cycle_time knob
  double ideal_time_gq = 0;          // Σ cycle time × GQ (seconds)
  double pq_without_cycle_time = 0;  // PQ of products with no cycle time
  // Sources, by element key (the keys of Values()); ideal_time_pq and ideal_time_gq have
  // the cycle time rows (ideal or planned, as the knob picks) that were used.
  std::map<std::string, SourceSet> sources;

  // AUBT (actual unit busy time) = APT + AUST + ADET; AUPT (processing) = APT + AUST.
  std::int64_t AUBT() const { return APT + AUST + ADET; }
  std::int64_t AUPT() const { return APT + AUST; }

  Elements& operator+=(const Elements& other);
  // Every element as (key, value): times in seconds, quantities as counted. Keys are the
  // ISO 22400 abbreviations, and snake_case names for ordo's own elements.
  std::vector<std::pair<std::string, double>> Values() const;
  // One value by key (as in Values(), plus AUBT and AUPT); 0 for an unknown key.
  double Value(const std::string& key) const;
  // The sources of the given element keys, merged.
  SourceSet SourcesOf(const std::vector<std::string>& keys) const;
};

// A data-quality finding: bad or suspicious source data and what the engine did with
// it. Kinds: gap, offline, overlapping_states, count_outside_states, count_mismatch,
// negative_count, missing_cycle_time, running_outside_planned_time,
// running_in_planned_stop, no_shift_calendar, bad_interval.
struct Finding {
  std::string kind;
  std::string work_unit;
  TimeMicros start = 0;
  TimeMicros end = 0;
  std::string detail;
  std::vector<SourceRef> sources;
};

// One piece of a work unit's time in a window as the engine classified it (the
// drill-down of a figure to its state intervals): the element it counts in (APT, AUST,
// ADET, ADOT, unknown, idle_no_order, planned_stop_loss, PDOT, or outside_pot), the state
// and reason in force ("" for none: a gap or calendar-only time), and the source of that
// state interval.
struct Segment {
  TimeMicros start = 0;
  TimeMicros end = 0;
  std::string element;
  std::string state;
  std::string reason;
  bool micro_stop = false;
  std::optional<SourceRef> source;
};

inline double Seconds(std::int64_t micros) { return static_cast<double>(micros) / 1e6; }

}  // namespace ordo::mis
