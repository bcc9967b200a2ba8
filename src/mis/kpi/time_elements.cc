// The time-element sweep: one pass over the boundaries of the states and calendar
// entries of a work unit inside the window, classifying each elementary segment once, so
// no time is counted twice and every element is a sum of non-negative lengths.
#include "mis/kpi/time_elements.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

namespace ordo::mis {

namespace {

// Findings of one unit and window; consecutive segments of one kind merge into one.
class FindingLog {
 public:
  FindingLog(std::string unit, std::vector<Finding>* out) : unit_(std::move(unit)), out_(out) {}
  void Add(const std::string& kind, TimeMicros a, TimeMicros b, const std::string& detail,
           const std::vector<const SourceRef*>& sources) {
    auto it = last_.find(kind);
    if (it != last_.end()) {
      Finding& f = (*out_)[it->second];
      if (f.end == a && f.detail == detail) {
        f.end = b;
        for (const SourceRef* s : sources) AddSource(&f, *s);
        return;
      }
    }
    Finding f{kind, unit_, a, b, detail, {}};
    for (const SourceRef* s : sources) AddSource(&f, *s);
    last_[kind] = out_->size();
    out_->push_back(std::move(f));
  }

 private:
  static void AddSource(Finding* f, const SourceRef& s) {
    if (std::find(f->sources.begin(), f->sources.end(), s) == f->sources.end())
      f->sources.push_back(s);
  }
  std::string unit_;
  std::vector<Finding>* out_;
  std::map<std::string, std::size_t> last_;
};

struct Event {
  TimeMicros t;
  bool is_start;
  bool is_state;  // else a calendar entry
  std::size_t idx;
};

}  // namespace

namespace {

// Adds the indices of `sorted` whose [start, start + max_length) may reach into [from, to).
template <typename StartOf>
void InRange(const ElementIndex::Sorted& sorted, TimeMicros from, TimeMicros to, StartOf start_of,
             std::vector<std::size_t>* out) {
  const TimeMicros earliest = from - sorted.max_length;
  auto it = std::lower_bound(sorted.items.begin(), sorted.items.end(), earliest,
                             [&](std::size_t i, TimeMicros t) { return start_of(i) < t; });
  for (; it != sorted.items.end() && start_of(*it) < to; ++it) out->push_back(*it);
}

bool CountOutsideStates(const std::vector<std::pair<TimeMicros, TimeMicros>>& cover,
                        const Count& c) {
  auto it = std::upper_bound(cover.begin(), cover.end(), c.end,
                             [](TimeMicros t, const auto& r) { return t < r.first; });
  // Ranges starting at or before c.end: the last one is the only candidate (disjoint).
  if (it == cover.begin()) return true;
  const auto& r = *(it - 1);
  if (c.start == c.end) return !(r.first <= c.end && c.end <= r.second);
  return !(r.first < c.end && r.second > c.start);
}

void AddCounts(const ElementIndex& index, const std::string& unit, TimeMicros from, TimeMicros to,
               const Policy& policy, Elements* e, std::vector<Finding>* findings) {
  const Inputs& in = index.inputs();
  const auto& sorted = index.CountsOf(unit).items;
  auto it = std::lower_bound(sorted.begin(), sorted.end(), from, [&](std::size_t i, TimeMicros t) {
    return CountTime(in.counts[i]) < t;
  });
  std::set<std::string> missing_reported;
  const auto& cover = index.CoveredOf(unit);
  SourceSet* quantity_sources[] = {&e->sources["PQ"], &e->sources["GQ"], &e->sources["SQ"],
                                   &e->sources["RQ"]};
  // The cycle time rows behind ideal_time_pq and ideal_time_gq (the counts are PQ's, GQ's).
  std::array<SourceSet*, 2> ideal_sources{nullptr, nullptr};
  const std::string* last_product = nullptr;       // the cycle time of the previous count's
  std::optional<ElementIndex::FoundCycleTime> ct;  // product, reused while it repeats
  for (; it != sorted.end() && CountTime(in.counts[*it]) < to; ++it) {
    const Count& c = in.counts[*it];
    if (c.total < 0 || c.good < 0 || c.scrap < 0 || c.rework < 0) {
      findings->push_back({"negative_count",
                           unit,
                           c.start,
                           c.end,
                           "a negative quantity; the count is left out",
                           {c.source}});
      continue;
    }
    e->PQ += c.total;
    e->GQ += c.good;
    e->SQ += c.scrap;
    e->RQ += c.rework;
    for (SourceSet* s : quantity_sources) s->Add(c.source);
    const double parts = c.good + c.scrap + c.rework;
    if (parts > c.total + 1e-9 || parts < c.total - 1e-9) {
      findings->push_back({"count_mismatch",
                           unit,
                           c.start,
                           c.end,
                           "good + scrap + rework differs from total; kept as given",
                           {c.source}});
    }
    if (CountOutsideStates(cover, c)) {
      findings->push_back({"count_outside_states",
                           unit,
                           c.start,
                           c.end,
                           "no state interval covers the count; kept in PQ/GQ/SQ/RQ",
                           {c.source}});
    }
    if (last_product == nullptr || *last_product != c.product) {
      ct = index.CycleTimeOf(unit, c.product, policy.cycle_time);
      last_product = &c.product;
    }
    const double seconds = ct ? ct->seconds : 0;
    if (seconds <= 0) {
      e->pq_without_cycle_time += c.total;
      if (missing_reported.insert(c.product).second) {
        findings->push_back(
            {"missing_cycle_time",
             unit,
             c.start,
             c.end,
             std::string("no ") +
                 (policy.cycle_time == CycleTimeBasis::kIdeal ? "ideal" : "planned") +
                 " cycle time for product \"" + c.product + "\"",
             {c.source}});
      }
      continue;
    }
    e->ideal_time_pq += seconds * c.total;
    e->ideal_time_gq += seconds * c.good;
    if (ideal_sources[0] == nullptr)
      ideal_sources = {&e->sources["ideal_time_pq"], &e->sources["ideal_time_gq"]};
    for (SourceSet* s : ideal_sources) s->Add(*ct->source);
  }
}

// Element keys. Classify returns one of these pointers, so keys compare by pointer.
constexpr const char* kApt = "APT";
constexpr const char* kAust = "AUST";
constexpr const char* kAdet = "ADET";
constexpr const char* kAdot = "ADOT";
constexpr const char* kUnknown = "unknown";
constexpr const char* kIdleNoOrder = "idle_no_order";
constexpr const char* kPlannedStopLoss = "planned_stop_loss";
constexpr const char* kPdot = "PDOT";
constexpr const char* kOutsidePot = "outside_pot";
constexpr const char* kPotKey = "POT";
constexpr const char* kPbtKey = "PBT";
constexpr const char* kDownKey = "down";
constexpr const char* kIdleKey = "idle";

// The source sets of one Elements value by key, looked up once per key (a few keys per
// unit and window: a short list searched by pointer beats a map).
class SourceSlots {
 public:
  explicit SourceSlots(Elements* e) : e_(e) {}
  SourceSet& operator()(const char* key) {
    for (const auto& [k, slot] : slots_)
      if (k == key) return *slot;
    SourceSet* slot = &e_->sources[key];
    slots_.emplace_back(key, slot);
    return *slot;
  }

