// The KPI registry and the one computation path.
#include "mis/kpi/kpi.h"

#include <set>

#include "mis/kpi/detail/kpi_context.h"

namespace ordo::mis {

KpiContext::KpiContext(const ElementIndex& index, const KpiRequest& request)
    : index_(index), request_(request) {
  const Hierarchy& h = index.hierarchy();
  plant_level_ = request.scope.empty() || h.IsRoot(request.scope);
  for (const std::string& unit : h.WorkUnitsOf(request.scope)) {
    ElementResult one = ComputeUnitElements(index, unit, request.from, request.to, request.policy);
    total_.elements += one.elements;
    for (Finding& f : one.findings) total_.findings.push_back(std::move(f));
    units_.emplace_back(unit, std::move(one.elements));
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

Result<KpiReport> ComputeKpis(const ElementIndex& index, const KpiRequest& request) {
  if (request.to <= request.from) {
    return Error::Invalid("to", "to: the window's end must be after its start (from)",
                          "invalid_window");
  }
  if (!index.hierarchy().Known(request.scope)) {
    return Error{ErrorCode::kNotFound,
                 "scope: \"" + request.scope +
                     "\" is neither an equipment node nor a work unit "
                     "with data",
                 "scope", "unknown_scope"};
  }
  std::vector<std::string> ids = request.kpis;
  if (ids.empty()) {
    ids = request.profile == Profile::kIso22400
              ? std::vector<std::string>{"availability", "effectiveness", "quality_ratio",
                                         "oee_index"}
              : std::vector<std::string>{"availability", "performance", "quality", "oee"};
  }
  std::vector<const KpiDefinition*> defs;
  for (const std::string& id : ids) {
    const KpiDefinition* def = FindKpi(id, request.profile);
    if (def == nullptr) {
      std::string valid;
      for (const std::string& v : KpiIds(request.profile)) valid += (valid.empty() ? "" : ", ") + v;
      return Error::Invalid("kpi",
                            "kpi: \"" + id + "\" is not a KPI of profile " +
                                ProfileName(request.profile) + "; valid ids: " + valid,
                            "unknown_kpi");
    }
    defs.push_back(def);
  }
  KpiContext ctx(index, request);
  KpiReport report;
  const PolicyStamp stamp = StampOf(request.policy);
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
  report.elements = ctx.elements();
  report.findings = ctx.findings();
  return report;
}

}  // namespace ordo::mis
