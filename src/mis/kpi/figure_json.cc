// JSON and CSV forms of figures, findings and segments.
#include "mis/kpi/figure_json.h"

#include <cstdio>

namespace ordo::mis {

namespace {

Json Sources(const std::vector<SourceRef>& sources) {
  Json out = Json::array();
  for (const SourceRef& s : sources) out.push_back(SourceToJson(s));
  return out;
}

// A CSV cell: quoted when it holds a comma, quote or line break.
std::string Cell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Json SourceToJson(const SourceRef& s) {
  if (s.is_ledger()) return Json{{"kind", "ledger"}, {"first", s.first}, {"last", s.last}};
  return Json{{"kind", "import"}, {"file_hash", s.file_hash}, {"first", s.first}, {"last", s.last}};
}

Json FigureToJson(const Figure& f) {
  Json j = Json::object();
  j["kpi"] = f.kpi;
  if (!f.profile.empty()) j["profile"] = f.profile;
  j["value"] = f.value ? Json(*f.value) : Json(nullptr);
  if (!f.value) {
    j["null_reason"] = f.null_reason;
    j["null_detail"] = f.null_detail;
  }
  j["unit"] = f.unit;
  j["scope"] = f.scope;
  j["window"] = {{"from", FormatUtcMicros(f.from)}, {"to", FormatUtcMicros(f.to)}};
  Json knobs = Json::object();
  for (const auto& [k, v] : f.policy.knobs) knobs[k] = v;
  j["policy"] = {{"name", f.policy.name},
                 {"version", f.policy.version},
                 {"knobs", knobs},
                 {"overridden", f.policy.overridden}};
  Json elements = Json::object();
  for (const auto& [k, v] : f.elements) elements[k] = v;
  j["elements"] = elements;
  j["formula"] = f.formula;
  j["sources"] = Sources(f.sources.refs());
  j["sources_coarse"] = f.sources.coarse();
  return j;
}

Json FindingToJson(const Finding& f) {
  return Json{{"kind", f.kind},
              {"work_unit", f.work_unit},
              {"start", FormatUtcMicros(f.start)},
              {"end", FormatUtcMicros(f.end)},
              {"detail", f.detail},
              {"sources", Sources(f.sources)}};
}

Json SegmentToJson(const Segment& s) {
  return Json{{"start", FormatUtcMicros(s.start)},
              {"end", FormatUtcMicros(s.end)},
              {"element", s.element},
              {"state", s.state},
              {"reason", s.reason},
              {"micro_stop", s.micro_stop},
              {"source", s.source ? SourceToJson(*s.source) : Json(nullptr)}};
}

std::string FigureCsvHeader() {
  return "kpi,profile,scope,from,to,value,unit,null_reason,formula,policy,policy_version";
}

std::string FigureCsvRow(const Figure& f) {
  std::string value;
  if (f.value) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", *f.value);
    value = buf;
  }
  return Cell(f.kpi) + "," + Cell(f.profile) + "," + Cell(f.scope) + "," + FormatUtcMicros(f.from) +
         "," + FormatUtcMicros(f.to) + "," + value + "," + Cell(f.unit) + "," +
         Cell(f.null_reason) + "," + Cell(f.formula) + "," + Cell(f.policy.name) + "," +
         std::to_string(f.policy.version);
}

}  // namespace ordo::mis
