// Pure renderings of the recall report (recall_format.h).
#include "mes/genealogy/domain/recall_format.h"

#include <cstdio>

#include "core/html_escape.h"

namespace ordo::genealogy {

namespace {

const char* const kColumns[] = {"kind", "id",       "material", "status", "quantity",
                                "unit", "location", "order",    "depth"};

std::vector<std::string> Cells(const RecallItem& item) {
  return {item.kind,
          item.id,
          item.material,
          item.status,
          QuantityText(item.quantity),
          item.base_unit,
          item.location,
          item.order_id,
          std::to_string(item.depth)};
}

// "serial" for a suspect serial ("serial:X"), else "lot" (the endpoint takes both).
std::string SuspectKind(const RecallReport& report) {
  return report.suspect.rfind("serial:", 0) == 0 ? "serial" : "lot";
}

std::string SuspectId(const RecallReport& report) {
  const auto colon = report.suspect.find(':');
  return colon == std::string::npos ? report.suspect : report.suspect.substr(colon + 1);
}

}  // namespace

const char* const kRecallHtmlStyle =
    "body{font-family:system-ui,sans-serif;color:#111;margin:2rem}"
    "h1{font-size:1.4rem;margin:0 0 .5rem}"
    "dl.summary{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem;margin:0 0 1rem}"
    "dl.summary dt{font-weight:600}dl.summary dd{margin:0}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}"
    "th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}"
    "th{background:#eee}td.num{text-align:right}"
    "thead{display:table-header-group}tr{break-inside:avoid}"
    ".warning{font-weight:600}.empty{font-style:italic}"
    "footer{margin-top:1rem;font-size:.8rem;color:#444}"
    "@page{size:A4 landscape;margin:15mm 12mm 18mm;"
    "@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);font-size:9pt}"
    "@bottom-left{content:\"ordo recall report\";font-size:9pt}}"
    "@media print{body{margin:0}th{background:#ddd;-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}}";

std::string QuantityText(double quantity) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", quantity);
  return buffer;
}

std::string CsvField(const std::string& text) {
  std::string value = text;
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r'))
    value.insert(value.begin(), '\'');
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

Result<std::string> RecallCsv(const RecallReport& report) {
  if (report.truncated)
    return Error{ErrorCode::kFailedPrecondition,
                 "the recall's forward trace of " + report.suspect +
                     " reached its node limit, so the list may be incomplete: no CSV is made "
                     "of an incomplete recall; use format=json or format=html, which say so",
                 "limit", "recall_truncated"};
  std::string out;
  for (std::size_t i = 0; i < std::size(kColumns); ++i)
    out += (i ? "," : "") + std::string(kColumns[i]);
  out += "\r\n";
  for (const RecallItem& item : report.items) {
    const auto cells = Cells(item);
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvField(cells[i]);
    out += "\r\n";
  }
  return out;
}

std::string RecallHtml(const RecallReport& report) {
  const std::string suspect = HtmlEscape(SuspectId(report));
  const std::string kind = SuspectKind(report);
  const std::string when = HtmlEscape(FormatUtcMicros(report.generated_us));
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>Recall report: " +
      suspect + "</title>\n<style>" + kRecallHtmlStyle + "</style>\n</head>\n<body>\n";
  out += "<h1>Recall report: " + kind + " " + suspect + "</h1>\n<dl class=\"summary\">\n";
  out += "<dt>Suspect " + kind + "</dt><dd data-field=\"suspect\">" + suspect + "</dd>\n";
  out += "<dt>Material</dt><dd>" + HtmlEscape(report.suspect_material) + "</dd>\n";
  out += "<dt>Generated</dt><dd>" + when + "</dd>\n";
  out += "<dt>Finished lots and serials</dt><dd data-field=\"count\">" +
         std::to_string(report.items.size()) + "</dd>\n</dl>\n";
  if (report.truncated)
    out +=
        "<p class=\"warning\">The trace reached its node limit: this list may be "
        "incomplete.</p>\n";
  if (report.items.empty()) {
    out += "<p class=\"empty\">No finished lot or serial contains this " + kind + ".</p>\n";
  } else {
    out += "<table>\n<thead><tr>";
    for (const char* column : kColumns) out += "<th scope=\"col\">" + std::string(column) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const RecallItem& item : report.items) {
      const auto cells = Cells(item);
      out += "<tr>";
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const bool number = i == 4 || i == 8;
        out += std::string(number ? "<td class=\"num\">" : "<td>") + HtmlEscape(cells[i]) + "</td>";
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  out += "<footer>Forward genealogy of " + kind + " " + suspect + " as recorded in ordo at " +
         when + ".</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace ordo::genealogy