 private:
  Elements* e_;
  std::vector<std::pair<const char*, SourceSet*>> slots_;  // keys are the constants above
};

// A small set kept as a sorted vector (a unit has one or two states and entries in force
// at a time): iterates in the order of std::set, without a node per insert.
template <typename T>
class SmallSet {
 public:
  void insert(const T& v) { items_.insert(std::lower_bound(items_.begin(), items_.end(), v), v); }
  void erase(const T& v) {
    auto it = std::lower_bound(items_.begin(), items_.end(), v);
    if (it != items_.end() && *it == v) items_.erase(it);
  }
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }
  const T& back() const { return items_.back(); }

 private:
  std::vector<T> items_;
};

// The element a segment counts in, from the state in force (`w`, or none) and the
// calendar: outside_pot, PDOT, or a part of PBT (APT, AUST, ADET, ADOT, unknown,
// idle_no_order, planned_stop_loss).
const char* Classify(const StateInterval* w, bool micro, bool in_shift, bool outside,
                     bool calendar_stop, bool excluded) {
  if (!in_shift || outside) return kOutsidePot;
  const bool ps = w != nullptr && w->state == MachineState::kPlannedStop;
  if (ps && w->reason == "no_demand") return kPdot;
  if ((calendar_stop || ps) && excluded) return kPdot;
  if (w == nullptr) return calendar_stop ? kPlannedStopLoss : kUnknown;
  // Under planned_stops=loss, a break or planned maintenance is that loss unless the unit
  // produces (running) or changes over (setup) in it.
  if (calendar_stop && w->state != MachineState::kRunning && w->state != MachineState::kSetup)
    return kPlannedStopLoss;
  switch (w->state) {
    case MachineState::kRunning:
      return kApt;
    case MachineState::kSetup:
      return kAust;
    case MachineState::kDown:
      return micro ? kAdet : kAdot;
    case MachineState::kIdle:
      return !micro && w->reason == "no_order" ? kIdleNoOrder : kAdet;
    case MachineState::kPlannedStop:
      return kPlannedStopLoss;
    case MachineState::kOffline:
      return kUnknown;
  }
  return kUnknown;
}

void Add(Elements* e, const char* key, std::int64_t len) {
  if (key == kApt) {
    e->APT += len;
  } else if (key == kAust) {
    e->AUST += len;
  } else if (key == kAdet) {
    e->ADET += len;
  } else if (key == kAdot) {
    e->ADOT += len;
  } else if (key == kIdleNoOrder) {
    e->idle_no_order += len;
  } else if (key == kPlannedStopLoss) {
    e->planned_stop_loss += len;
  } else if (key == kUnknown) {
    e->unknown += len;
  } else if (key == kPdot) {
    e->PDOT += len;
  }
}

}  // namespace

