// The snapshot's windows and figures.
#include "mis/snapshots/snapshot.h"

#include <set>

#include "mis/kpi/kpi.h"
#include "mis/kpi/windows.h"

namespace ordo::mis::snapshots {

namespace {

constexpr TimeMicros kDay = 86'400'000'000;

std::set<std::string> Scopes(const Inputs& in) {
  std::set<std::string> scopes{""};
  for (const auto& n : in.equipment) scopes.insert(n.id);
  for (const auto& s : in.states) scopes.insert(s.work_unit);
  for (const auto& c : in.counts) scopes.insert(c.work_unit);
  return scopes;
}

void Add(const ElementIndex& index, const std::string& scope, const char* kind,
         const std::string& label, TimeMicros from, TimeMicros to, Snapshot& out) {
  bool elements_done = false;
  for (Profile profile : {Profile::kIso22400, Profile::kPractitioner}) {
    KpiRequest request;
    request.scope = scope;
    request.from = from;
    request.to = to;
    request.profile = profile;
    request.policy = DefaultPolicy();
    auto report = ComputeKpis(index, request);
    if (!report.ok()) return;  // a scope the engine does not know in this window
    for (const Figure& f : report->figures)
      out.figures.push_back({scope, kind, label, from, to, f.kpi, f.profile, f.value, f.null_reason,
                             f.unit, f.policy.name, f.policy.version});
    if (elements_done) continue;
    elements_done = true;
    for (const auto& [key, value] : report->elements.Values())
      out.elements.push_back({scope, kind, label, from, to, key, value});
  }
}

}  // namespace

Snapshot ComputeSnapshot(const ElementIndex& index, TimeMicros now, int days,
                         const calendar::TimeZone& zone) {
  Snapshot out;
  const calendar::CivilDate tomorrow = calendar::AddDays(zone.LocalDate(now), 1);
  out.to = zone.StartOfDay(tomorrow);
  out.from = zone.StartOfDay(calendar::AddDays(tomorrow, -days));
  const auto local_days =
      calendar::LocalDays(zone, out.from, out.to, static_cast<std::size_t>(days) + 1);
  for (const std::string& scope : Scopes(index.inputs())) {
    for (const calendar::LocalDay& day : local_days)
      Add(index, scope, "day", day.label, day.from, day.to, out);
    // The shifts that start in the span, whole: a night shift across midnight is one
    // window, also at the span's ends (shifts are taken a day beyond them, then kept by
    // their start), so refreshes of other spans never store a shift cut.
    for (const Window& w : ShiftWindows(index, scope, out.from - kDay, out.to + kDay))
      if (w.from >= out.from && w.from < out.to)
        Add(index, scope, "shift", w.label, w.from, w.to, out);
  }
  return out;
}

}  // namespace ordo::mis::snapshots
