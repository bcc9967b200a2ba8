// The KPI registry and the one computation path.
#include "mis/kpi/kpi.h"

#include <set>

#include "mis/kpi/detail/kpi_context.h"

namespace ordo::mis {

const Elements& SumUpTree(const Hierarchy& hierarchy, const std::string& scope,
                          const UnitElementsOf& unit, std::map<std::string, Elements>& memo) {
  if (auto it = memo.find(scope); it != memo.end()) return it->second;
  const Hierarchy::Parts parts = hierarchy.PartsOf(scope);
  if (parts.own && parts.below.empty()) return unit(scope);
  Elements total;
  if (parts.own) total += unit(scope);
  for (const std::string& below : parts.below) total += SumUpTree(hierarchy, below, unit, memo);
  return memo.emplace(scope, std::move(total)).first->second;
}

KpiContext::KpiContext(const ElementIndex& index, const KpiRequest& request)
    : index_(index), request_(request) {
  const std::vector<std::string> units = index.hierarchy().WorkUnitsOf(request.scope);
  owned_.reserve(units.size());
  UnitResults refs;
  std::map<std::string, const Elements*> by_unit;
  for (const std::string& unit : units) {
    owned_.push_back(ComputeUnitElements(index, unit, request.from, request.to, request.policy));
    refs.emplace_back(&unit, &owned_.back());
    by_unit[unit] = &owned_.back().elements;
  }
  std::map<std::string, Elements> memo;
  total_.elements = SumUpTree(
      index.hierarchy(), request.scope,
      [&](const std::string& unit) -> const Elements& { return *by_unit.at(unit); }, memo);
  Init(refs);
}

KpiContext::KpiContext(const ElementIndex& index, const KpiRequest& request, Elements total,
                       const UnitResults& units)
    : index_(index), request_(request) {
  total_.elements = std::move(total);
  Init(units);
}

void KpiContext::Init(const UnitResults& units) {
  const Hierarchy& h = index_.hierarchy();
  plant_level_ = request_.scope.empty() || h.IsRoot(request_.scope);
  units_.reserve(units.size());
  for (const auto& [unit, one] : units) {
    total_.findings.insert(total_.findings.end(), one->findings.begin(), one->findings.end());
    units_.emplace_back(*unit, &one->elements);
  }
}

bool KpiContext::Holds(const std::string& id) const {
  if (id.empty()) return plant_level_;
  return index_.hierarchy().Within(id, request_.scope);
}

void UseElements(const Elements& e, std::initializer_list<const char*> keys, Figure* figure) {
  std::vector<std::string> names;
  for (const char* key : keys) {
    figure->elements.emplace_back(key, e.Value(key));
    names.emplace_back(key);
  }
  AddSources(e.SourcesOf(names), figure);
}

void AddElement(const std::string& key, double value, Figure* figure) {
  figure->elements.emplace_back(key, value);
}

void AddSources(const SourceSet& sources, Figure* figure) { figure->sources.Add(sources); }

void SetNull(Figure* figure, std::string reason, std::string detail) {
  figure->value.reset();
  figure->null_reason = std::move(reason);
  figure->null_detail = std::move(detail);
}

void SetRatio(Figure* figure, double num, double den, const std::string& den_name) {
  if (!(den > 0)) {
    SetNull(figure, "zero_denominator", den_name + " is zero in the scope and window");
    return;
  }
  figure->value = num / den;
}

void ApplyCap(const Policy& policy, Figure* figure) {
  if (policy.performance_cap == PerformanceCap::kOne && figure->value && *figure->value > 1)
    figure->value = 1.0;
}

const std::vector<KpiDefinition>& KpiRegistry() {
  static const std::vector<KpiDefinition> registry = [] {
    std::vector<KpiDefinition> out;
    RegisterOeeKpis(&out);
    RegisterTimeKpis(&out);
    RegisterQualityKpis(&out);
    RegisterReliabilityKpis(&out);
    RegisterDeliveryKpis(&out);
    return out;
  }();
  return registry;
}

const KpiDefinition* FindKpi(const std::string& id, Profile profile) {
  for (const KpiDefinition& def : KpiRegistry()) {
    if (def.id == id && (!def.profile || *def.profile == profile)) return &def;
  }
  return nullptr;
}

std::vector<std::string> KpiIds(Profile profile) {
  std::vector<std::string> ids;
  for (const KpiDefinition& def : KpiRegistry())
    if (!def.profile || *def.profile == profile) ids.push_back(def.id);
  return ids;
}

Status CheckWindow(TimeMicros from, TimeMicros to) {
  if (to <= from) {
    return Error::Invalid("to", "to: the window's end must be after its start (from)",
                          "invalid_window");
  }
  return Ok();
}

Status CheckScope(const ElementIndex& index, const std::string& scope) {
  if (!index.hierarchy().Known(scope)) {
    return Error{ErrorCode::kNotFound,
                 "scope: \"" + scope +
                     "\" is neither an equipment node nor a work unit "
                     "with data",
                 "scope", "unknown_scope"};
  }
  return Ok();
}

Result<std::vector<const KpiDefinition*>> ResolveKpis(const std::vector<std::string>& asked,
                                                      Profile profile) {
  std::vector<std::string> ids = asked;
  if (ids.empty()) {
    ids = profile == Profile::kIso22400
              ? std::vector<std::string>{"availability", "effectiveness", "quality_ratio",
                                         "oee_index"}
              : std::vector<std::string>{"availability", "performance", "quality", "oee"};
  }
  std::vector<const KpiDefinition*> defs;
  for (const std::string& id : ids) {
    const KpiDefinition* def = FindKpi(id, profile);
    if (def == nullptr) {
      std::string valid;
      for (const std::string& v : KpiIds(profile)) valid += (valid.empty() ? "" : ", ") + v;
      return Error::Invalid("kpi",
                            "kpi: \"" + id + "\" is not a KPI of profile " + ProfileName(profile) +
                                "; valid ids: " + valid,
                            "unknown_kpi");
    }
    defs.push_back(def);
  }
  return defs;
}

KpiReport Evaluate(KpiContext&& ctx, const std::vector<const KpiDefinition*>& defs,
                   const PolicyStamp& stamp) {
  const KpiRequest& request = ctx.request();
  KpiReport report;
  report.figures.reserve(defs.size());
  for (const KpiDefinition* def : defs) {
    Figure fig;
    fig.kpi = def->id;
    fig.profile = def->profile ? ProfileName(*def->profile) : "";
    fig.scope = request.scope;
    fig.from = request.from;
    fig.to = request.to;
    fig.unit = def->unit;
    fig.formula = def->formula;
    fig.policy = stamp;
    def->compute(ctx, &fig);
    report.figures.push_back(std::move(fig));
  }
  report.elements = std::move(ctx.total_.elements);
  report.findings = std::move(ctx.total_.findings);
  return report;
}

Result<KpiReport> ComputeKpis(const ElementIndex& index, const KpiRequest& request) {
  ORDO_TRY(CheckWindow(request.from, request.to));
  ORDO_TRY(CheckScope(index, request.scope));
  auto defs = ResolveKpis(request.kpis, request.profile);
  if (!defs.ok()) return defs.error();
  return Evaluate(KpiContext(index, request), *defs, StampOf(request.policy));
}

}  // namespace ordo::mis