ElementResult ComputeUnitElements(const ElementIndex& index, const std::string& unit,
                                  TimeMicros from, TimeMicros to, const Policy& policy,
                                  bool with_segments) {
  ElementResult result;
  std::vector<Segment>* segments = with_segments ? &result.segments : nullptr;
  if (to <= from) return result;
  Elements& e = result.elements;
  FindingLog log(unit, &result.findings);
  const Inputs& in = index.inputs();
  e.CT = to - from;

  // The states and calendar entries that reach into the window.
  std::vector<std::size_t> states, entries;
  InRange(
      index.StatesOf(unit), from, to, [&](std::size_t i) { return in.states[i].start; }, &states);
  const ElementIndex::UnitCalendar& calendar = index.CalendarsOf(unit);
  for (const ElementIndex::Sorted* sorted : calendar.scopes) {
    InRange(
        *sorted, from, to, [&](std::size_t i) { return in.calendar[i].start; }, &entries);
  }
  const bool has_shifts = calendar.has_shifts;
  if (!has_shifts) {
    log.Add("no_shift_calendar", from, to,
            "no shift calendar applies to the work unit: the whole window is planned", {});
  }

  std::vector<Event> events;
  events.reserve(2 * (states.size() + entries.size()) + 1);
  for (std::size_t i : states) {
    const StateInterval& s = in.states[i];
    if (s.end <= s.start) {
      if (s.start >= from && s.start < to)
        log.Add("bad_interval", s.start, s.start, "end is not after start; ignored", {&s.source});
      continue;
    }
    if (s.end <= from || s.start >= to) continue;
    events.push_back({std::max(s.start, from), true, true, i});
    events.push_back({std::min(s.end, to), false, true, i});
  }
  const auto state_events = static_cast<std::ptrdiff_t>(events.size());
  for (std::size_t i : entries) {
    const CalendarEntry& c = in.calendar[i];
    if (c.end <= from || c.start >= to || c.end <= c.start) continue;
    events.push_back({std::max(c.start, from), true, false, i});
    events.push_back({std::min(c.end, to), false, false, i});
  }
  // In time order (the order of events at one instant does not matter: all of them are
  // taken before the next segment). A unit's states follow one another, so their events
  // mostly come in order already: sort them only when not, then merge in the calendar's.
  auto by_time = [](const Event& a, const Event& b) { return a.t < b.t; };
  const auto calendar_events = events.begin() + state_events;
  if (!std::is_sorted(events.begin(), calendar_events, by_time))
    std::sort(events.begin(), calendar_events, by_time);
  std::sort(calendar_events, events.end(), by_time);
  std::inplace_merge(events.begin(), calendar_events, events.end(), by_time);
  events.push_back({to, false, false, SIZE_MAX});  // closes the last segment

  // Active sets. States by (start, input index): the last element holds.
  SmallSet<std::pair<TimeMicros, std::size_t>> active;
  SmallSet<std::size_t> shifts, stops, outside;
  const TimeMicros threshold = policy.micro_stop_threshold_micros();
  const bool excluded = policy.planned_stops == PlannedStops::kExcluded;

  SourceSlots src(&e);
  TimeMicros at = from;
  for (std::size_t k = 0; k < events.size(); ++k) {
    const Event& ev = events[k];
    if (ev.t > at) {
      const TimeMicros a = at, b = ev.t, len = b - a;
      const StateInterval* w = active.empty() ? nullptr : &in.states[active.back().second];
      if (active.size() > 1) {
        std::vector<const SourceRef*> srcs;
        for (const auto& [start, i] : active) srcs.push_back(&in.states[i].source);
        log.Add("overlapping_states", a, b,
                "state intervals overlap; the one with the latest start holds", srcs);
      }
      const bool micro = w != nullptr && !w->open && w->end - w->start < threshold &&
                         (w->state == MachineState::kDown || w->state == MachineState::kIdle);
      const char* key = Classify(w, micro, !shifts.empty() || !has_shifts, !outside.empty(),
                                 !stops.empty(), excluded);
      Add(&e, key, len);
      if (key != kOutsidePot) {
        e.POT += len;
        for (std::size_t i : shifts) src(kPotKey).Add(in.calendar[i].source);
      }
      if (key != kOutsidePot && key != kPdot) {
        e.PBT += len;
        for (std::size_t i : shifts) src(kPbtKey).Add(in.calendar[i].source);
      }
      if (key == kPdot || key == kPlannedStopLoss) {
        for (std::size_t i : stops) src(key).Add(in.calendar[i].source);
      }
      if (w != nullptr && key != kOutsidePot) src(key).Add(w->source);
      if (w != nullptr && (key == kAdot || key == kAdet || key == kIdleNoOrder)) {
        if (w->state == MachineState::kDown) {
          e.down += len;
          src(kDownKey).Add(w->source);
        } else if (w->state == MachineState::kIdle) {
          e.idle += len;
          src(kIdleKey).Add(w->source);
        }
        if (micro) e.micro_stop += len;
      }
      const bool running = w != nullptr && w->state == MachineState::kRunning;
      if (running && key == kOutsidePot)
        log.Add("running_outside_planned_time", a, b, "not counted as APT", {&w->source});
      if (running && key == kPdot)
        log.Add("running_in_planned_stop", a, b, "counted as PDOT, not APT", {&w->source});
      if (w == nullptr && key == kUnknown)
        log.Add("gap", a, b, "no state data in planned busy time: counted as unknown", {});
      if (w != nullptr && w->state == MachineState::kOffline && key == kUnknown)
        log.Add("offline", a, b, "the work unit sent no data: counted as unknown", {&w->source});
      if (segments != nullptr) {
        Segment seg{a, b, key, "", "", micro && key == kAdet, std::nullopt};
        if (w != nullptr) {
          seg.state = MachineStateName(w->state);
          seg.reason = w->reason;
          seg.source = w->source;
        }
        if (!segments->empty() && segments->back().end == a && segments->back().element == key &&
            segments->back().source == seg.source && segments->back().state == seg.state) {
          segments->back().end = b;
        } else {
          segments->push_back(std::move(seg));
        }
      }
      at = ev.t;
    }
    if (ev.idx == SIZE_MAX) break;
    if (ev.is_state) {
      const auto key = std::pair{in.states[ev.idx].start, ev.idx};
      if (ev.is_start)
        active.insert(key);
      else
        active.erase(key);
      continue;
    }
    const CalendarKind kind = in.calendar[ev.idx].kind;
    SmallSet<std::size_t>& set =
        kind == CalendarKind::kShift                                                  ? shifts
        : (kind == CalendarKind::kBreak || kind == CalendarKind::kPlannedMaintenance) ? stops
                                                                                      : outside;
    if (ev.is_start)
      set.insert(ev.idx);
    else
      set.erase(ev.idx);
  }
  AddCounts(index, unit, from, to, policy, &e, &result.findings);
  return result;
}

ElementResult ComputeScopeElements(const ElementIndex& index, const std::string& scope,
                                   TimeMicros from, TimeMicros to, const Policy& policy) {
  ElementResult total;
  for (const std::string& unit : index.hierarchy().WorkUnitsOf(scope)) {
    ElementResult one = ComputeUnitElements(index, unit, from, to, policy);
    total.elements += one.elements;
    for (Finding& f : one.findings) total.findings.push_back(std::move(f));
  }
  return total;
}

}  // namespace ordo::mis
