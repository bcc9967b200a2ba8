// The KPI engine: the registry of KPIs by id and the one computation path every reader
// (API, dashboard, shift report, CSV export, CLI) goes through (docs/kpi.md). Pure:
// inputs in, figures out. Thread-safe: the registry is immutable.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mis/kpi/elements.h"
#include "mis/kpi/figure.h"
#include "mis/kpi/policy.h"
#include "mis/kpi/time_elements.h"

namespace ordo::mis {

class KpiContext;  // detail/kpi_context.h

// A KPI in the registry. `profile` is set for the ids that differ by OEE profile
// (availability is one id in both), else unset (every profile).
struct KpiDefinition {
  std::string id;
  std::optional<Profile> profile;
  std::string unit;
  std::string formula;
  std::string description;
  std::function<void(const KpiContext&, Figure*)> compute;  // fills value, elements, sources
};

// Every KPI, in display order (docs/kpi.md lists the same).
const std::vector<KpiDefinition>& KpiRegistry();
// The definition of `id` under `profile`, or nullptr.
const KpiDefinition* FindKpi(const std::string& id, Profile profile);
// The ids valid under `profile`, in display order.
std::vector<std::string> KpiIds(Profile profile);

struct KpiRequest {
  std::vector<std::string> kpis;  // empty = the profile's OEE set
  std::string scope;              // an equipment node or work unit; "" = the plant
  TimeMicros from = 0;
  TimeMicros to = 0;  // [from, to)
  Profile profile = Profile::kIso22400;
  Policy policy;
};

struct KpiReport {
  std::vector<Figure> figures;    // in the order asked
  Elements elements;              // the scope's summed time elements
  std::vector<Finding> findings;  // data quality, of the scope and window
};

// Computes the KPIs of the request. Errors (nothing computed): invalid_argument
// unknown_kpi (field "kpi", the message lists the valid ids of the profile),
// invalid_window (field "to": `to` not after `from`); not_found unknown_scope (field
// "scope"). A KPI whose data is missing or whose denominator is zero is a figure with
// value null and a reason, not an error.
Result<KpiReport> ComputeKpis(const ElementIndex& index, const KpiRequest& request);

}  // namespace ordo::mis
