// The batch: per window, each work unit of any asked scope once, each inner scope's sum
// once (SumUpTree), then each scope's figures (detail/kpi_context.h).
#include "mis/kpi/kpi_batch.h"

#include <map>

#include "mis/kpi/detail/kpi_context.h"

namespace ordo::mis {

Status ComputeKpiBatch(const ElementIndex& index, const KpiBatchRequest& request,
                       const KpiBatchSink& sink) {
  for (const auto& [from, to] : request.windows) ORDO_TRY(CheckWindow(from, to));
  for (const std::string& scope : request.scopes) ORDO_TRY(CheckScope(index, scope));
  auto defs = ResolveKpis(request.kpis, request.profile);
  if (!defs.ok()) return defs.error();

  // The work units of each scope (WorkUnitsOf order), as slots into one table of the
  // units any scope holds.
  std::map<std::string, std::size_t> slot_of;
  std::vector<const std::string*> slot_unit;
  std::vector<std::vector<std::size_t>> scope_slots(request.scopes.size());
  for (std::size_t s = 0; s < request.scopes.size(); ++s) {
    for (const std::string& unit : index.hierarchy().WorkUnitsOf(request.scopes[s])) {
      auto [it, fresh] = slot_of.try_emplace(unit, slot_unit.size());
      if (fresh) slot_unit.push_back(&it->first);
      scope_slots[s].push_back(it->second);
    }
  }

  std::vector<ElementResult> results(slot_unit.size());
  auto unit_of = [&](const std::string& unit) -> const Elements& {
    return results[slot_of.at(unit)].elements;
  };
  KpiRequest one{request.kpis, "", 0, 0, request.profile, request.policy};
  const PolicyStamp stamp = StampOf(request.policy);
  KpiContext::UnitResults units;
  std::map<std::string, Elements> sums;  // inner scopes of the window, summed once
  for (std::size_t w = 0; w < request.windows.size(); ++w) {
    one.from = request.windows[w].first;
    one.to = request.windows[w].second;
    for (std::size_t k = 0; k < slot_unit.size(); ++k)
      results[k] = ComputeUnitElements(index, *slot_unit[k], one.from, one.to, one.policy);
    sums.clear();
    for (std::size_t s = 0; s < request.scopes.size(); ++s) {
      one.scope = request.scopes[s];
      units.clear();
      for (std::size_t k : scope_slots[s]) units.emplace_back(slot_unit[k], &results[k]);
      Elements total = SumUpTree(index.hierarchy(), one.scope, unit_of, sums);
      ORDO_TRY(sink(s, w, Evaluate(KpiContext(index, one, std::move(total), units), *defs, stamp)));
    }
  }
  return Ok();
}

}  // namespace ordo::mis
