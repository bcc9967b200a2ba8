// The KPI query and its answers (kpi_query.h).
#include "mis/kpi_source/kpi_query.h"

#include <set>

#include "core/clock.h"
#include "core/percent_encoding.h"
#include "mis/kpi/figure_json.h"
#include "mis/kpi/time_elements.h"

namespace ordo::mis::kpi_source {

namespace {

constexpr const char* kPolicyPrefix = "policy.";

Result<TimeMicros> TimeParam(const std::map<std::string, std::string>& query,
                             const std::string& name) {
  const auto it = query.find(name);
  if (it == query.end() || it->second.empty())
    return Error::Invalid(name, name + ": required, an ISO 8601 time with an offset",
                          "missing_parameter");
  TimeMicros t = 0;
  if (!ParseIsoTime(it->second, &t))
    return Error::Invalid(name,
                          name + ": \"" + it->second +
                              "\" is not an ISO 8601 time with an offset "
                              "(e.g. 2026-01-05T06:00:00Z)",
                          "invalid_time");
  return t;
}

std::vector<std::string> SplitIds(const std::string& text) {
  std::vector<std::string> out;
  std::string id;
  for (char c : text + ",") {
    if (c != ',') {
      id += c;
    } else if (!id.empty()) {
      out.push_back(id);
      id.clear();
    }
  }
  return out;
}

Json PolicyJson(const PolicyStamp& stamp) {
  Json knobs = Json::object();
  for (const auto& [k, v] : stamp.knobs) knobs[k] = v;
  return Json{{"name", stamp.name},
              {"version", stamp.version},
              {"knobs", knobs},
              {"overridden", stamp.overridden}};
}

Json FigureWithLink(const Figure& figure, const KpiRequest& request) {
  Json j = FigureToJson(figure);
  j["explain"] = "/api/v1/kpi/explain?" + ExplainQuery(figure, request);
  return j;
}

Json Findings(const std::vector<Finding>& findings) {
  Json out = Json::array();
  for (const Finding& f : findings) out.push_back(FindingToJson(f));
  return out;
}

Json Drilldown(const KpiQuery& query, const ElementIndex& index) {
  const KpiRequest& r = query.request;
  Json out = Json::array();
  for (const std::string& unit : index.hierarchy().WorkUnitsOf(r.scope)) {
    ElementResult er = ComputeUnitElements(index, unit, r.from, r.to, r.policy, true);
    Json segments = Json::array();
    for (const Segment& s : er.segments) segments.push_back(SegmentToJson(s));
    Json counts = Json::array();
    for (std::size_t i : index.CountsOf(unit).items) {
      const Count& c = index.inputs().counts[i];
      const TimeMicros at = CountTime(c);
      if (at < r.from || at >= r.to) continue;
      counts.push_back(Json{{"start", FormatUtcMicros(c.start)},
                            {"end", FormatUtcMicros(c.end)},
                            {"product", c.product},
                            {"order", c.order},
                            {"total", c.total},
                            {"good", c.good},
                            {"scrap", c.scrap},
                            {"rework", c.rework},
                            {"source", SourceToJson(c.source)}});
    }
    out.push_back(Json{{"work_unit", unit}, {"segments", segments}, {"counts", counts}});
  }
  return out;
}

}  // namespace

Result<KpiQuery> ParseKpiQuery(const std::map<std::string, std::string>& query, QueryKind kind) {
  static const std::set<std::string> known{"kpi", "scope", "from", "to", "profile", "policy"};
  KpiQuery q;
  for (const auto& [name, value] : query) {
    const bool drill = name == "drilldown" && kind == QueryKind::kExplain;
    if (!known.count(name) && !drill && name.rfind(kPolicyPrefix, 0) != 0)
      return Error::Invalid(name,
                            name +
                                ": not a parameter of this endpoint; expected kpi, scope, "
                                "from, to, profile, policy or policy.<knob>" +
                                (kind == QueryKind::kExplain ? " or drilldown" : ""),
                            "unknown_parameter");
  }
  KpiRequest& r = q.request;
  auto profile = ParseProfile(query.count("profile") ? query.at("profile") : "");
  if (!profile.ok()) return profile.error();
  r.profile = *profile;
  auto from = TimeParam(query, "from");
  if (!from.ok()) return from.error();
  auto to = TimeParam(query, "to");
  if (!to.ok()) return to.error();
  r.from = *from;
  r.to = *to;
  if (r.to <= r.from)
    return Error::Invalid("to", "to: the window's end must be after its start (from)",
                          "invalid_window");
  r.scope = query.count("scope") ? query.at("scope") : "";
  r.kpis = SplitIds(query.count("kpi") ? query.at("kpi") : "");
  for (const std::string& id : r.kpis) {
    if (FindKpi(id, r.profile)) continue;
    std::string valid;
    for (const std::string& v : KpiIds(r.profile)) valid += (valid.empty() ? "" : ", ") + v;
    return Error::Invalid("kpi",
                          "kpi: \"" + id + "\" is not a KPI of profile " + ProfileName(r.profile) +
                              "; valid ids: " + valid,
                          "unknown_kpi");
  }
  if (kind == QueryKind::kExplain && r.kpis.empty())
    return Error::Invalid("kpi", "kpi: required, exactly one KPI id", "missing_parameter");
  if (kind == QueryKind::kExplain && r.kpis.size() > 1)
    return Error::Invalid("kpi", "kpi: explain takes exactly one KPI id", "too_many_kpis");
  r.policy = DefaultPolicy();
  if (query.count("policy") && query.at("policy") != r.policy.name)
    return Error::Invalid(
        "policy",
        "policy: \"" + query.at("policy") + "\" is not a policy; expected " + r.policy.name,
        "unknown_policy");
  for (const auto& [name, value] : query) {
    if (name.rfind(kPolicyPrefix, 0) != 0) continue;
    ORDO_TRY(SetPolicyKnob(&r.policy, name.substr(std::string(kPolicyPrefix).size()), value));
  }
  if (query.count("drilldown")) {
    const std::string& d = query.at("drilldown");
    if (d != "true" && d != "false")
      return Error::Invalid("drilldown", "drilldown: expected true or false, not \"" + d + "\"",
                            "invalid_drilldown");
    q.drilldown = d == "true";
  }
  return q;
}

std::string ExplainQuery(const Figure& figure, const KpiRequest& request) {
  std::string q = "kpi=" + PercentEncode(figure.kpi) + "&scope=" + PercentEncode(request.scope) +
                  "&from=" + PercentEncode(FormatUtcMicros(request.from)) +
                  "&to=" + PercentEncode(FormatUtcMicros(request.to)) +
                  "&profile=" + ProfileName(request.profile);
  const PolicyStamp stamp = StampOf(request.policy);
  for (const std::string& knob : stamp.overridden)
    q += "&policy." + PercentEncode(knob) + "=" + PercentEncode(stamp.knobs.at(knob));
  return q;
}

Json FiguresToJson(const KpiReport& report, const KpiRequest& request) {
  Json figures = Json::array();
  for (const Figure& f : report.figures) figures.push_back(FigureWithLink(f, request));
  return Json{
      {"profile", ProfileName(request.profile)},
      {"scope", request.scope},
      {"window", {{"from", FormatUtcMicros(request.from)}, {"to", FormatUtcMicros(request.to)}}},
      {"policy", PolicyJson(StampOf(request.policy))},
      {"figures", figures},
      {"findings", Findings(report.findings)}};
}

Json ExplainToJson(const KpiReport& report, const KpiQuery& query, const ElementIndex& index) {
  const Figure& figure = report.figures.front();
  Json j = FigureWithLink(figure, query.request);
  Json element_sources = Json::object();
  for (const auto& [key, value] : figure.elements) {
    const auto it = report.elements.sources.find(key);
    if (it == report.elements.sources.end()) continue;
    Json list = Json::array();
    for (const SourceRef& s : it->second.refs()) list.push_back(SourceToJson(s));
    element_sources[key] = list;
  }
  j["element_sources"] = element_sources;
  j["findings"] = Findings(report.findings);
  if (query.drilldown) j["drilldown"] = Drilldown(query, index);
  return j;
}

}  // namespace ordo::mis::kpi_source
