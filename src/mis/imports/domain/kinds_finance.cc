// The maintenance and finance kinds: maintenance (CMMS), quality_costs, sales and cost_rates
// (finance).
#include "mis/imports/domain/detail/kinds.h"

namespace ordo::mis::imports::detail {

namespace {

void CheckMaintenance(const RowView& row, int line, std::vector<RowError>* errors) {
  CheckEndAfterStart(row, line, "repair_start", "repair_end", false, errors);
  const auto failure = row.Int("failure_start");
  const auto repair = row.Int("repair_start");
  if (row.Text("kind") == "corrective" && !failure) {
    errors->push_back({line, "failure_start", "missing_value",
                       "failure_start is required for kind corrective (when the failure began)"});
  } else if (failure && repair && *failure > *repair) {
    errors->push_back({line, "repair_start", "repair_before_failure",
                       "repair_start must not be before failure_start"});
  }
}

void CheckSales(const RowView& row, int line, std::vector<RowError>* errors) {
  CheckEndAfterStart(row, line, "period_start", "period_end", true, errors);
}

}  // namespace

KindSpec MaintenanceKind() {
  return {
      "maintenance",
      "import_maintenance",
      "Maintenance work orders from the CMMS, for MTBF, MTTR and MTTF.",
      {Text("work_unit", true, "work unit id"), Text("work_order", true, "the CMMS work order id"),
       Enum("kind", true, {"corrective", "preventive", "condition_based", "predictive"},
            "corrective = repair after a failure (counts for MTBF/MTTR)"),
       Time("failure_start", false, "when the failure began; required for corrective"),
       Time("repair_start", true, "when the repair began"),
       Time("repair_end", true, "when the unit was repaired"),
       Text("reason", false, "failure or maintenance reason")},
      {"work_unit", "work_order"},
      CheckMaintenance};
}

KindSpec QualityCostsKind() {
  return {
      "quality_costs",
      "import_quality_costs",
      "Costs of quality by category (prevention, appraisal, internal and external failure).",
      {Date("date", true, "the day the cost was booked (YYYY-MM-DD)"),
       Text("scope", true, "equipment id the cost belongs to (site, line, ...)"),
       Enum("category", true, {"prevention", "appraisal", "internal_failure", "external_failure"},
            "cost of quality category"),
       Number("amount", true, false, "amount >= 0 in `currency`"),
       Currency("currency", "ISO 4217 code, e.g. EUR"),
       Text("reference", false, "booking reference (distinguishes costs of the same day)")},
      {"date", "scope", "category", "reference"},
      nullptr};
}

KindSpec SalesKind() {
  return {"sales",
          "import_sales",
          "Sales per period and scope, the base of COPQ as a share of sales.",
          {Date("period_start", true, "first day of the period (YYYY-MM-DD)"),
           Date("period_end", true, "last day of the period, inclusive (YYYY-MM-DD)"),
           Text("scope", true, "equipment id (usually a site)"),
           Number("amount", true, false, "sales amount >= 0 in `currency`"),
           Currency("currency", "ISO 4217 code, e.g. EUR")},
          {"scope", "period_start", "period_end"},
          CheckSales};
}

KindSpec CostRatesKind() {
  return {"cost_rates",
          "import_cost_rates",
          "The cost of an hour of non-productive time per scope, for npt_cost.",
          {Text("scope", false,
                "equipment id: the rate of its work units that have no rate of a lower scope; "
                "empty = the whole plant"),
           Number("rate_per_hour", true, false, "cost of one hour of NPT >= 0 in `currency`"),
           Currency("currency", "ISO 4217 code, e.g. EUR")},
          {"scope"},
          nullptr};
}

}  // namespace ordo::mis::imports::detail
