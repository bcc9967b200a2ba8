// The index of the KPI engine's inputs.
#include "mis/kpi/element_index.h"

#include <algorithm>

namespace ordo::mis {

namespace {

const ElementIndex::Sorted kEmpty;
const std::vector<std::pair<TimeMicros, TimeMicros>> kNoCover;

std::set<std::string> DataUnits(const Inputs& inputs) {
  std::set<std::string> units;
  const std::string* last = nullptr;  // rows come in runs of one unit: look each run up once
  auto add = [&](const std::string& unit) {
    if (last == nullptr || *last != unit) units.insert(unit);
    last = &unit;
  };
  for (const StateInterval& s : inputs.states) add(s.work_unit);
  last = nullptr;
  for (const Count& c : inputs.counts) add(c.work_unit);
  return units;
}

// Sorts indices (in input order) by `key`, stably; most arrive sorted already.
template <typename Key>
void SortBy(std::vector<std::size_t>& items, Key key) {
  auto before = [&](std::size_t a, std::size_t b) { return key(a) < key(b); };
  if (!std::is_sorted(items.begin(), items.end(), before))
    std::stable_sort(items.begin(), items.end(), before);
}

}  // namespace

TimeMicros CountTime(const Count& c) { return c.end > c.start ? c.end - 1 : c.end; }

ElementIndex::ElementIndex(const Inputs& inputs)
    : inputs_(inputs), hierarchy_(inputs.equipment, DataUnits(inputs)) {
  Sorted* last = nullptr;  // the feed's loader gives each unit's rows in one run
  for (std::size_t i = 0; i < inputs.states.size(); ++i) {
    const StateInterval& s = inputs.states[i];
    if (last == nullptr || inputs.states[i - 1].work_unit != s.work_unit)
      last = &states_[s.work_unit];
    last->items.push_back(i);
    last->max_length = std::max(last->max_length, s.end - s.start);
  }
  for (auto& [unit, sorted] : states_) {
    SortBy(sorted.items, [&](std::size_t i) { return inputs.states[i].start; });
    auto& cover = covered_[unit];
    for (std::size_t i : sorted.items) {
      const StateInterval& s = inputs.states[i];
      if (s.end <= s.start) continue;
      if (!cover.empty() && s.start <= cover.back().second) {
        cover.back().second = std::max(cover.back().second, s.end);
      } else {
        cover.emplace_back(s.start, s.end);
      }
    }
  }
  last = nullptr;
  for (std::size_t i = 0; i < inputs.counts.size(); ++i) {
    const Count& c = inputs.counts[i];
    if (last == nullptr || inputs.counts[i - 1].work_unit != c.work_unit)
      last = &counts_[c.work_unit];
    last->items.push_back(i);
    last->max_length = std::max(last->max_length, c.end - c.start);
  }
  for (auto& [unit, sorted] : counts_)
    SortBy(sorted.items, [&](std::size_t i) { return CountTime(inputs.counts[i]); });
  for (std::size_t i = 0; i < inputs.calendar.size(); ++i) {
    const CalendarEntry& e = inputs.calendar[i];
    Sorted& sorted = calendar_[e.scope];
    sorted.items.push_back(i);
    sorted.max_length = std::max(sorted.max_length, e.end - e.start);
    if (e.kind == CalendarKind::kShift) shift_scopes_.insert(e.scope);
  }
  for (auto& [scope, sorted] : calendar_) {
    std::stable_sort(sorted.items.begin(), sorted.items.end(), [&](std::size_t a, std::size_t b) {
      return inputs.calendar[a].start < inputs.calendar[b].start;
    });
  }
  for (const std::string& unit : hierarchy_.WorkUnitsOf(""))
    unit_calendars_.emplace(unit, MakeCalendar(unit));
  for (std::size_t i = 0; i < inputs.cycle_times.size(); ++i) {
    const CycleTime& c = inputs.cycle_times[i];
    cycle_times_[{c.work_unit, c.product}] = i;  // a later row wins
  }
  for (std::size_t i = 0; i < inputs.planned_cycle_times.size(); ++i) {
    const PlannedCycleTime& c = inputs.planned_cycle_times[i];
    planned_cycle_times_[{c.work_unit, c.product}] = i;
  }
}

const ElementIndex::Sorted& ElementIndex::StatesOf(const std::string& unit) const {
  auto it = states_.find(unit);
  return it == states_.end() ? kEmpty : it->second;
}
const ElementIndex::Sorted& ElementIndex::CountsOf(const std::string& unit) const {
  auto it = counts_.find(unit);
  return it == counts_.end() ? kEmpty : it->second;
}
const ElementIndex::Sorted& ElementIndex::CalendarOf(const std::string& scope) const {
  auto it = calendar_.find(scope);
  return it == calendar_.end() ? kEmpty : it->second;
}
const std::vector<std::pair<TimeMicros, TimeMicros>>& ElementIndex::CoveredOf(
    const std::string& unit) const {
  auto it = covered_.find(unit);
  return it == covered_.end() ? kNoCover : it->second;
}

ElementIndex::UnitCalendar ElementIndex::MakeCalendar(const std::string& unit) const {
  UnitCalendar out;
  std::vector<std::string> scopes = hierarchy_.AncestorsOrSelf(unit);
  if (!unit.empty()) scopes.push_back("");
  for (const std::string& scope : scopes) out.scopes.push_back(&CalendarOf(scope));
  out.has_shifts = HasShiftCalendar(unit);
  return out;
}

const ElementIndex::UnitCalendar& ElementIndex::CalendarsOf(const std::string& unit) const {
  auto it = unit_calendars_.find(unit);
  if (it != unit_calendars_.end()) return it->second;
  thread_local UnitCalendar other;  // an id that is no unit: made for this call
  other = MakeCalendar(unit);
  return other;
}

bool ElementIndex::HasShiftCalendar(const std::string& unit) const {
  std::vector<std::string> scopes = hierarchy_.AncestorsOrSelf(unit);
  scopes.push_back("");
  for (const std::string& scope : scopes)
    if (shift_scopes_.contains(scope)) return true;
  return false;
}

std::optional<ElementIndex::FoundCycleTime> ElementIndex::CycleTimeOf(const std::string& unit,
                                                                      const std::string& product,
                                                                      CycleTimeBasis basis) const {
  const bool ideal = basis == CycleTimeBasis::kIdeal;
  const auto& index = ideal ? cycle_times_ : planned_cycle_times_;
  for (const auto& key : {std::pair{unit, product}, std::pair{unit, std::string()},
                          std::pair{std::string(), product}}) {
    auto it = index.find(key);
    if (it == index.end()) continue;
    if (ideal) {
      const CycleTime& c = inputs_.cycle_times[it->second];
      return FoundCycleTime{c.ideal_cycle_time_s, &c.source};
    }
    const PlannedCycleTime& c = inputs_.planned_cycle_times[it->second];
    return FoundCycleTime{c.planned_cycle_time_s, &c.source};
  }
  return std::nullopt;
}

}  // namespace ordo::mis
