// Time and quantity ratios beside OEE: NPT (and its cost), the further ISO 22400-2
// ratios of the time elements, and scrap and rework ratios.
#include <map>

#include "mis/kpi/detail/kpi_context.h"

namespace ordo::mis {

namespace {

void Npt(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  UseElements(e, {"down", "idle"}, f);
  f->value = Seconds(e.down + e.idle);
}

void NptRate(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  UseElements(e, {"down", "idle", "PBT"}, f);
  SetRatio(f, Seconds(e.down + e.idle), Seconds(e.PBT), "PBT");
}

// Σ over work units of the unit's NPT hours × the rate of its nearest scope with one.
void NptCost(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  UseElements(e, {"down", "idle"}, f);
  std::map<std::string, const CostRate*> rates;
  for (const CostRate& r : ctx.inputs().cost_rates) rates[r.scope] = &r;
  double cost = 0;
  std::string currency;
  SourceSet sources;
  for (const auto& [unit, ue] : ctx.units()) {
    const std::int64_t npt = ue->down + ue->idle;
    if (npt == 0) continue;
    const CostRate* rate = nullptr;
    std::vector<std::string> chain = ctx.index().hierarchy().AncestorsOrSelf(unit);
    chain.push_back("");
    for (const std::string& scope : chain) {
      if (auto it = rates.find(scope); it != rates.end()) {
        rate = it->second;
        break;
      }
    }
    if (rate == nullptr) {
      SetNull(f, "missing_cost_rate", "no NPT cost rate applies to work unit " + unit);
      return;
    }
    if (!currency.empty() && currency != rate->currency) {
      SetNull(f, "mixed_currency", "the cost rates of the scope use more than one currency");
      return;
    }
    currency = rate->currency;
    cost += Seconds(npt) / 3600.0 * rate->per_hour;
    sources.Add(rate->source);
  }
  AddSources(sources, f);
  f->value = cost;
  if (!currency.empty()) f->unit = currency;
}

template <std::int64_t Elements::*Num>
void TimeRatio(const KpiContext& ctx, Figure* f, std::initializer_list<const char*> keys,
               std::int64_t den, const char* den_name) {
  UseElements(ctx.elements(), keys, f);
  SetRatio(f, Seconds(ctx.elements().*Num), Seconds(den), den_name);
}

void TechnicalEfficiency(const KpiContext& ctx, Figure* f) {
  const Elements& e = ctx.elements();
  TimeRatio<&Elements::APT>(ctx, f, {"APT", "ADET"}, e.APT + e.ADET, "APT + ADET");
}
void SetupRate(const KpiContext& ctx, Figure* f) {
  TimeRatio<&Elements::AUST>(ctx, f, {"AUST", "AUPT"}, ctx.elements().AUPT(), "AUPT");
}

void ScrapRatio(const KpiContext& ctx, Figure* f) {
  UseElements(ctx.elements(), {"SQ", "PQ"}, f);
  SetRatio(f, ctx.elements().SQ, ctx.elements().PQ, "PQ");
}
void ReworkRatio(const KpiContext& ctx, Figure* f) {
  UseElements(ctx.elements(), {"RQ", "PQ"}, f);
  SetRatio(f, ctx.elements().RQ, ctx.elements().PQ, "PQ");
}

}  // namespace

void UtilizationEfficiency(const KpiContext& ctx, Figure* f) {
  TimeRatio<&Elements::APT>(ctx, f, {"APT", "AUBT"}, ctx.elements().AUBT(), "AUBT");
}

void RegisterTimeKpis(std::vector<KpiDefinition>* out) {
  out->push_back({"npt", std::nullopt, "s", "down + idle (within PBT)",
                  "non-productive time: time in down and idle states within planned busy time",
                  Npt});
  out->push_back({"npt_rate", std::nullopt, "1", "(down + idle) / PBT", "NPT over PBT", NptRate});
  out->push_back({"npt_cost", std::nullopt, "currency",
                  "Σ per work unit (down + idle) / 3600 × rate",
                  "NPT at the hourly cost rate of the work unit's nearest scope", NptCost});
  out->push_back({"technical_efficiency", std::nullopt, "1", "APT / (APT + ADET)",
                  "ISO 22400-2 technical efficiency", TechnicalEfficiency});
  out->push_back({"utilization_efficiency", std::nullopt, "1", "APT / AUBT",
                  "ISO 22400-2 utilization efficiency (AUBT = APT + AUST + ADET)",
                  UtilizationEfficiency});
  out->push_back({"setup_rate", std::nullopt, "1", "AUST / AUPT",
                  "ISO 22400-2 setup rate (AUPT = APT + AUST)", SetupRate});
  out->push_back(
      {"scrap_ratio", std::nullopt, "1", "SQ / PQ", "ISO 22400-2 scrap ratio", ScrapRatio});
  out->push_back(
      {"rework_ratio", std::nullopt, "1", "RQ / PQ", "ISO 22400-2 rework ratio", ReworkRatio});
}

}  // namespace ordo::mis
