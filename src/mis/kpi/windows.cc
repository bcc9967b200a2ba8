// Shift windows of a scope.
#include "mis/kpi/windows.h"

#include <algorithm>
#include <set>

namespace ordo::mis {

std::vector<Window> ShiftWindows(const ElementIndex& index, const std::string& scope,
                                 TimeMicros from, TimeMicros to) {
  const Hierarchy& h = index.hierarchy();
  std::set<std::string> scopes = {""};
  for (const std::string& a : h.AncestorsOrSelf(scope)) scopes.insert(a);
  for (const std::string& unit : h.WorkUnitsOf(scope))
    for (const std::string& a : h.AncestorsOrSelf(unit)) scopes.insert(a);
  std::vector<Window> out;
  std::set<std::pair<TimeMicros, TimeMicros>> seen;
  for (const std::string& s : scopes) {
    for (std::size_t i : index.CalendarOf(s).items) {
      const CalendarEntry& e = index.inputs().calendar[i];
      if (e.kind != CalendarKind::kShift || e.end <= from || e.start >= to || e.end <= e.start)
        continue;
      const TimeMicros a = std::max(e.start, from), b = std::min(e.end, to);
      if (seen.insert({a, b}).second) out.push_back({a, b, e.label});
    }
  }
  std::sort(out.begin(), out.end(), [](const Window& x, const Window& y) {
    return x.from != y.from ? x.from < y.from : x.to < y.to;
  });
  return out;
}

}  // namespace ordo::mis
