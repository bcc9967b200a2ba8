// A KPI over time (trend.h).
#include "mis/kpi_source/trend.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "mis/kpi/figure_json.h"
#include "mis/kpi/kpi.h"

namespace ordo::mis::kpi_source {

namespace {

constexpr TimeMicros kDay = 24LL * 3600 * 1'000'000;

bool ShiftApplies(const Hierarchy& h, const std::string& entry_scope, const std::string& scope) {
  return entry_scope.empty() || h.Within(scope, entry_scope) || h.Within(entry_scope, scope);
}

Error TooMany(std::size_t n) {
  return Error::Invalid("from",
                        "from: the window holds " + std::to_string(n) + " buckets, at most " +
                            std::to_string(kMaxTrendBuckets) + " are computed; narrow the window",
                        "too_many_buckets");
}

}  // namespace

Result<TrendQuery> ParseTrendQuery(const std::map<std::string, std::string>& query) {
  TrendQuery out;
  std::map<std::string, std::string> rest = query;
  if (rest.count("drilldown"))
    return Error::Invalid("drilldown", "unknown parameter 'drilldown': a trend has no drill-down",
                          "unknown_parameter");
  if (auto it = rest.find("step"); it != rest.end()) {
    if (it->second == "shift")
      out.step = TrendStep::kShift;
    else if (it->second != "day")
      return Error::Invalid("step", "step: expected day or shift", "invalid_step");
    rest.erase(it);
  }
  auto parsed = ParseKpiQuery(rest, QueryKind::kExplain);
  if (!parsed.ok()) return parsed.error();
  out.query = std::move(*parsed);
  return out;
}

Result<std::vector<TrendBucket>> TrendBuckets(const ElementIndex& index, const std::string& scope,
                                              TimeMicros from, TimeMicros to, TrendStep step,
                                              const calendar::TimeZone& zone) {
  std::vector<TrendBucket> out;
  if (step == TrendStep::kDay) {
    const auto days = calendar::LocalDays(zone, from, to, kMaxTrendBuckets);
    if (days.size() > kMaxTrendBuckets)
      return TooMany(
          std::max(days.size(), static_cast<std::size_t>((to - from + kDay - 1) / kDay)));
    for (const calendar::LocalDay& d : days) out.push_back({d.from, d.to, d.label});
    return out;
  }
  std::set<std::tuple<TimeMicros, TimeMicros>> seen;
  for (const CalendarEntry& e : index.inputs().calendar) {
    if (e.kind != CalendarKind::kShift || e.start < from || e.end > to) continue;
    if (!ShiftApplies(index.hierarchy(), e.scope, scope)) continue;
    if (!seen.insert({e.start, e.end}).second) continue;
    out.push_back({e.start, e.end, e.label});
  }
  if (out.size() > kMaxTrendBuckets) return TooMany(out.size());
  std::sort(out.begin(), out.end(), [](const TrendBucket& a, const TrendBucket& b) {
    return std::tie(a.from, a.to) < std::tie(b.from, b.to);
  });
  return out;
}

Result<Json> ComputeTrend(const ElementIndex& index, const TrendQuery& trend, const Json& target,
                          const calendar::TimeZone& zone) {
  const KpiRequest& whole = trend.query.request;
  auto buckets = TrendBuckets(index, whole.scope, whole.from, whole.to, trend.step, zone);
  if (!buckets.ok()) return buckets.error();
  // The whole window once: the figure's unit, formula and policy, and an unknown scope
  // refused even when there is no bucket.
  auto overall = ComputeKpis(index, whole);
  if (!overall.ok()) return overall.error();
  const Figure& head = overall->figures.at(0);
  Json points = Json::array();
  for (const TrendBucket& b : *buckets) {
    KpiRequest request = whole;
    request.from = b.from;
    request.to = b.to;
    auto report = ComputeKpis(index, request);
    if (!report.ok()) return report.error();
    const Figure& f = report->figures.at(0);
    Json point{{"from", FormatUtcMicros(b.from)},
               {"to", FormatUtcMicros(b.to)},
               {"label", b.label},
               {"value", f.value ? Json(*f.value) : Json(nullptr)},
               {"explain", "/api/v1/kpi/explain?" + ExplainQuery(f, request)}};
    if (!f.value) point["null_reason"] = f.null_reason;
    points.push_back(std::move(point));
  }
  return Json{
      {"kpi", head.kpi},
      {"profile", ProfileName(whole.profile)},
      {"scope", whole.scope},
      {"window", {{"from", FormatUtcMicros(whole.from)}, {"to", FormatUtcMicros(whole.to)}}},
      {"step", trend.step == TrendStep::kDay ? "day" : "shift"},
      {"unit", head.unit},
      {"formula", head.formula},
      {"policy", FigureToJson(head)["policy"]},
      {"time_zone", zone.name()},
      {"value", head.value ? Json(*head.value) : Json(nullptr)},
      {"target", target},
      {"points", points}};
}

}  // namespace ordo::mis::kpi_source
