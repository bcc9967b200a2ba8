// What a KPI's compute function sees: the request, the summed and per-unit elements of
// the scope and window, and helpers that fill a figure. Private to src/mis/kpi/.
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "mis/kpi/kpi.h"

namespace ordo::mis {

// A work unit's elements for the window being summed.
using UnitElementsOf = std::function<const Elements&(const std::string& unit)>;

// The elements of `scope` summed up the tree (Hierarchy::PartsOf): its own unit's
// elements when it is one of its units, then the sums of the scopes below it, in order,
// each starting from zero. A scope that is only its own unit is that unit's elements.
// Sums of inner scopes are kept in `memo` (for one window and policy) and reused.
// ComputeKpis and the batch both sum this way: their figures agree to the bit, and the
// batch sums each inner scope once for all the scopes above it.
const Elements& SumUpTree(const Hierarchy& hierarchy, const std::string& scope,
                          const UnitElementsOf& unit, std::map<std::string, Elements>& memo);

class KpiContext {
 public:
  // Computes the elements of every work unit of the request's scope and sums them.
  KpiContext(const ElementIndex& index, const KpiRequest& request);
  // From elements computed already (the batch, kpi_batch.cc): `total` is the scope's
  // SumUpTree, `units` its work units in the order of Hierarchy::WorkUnitsOf with their
  // results for the request's window (outliving the context).
  using UnitResults = std::vector<std::pair<const std::string*, const ElementResult*>>;
  KpiContext(const ElementIndex& index, const KpiRequest& request, Elements total,
             const UnitResults& units);

  const ElementIndex& index() const { return index_; }
  const Inputs& inputs() const { return index_.inputs(); }
  const KpiRequest& request() const { return request_; }
  const Policy& policy() const { return request_.policy; }
  TimeMicros from() const { return request_.from; }
  TimeMicros to() const { return request_.to; }
  const Elements& elements() const { return total_.elements; }
  const std::vector<Finding>& findings() const { return total_.findings; }
  // The scope's work units and their elements (for figures summed per unit).
  const std::vector<std::pair<std::string, const Elements*>>& units() const { return units_; }

  // True for the plant ("") or a root of the hierarchy: plant-wide rows (scope "") count.
  bool PlantLevel() const { return plant_level_; }
  // True when a row of scope `id` belongs to the request's scope ("" = plant-wide row).
  bool Holds(const std::string& id) const;
  bool InWindow(TimeMicros t) const { return t >= request_.from && t < request_.to; }

 private:
  void Init(const UnitResults& units);
  friend KpiReport Evaluate(KpiContext&& ctx, const std::vector<const KpiDefinition*>& defs,
                            const PolicyStamp& stamp);

  const ElementIndex& index_;
  const KpiRequest& request_;
  ElementResult total_;
  std::vector<ElementResult> owned_;  // the first constructor's unit results
  std::vector<std::pair<std::string, const Elements*>> units_;
  bool plant_level_ = false;
};

// The definitions of `ids` under `profile` (empty: the profile's OEE set). Errors:
// invalid_argument unknown_kpi (field "kpi", the message lists the profile's valid ids).
Result<std::vector<const KpiDefinition*>> ResolveKpis(const std::vector<std::string>& ids,
                                                      Profile profile);
// invalid_window and unknown_scope, as ComputeKpis.
Status CheckWindow(TimeMicros from, TimeMicros to);
Status CheckScope(const ElementIndex& index, const std::string& scope);
// The figures of `defs` over a context, with its elements and findings (moved out of it);
// `stamp` is StampOf(the request's policy).
KpiReport Evaluate(KpiContext&& ctx, const std::vector<const KpiDefinition*>& defs,
                   const PolicyStamp& stamp);

// Fills `figure->elements` with the named elements of `e` and adds their sources.
void UseElements(const Elements& e, std::initializer_list<const char*> keys, Figure* figure);
// Adds one element (not among Elements, e.g. FE) to the figure.
void AddElement(const std::string& key, double value, Figure* figure);
void AddSources(const SourceSet& sources, Figure* figure);
void SetNull(Figure* figure, std::string reason, std::string detail);
// value = num / den, or null zero_denominator naming `den_name` when den <= 0.
void SetRatio(Figure* figure, double num, double den, const std::string& den_name);
// Caps the value at 1 under performance_cap=1.
void ApplyCap(const Policy& policy, Figure* figure);

// ISO 22400-2 utilization efficiency, APT / AUBT (null zero_denominator when AUBT is 0):
// the KPI utilization_efficiency (kpi_time.cc, where it is defined) and a factor of
// nee_index (kpi_oee.cc).
void UtilizationEfficiency(const KpiContext& ctx, Figure* figure);

// The families' registrations (kpi_*.cc).
void RegisterOeeKpis(std::vector<KpiDefinition>* out);
void RegisterTimeKpis(std::vector<KpiDefinition>* out);
void RegisterReliabilityKpis(std::vector<KpiDefinition>* out);
void RegisterDeliveryKpis(std::vector<KpiDefinition>* out);
void RegisterQualityKpis(std::vector<KpiDefinition>* out);

}  // namespace ordo::mis
