// JSON, CSV and HTML of a report.
#include "mis/reports/report_format.h"

#include "core/html_escape.h"
#include "mis/kpi/figure_json.h"
#include "mis/kpi/policy.h"
#include "mis/reports/display.h"

namespace ordo::mis::reports {

namespace {

std::string CsvCell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string Minute(TimeMicros t) { return FormatUtcMicros(t).substr(0, 16).replace(10, 1, " "); }

}  // namespace

Json ReportToJson(const Report& report, const std::string& title) {
  Json rows = Json::array();
  for (const ReportRow& r : report.rows) {
    Json figures = Json::array();
    for (const Figure& f : r.figures) figures.push_back(FigureToJson(f));
    rows.push_back({{"label", r.label},
                    {"from", FormatUtcMicros(r.from)},
                    {"to", FormatUtcMicros(r.to)},
                    {"figures", figures}});
  }
  return Json{{"title", title},
              {"scope", report.request.scope},
              {"profile", ProfileName(report.request.profile)},
              {"window",
               {{"from", FormatUtcMicros(report.request.from)},
                {"to", FormatUtcMicros(report.request.to)}}},
              {"rows", rows}};
}

std::string ReportToCsv(const Report& report) {
  std::string out = "window," + FigureCsvHeader() + "\n";
  for (const ReportRow& r : report.rows)
    for (const Figure& f : r.figures) out += CsvCell(r.label) + "," + FigureCsvRow(f) + "\n";
  return out;
}

std::string ReportToHtml(const Report& report, const std::string& title) {
  const KpiRequest& q = report.request;
  const PolicyStamp policy = StampOf(q.policy);
  std::string knobs;
  for (const auto& [knob, value] : policy.knobs)
    knobs += (knobs.empty() ? "" : ", ") + knob + "=" + value;
  std::string html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                     HtmlEscape(title) + "</title></head><body>\n<h1>" + HtmlEscape(title) +
                     "</h1>\n<p>Scope <b>" + HtmlEscape(q.scope.empty() ? "the plant" : q.scope) +
                     "</b>, " + Minute(q.from) + " to " + Minute(q.to) + " UTC, profile " +
                     ProfileName(q.profile) + ", policy " + HtmlEscape(policy.name) + " version " +
                     std::to_string(policy.version) + " (" + HtmlEscape(knobs) +
                     ").</p>\n<table>\n<thead><tr><th scope=\"col\">window</th>";
  const std::vector<Figure>& columns = report.rows.back().figures;
  for (const Figure& f : columns) html += "<th scope=\"col\">" + HtmlEscape(f.kpi) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (const ReportRow& r : report.rows) {
    html += "<tr><th scope=\"row\">" + HtmlEscape(r.label) + " (" + Minute(r.from) + " to " +
            Minute(r.to) + ")</th>";
    for (const Figure& f : r.figures) {
      html += f.value ? "<td>"
                      : "<td title=\"" + HtmlEscape(f.null_reason + ": " + f.null_detail) + "\">";
      html += HtmlEscape(DisplayValue(f.value, f.unit)) + "</td>";
    }
    html += "</tr>\n";
  }
  html +=
      "</tbody>\n</table>\n<p>Values are rounded half-up for display; the exact figures are "
      "in the CSV and JSON forms of this report and in GET /api/v1/kpi, which compute them "
      "the same way.</p>\n</body></html>\n";
  return html;
}

}  // namespace ordo::mis::reports
