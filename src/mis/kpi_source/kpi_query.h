// The KPI query of GET /api/v1/kpi, /kpi/explain and /kpi/openlineage (docs/mis.md,
// "KPIs"): parsing the URL parameters into a KpiRequest, and the answers' JSON, built
// from the engine's report (kpi.h) and its one JSON form (figure_json.h). Pure.
#pragma once

#include <map>
#include <string>

#include "core/canonical_json.h"
#include "core/result.h"
#include "mis/kpi/element_index.h"
#include "mis/kpi/kpi.h"

namespace ordo::mis::kpi_source {

// Which endpoint the query is for: explain takes exactly one KPI and `drilldown`.
enum class QueryKind { kFigures, kExplain, kOpenLineage };

struct KpiQuery {
  KpiRequest request;
  bool drilldown = false;  // explain only: the state intervals and counts with their rows
};

// Parses `query` (decoded URL parameters). Parameters: kpi (comma-separated ids; empty =
// the profile's OEE set; exactly one for explain), scope ("" = the plant), from, to (ISO
// 8601 with an offset; required), profile (iso22400 default, practitioner), policy (the
// policy's name: only ordo-default), policy.<knob>=<value>, drilldown (explain:
// true|false). Errors, invalid_argument (400) with the parameter as field:
// unknown_parameter, missing_parameter (from, to; kpi for explain), invalid_time,
// invalid_window (to not after from), invalid_profile, unknown_kpi, too_many_kpis
// (explain with more than one), unknown_policy, unknown_policy_knob,
// invalid_policy_value, invalid_drilldown. An unknown scope is found only against the
// data (ComputeKpis: 404 unknown_scope).
Result<KpiQuery> ParseKpiQuery(const std::map<std::string, std::string>& query, QueryKind kind);

// The query string (without '?') that asks for `figure` alone with the request's profile
// and policy overrides, percent-encoded: the figure's explain link is
// "/api/v1/kpi/explain?" + this.
std::string ExplainQuery(const Figure& figure, const KpiRequest& request);

// GET /api/v1/kpi: {"profile", "scope", "window": {"from", "to"}, "policy": {name,
// version, knobs, overridden}, "figures": [FigureToJson + "explain": link], "findings":
// [FindingToJson...]}.
Json FiguresToJson(const KpiReport& report, const KpiRequest& request);

// GET /api/v1/kpi/explain: the figure (FigureToJson, with "explain"), plus
// "element_sources": {element: [sources]} for each time or quantity element the figure
// used, "findings", and with drilldown "drilldown": [{"work_unit", "segments":
// [SegmentToJson...], "counts": [{"start", "end", "product", "order", "total", "good",
// "scrap", "rework", "source"}]}] for each work unit of the scope.
Json ExplainToJson(const KpiReport& report, const KpiQuery& query, const ElementIndex& index);

}  // namespace ordo::mis::kpi_source
