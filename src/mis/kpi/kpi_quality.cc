// Yields and the cost of quality: FPY, RTY (operation yields), COPQ, cost of quality and
// COPQ over sales (quality costs and sales from finance). docs/kpi.md, "Quality".
#include <map>

#include "mis/kpi/detail/kpi_context.h"

namespace ordo::mis {

namespace {

std::vector<const OperationYield*> Yields(const KpiContext& ctx) {
  std::vector<const OperationYield*> out;
  for (const OperationYield& y : ctx.inputs().operation_yields)
    if (ctx.InWindow(y.completed_at) && ctx.Holds(y.work_unit)) out.push_back(&y);
  return out;
}

void Fpy(const KpiContext& ctx, Figure* f) {
  double in = 0, good = 0;
  SourceSet s;
  for (const OperationYield* y : Yields(ctx)) {
    in += y->units_in;
    good += y->good_first_pass;
    s.Add(y->source);
  }
  AddElement("good_first_pass", good, f);
  AddElement("units_in", in, f);
  AddSources(s, f);
  SetRatio(f, good, in, "units_in");
}

void Rty(const KpiContext& ctx, Figure* f) {
  std::map<std::string, std::pair<double, double>> by_op;  // operation -> (good, in)
  SourceSet s;
  for (const OperationYield* y : Yields(ctx)) {
    by_op[y->operation].first += y->good_first_pass;
    by_op[y->operation].second += y->units_in;
    s.Add(y->source);
  }
  AddSources(s, f);
  AddElement("operations", static_cast<double>(by_op.size()), f);
  if (by_op.empty()) {
    SetNull(f, "no_data", "no operation yields completed in the scope and window");
    return;
  }
  double rty = 1;
  for (const auto& [op, gi] : by_op) {
    AddElement("fpy[" + op + "]", gi.second > 0 ? gi.first / gi.second : 0, f);
    if (!(gi.second > 0)) {
      SetNull(f, "zero_denominator", "units_in of operation " + op + " is zero");
      return;
    }
    rty *= gi.first / gi.second;
  }
  f->value = rty;
}

// Sums the quality costs of the scope and window by category; false (figure null) on
// mixed currencies.
bool CostsByCategory(const KpiContext& ctx, std::map<QualityCostCategory, double>* sums,
                     std::string* currency, Figure* f) {
  SourceSet s;
  for (const QualityCost& c : ctx.inputs().quality_costs) {
    if (!ctx.InWindow(c.date) || !ctx.Holds(c.scope)) continue;
    if (!currency->empty() && *currency != c.currency) {
      SetNull(f, "mixed_currency", "the quality costs of the scope use more than one currency");
      return false;
    }
    *currency = c.currency;
    (*sums)[c.category] += c.amount;
    s.Add(c.source);
  }
  AddSources(s, f);
  for (const auto& [cat, sum] : *sums) AddElement(QualityCostCategoryName(cat), sum, f);
  if (!currency->empty()) f->unit = *currency;
  return true;
}

double Copq(const std::map<QualityCostCategory, double>& sums) {
  double v = 0;
  for (const auto& [cat, sum] : sums)
    if (cat == QualityCostCategory::kInternalFailure ||
        cat == QualityCostCategory::kExternalFailure)
      v += sum;
  return v;
}

void CopqKpi(const KpiContext& ctx, Figure* f) {
  std::map<QualityCostCategory, double> sums;
  std::string currency;
  if (CostsByCategory(ctx, &sums, &currency, f)) f->value = Copq(sums);
}

void CostOfQuality(const KpiContext& ctx, Figure* f) {
  std::map<QualityCostCategory, double> sums;
  std::string currency;
  if (!CostsByCategory(ctx, &sums, &currency, f)) return;
  double v = 0;
  for (const auto& [cat, sum] : sums) v += sum;
  f->value = v;
}

// Sales of the scope, each row spread evenly over its period and cut to the window.
void CopqSalesRatio(const KpiContext& ctx, Figure* f) {
  std::map<QualityCostCategory, double> sums;
  std::string currency;
  if (!CostsByCategory(ctx, &sums, &currency, f)) return;
  f->unit = std::string(1, '1');  // a fraction (std::string: GCC 12 -Wrestrict)
  double sales = 0;
  SourceSet s;
  for (const Sales& row : ctx.inputs().sales) {
    if (!ctx.Holds(row.scope) || row.period_end <= row.period_start) continue;
    const TimeMicros a = std::max(row.period_start, ctx.from());
    const TimeMicros b = std::min(row.period_end, ctx.to());
    if (b <= a) continue;
    if (!currency.empty() && row.currency != currency) {
      SetNull(f, "mixed_currency", "sales and quality costs use different currencies");
      return;
    }
    sales += row.amount * static_cast<double>(b - a) /
             static_cast<double>(row.period_end - row.period_start);
    s.Add(row.source);
  }
  AddSources(s, f);
  AddElement("copq", Copq(sums), f);
  AddElement("sales", sales, f);
  SetRatio(f, Copq(sums), sales, "sales");
}

}  // namespace

void RegisterQualityKpis(std::vector<KpiDefinition>* out) {
  out->push_back({"fpy", std::nullopt, "1", "Σ good_first_pass / Σ units_in",
                  "first pass yield over the operations completed in the window", Fpy});
  out->push_back({"rty", std::nullopt, "1", "Π over operations (Σ good_first_pass / Σ units_in)",
                  "rolled throughput yield", Rty});
  out->push_back({"copq", std::nullopt, "currency", "internal_failure + external_failure",
                  "cost of poor quality", CopqKpi});
  out->push_back({"cost_of_quality", std::nullopt, "currency",
                  "prevention + appraisal + internal_failure + external_failure", "cost of quality",
                  CostOfQuality});
  out->push_back({"copq_sales_ratio", std::nullopt, "1", "copq / sales",
                  "COPQ as a fraction of sales (sales spread over their period)", CopqSalesRatio});
}

}  // namespace ordo::mis
