// A KPI over time (GET /api/v1/kpi/trend; docs/mis.md, "Trends and targets"): the window
// cut into buckets (local days of the site's time zone, or the shifts of the scope's
// calendar), and the KPI computed
// for each bucket by ComputeKpis, the one engine: nothing is summed or averaged here. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "mis/calendar/time_zone.h"
#include "mis/kpi/element_index.h"
#include "mis/kpi_source/kpi_query.h"

namespace ordo::mis::kpi_source {

enum class TrendStep { kDay, kShift };

inline constexpr std::size_t kMaxTrendBuckets = 400;

struct TrendQuery {
  KpiQuery query;  // exactly one KPI; the window is the whole trend's
  TrendStep step = TrendStep::kDay;
};

// Parses the parameters of GET /api/v1/kpi (kpi_query.h; exactly one `kpi`, required)
// plus `step` (day | shift; default day). Errors (invalid_argument, the parameter as
// field): those of ParseKpiQuery, invalid_step, unknown_parameter (drilldown).
Result<TrendQuery> ParseTrendQuery(const std::map<std::string, std::string>& query);

struct TrendBucket {
  TimeMicros from = 0;
  TimeMicros to = 0;
  std::string label;  // day: the local date YYYY-MM-DD; shift: the calendar entry's label
};

// The buckets of [from, to): kDay: the local days of `zone` (calendar::LocalDays): from
// `from` to the next local midnight, then midnight to midnight (23 or 25 hours on the
// days clocks change), the last one ending at `to`; an instant belongs to the local day
// that holds it (23:30 UTC in Berlin is in the next day); kShift: each distinct shift of the
// calendar (kind shift, by start and end) that lies inside the window and applies to the scope (its
// scope is the plant, the scope, one of its ancestors or one below it), by start. invalid_argument
// too_many_buckets (field "from") for more than kMaxTrendBuckets.
Result<std::vector<TrendBucket>> TrendBuckets(const ElementIndex& index, const std::string& scope,
                                              TimeMicros from, TimeMicros to, TrendStep step,
                                              const calendar::TimeZone& zone);

// {"kpi", "profile", "scope", "window": {"from", "to"}, "step", "unit", "formula",
// "policy", "time_zone" (the zone's name), "target": `target` or null, "points": [{"from",
// "to", "label", "value" (null with "null_reason"), "explain": link}]}; day buckets in
// `zone`. Errors: ComputeKpis's (unknown_scope), TrendBuckets'.
Result<Json> ComputeTrend(const ElementIndex& index, const TrendQuery& trend, const Json& target,
                          const calendar::TimeZone& zone);

}  // namespace ordo::mis::kpi_source
