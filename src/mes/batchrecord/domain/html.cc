// The printable batch record (html.h).
#include "mes/batchrecord/domain/html.h"

#include <sstream>

#include "core/html_escape.h"

namespace ordo::batchrecord {

namespace {

std::string Text(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

std::string E(const Json& v) { return HtmlEscape(Text(v)); }

std::string Field(const Json& obj, const char* name) {
  return obj.is_object() && obj.contains(name) ? E(obj[name]) : std::string();
}

// A table of `rows` (objects) with the given columns; a nested value is shown as JSON.
void Table(std::ostringstream& out, const Json& rows, const std::vector<const char*>& columns) {
  if (!rows.is_array() || rows.empty()) {
    out << "<p class=\"none\">None.</p>\n";
    return;
  }
  out << "<table><thead><tr>";
  for (const char* c : columns) out << "<th>" << HtmlEscape(c) << "</th>";
  out << "</tr></thead><tbody>\n";
  for (const auto& r : rows) {
    out << "<tr>";
    for (const char* c : columns) out << "<td>" << Field(r, c) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";
}

std::string Who(const Json& stamp) {
  if (!stamp.is_object()) return "";
  return Field(stamp, "by") + ", " + Field(stamp, "time");
}

// Where a parameter value came from: an operator's entry, or a tag of a data source
// (execution.parameter_recorded's origin).
std::string CapturedFrom(const Json& parameter) {
  const Json origin = parameter.value("origin", Json());
  if (!origin.is_object()) return "operator entry";
  return "tag " + origin.value("tag", std::string()) + " from source " +
         origin.value("data_source", std::string()) + " (" + origin.value("rule", std::string()) +
         ")";
}

}  // namespace

std::string RenderHtml(const Json& v) {
  std::ostringstream out;
  const std::string hash = Field(v, "content_hash");
  const std::string order = Field(v, "order_id");
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<title>Batch record " << order << "</title>\n<style>\n"
      << "@page { size: A4; margin: 20mm 15mm;\n"
      << "  @top-left { content: \"Batch record " << order << "\"; font-size: 8pt; }\n"
      << "  @top-right { content: \"SHA-256 " << hash << "\"; font-size: 6pt; }\n"
      << "  @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); "
         "font-size: 8pt; } }\n"
      << "body { font-family: sans-serif; font-size: 9pt; }\n"
      << "table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; }\n"
      << "th, td { border: 1px solid #999; padding: 2pt 4pt; text-align: left; "
         "vertical-align: top; }\n"
      << "thead { display: table-header-group; } tr { page-break-inside: avoid; }\n"
      << "h2 { page-break-after: avoid; } .hash { font-family: monospace; }\n"
      << "section.operation { page-break-inside: avoid; }\n"
      << "@media print { .screen-only { display: none; } }\n"
      << "</style></head><body>\n";
  out << "<h1>Batch record " << order << "</h1>\n";
  out << "<p>Content hash (SHA-256): <span class=\"hash\">" << hash
      << "</span><br>State: " << Field(v, "state") << "</p>\n";

  out << "<h2>Exceptions</h2>\n";
  Json exceptions = v.contains("exceptions") ? v["exceptions"] : Json::array();
  if (v.contains("review") && v["review"].contains("exceptions")) {
    for (auto& x : exceptions)
      for (const auto& r : v["review"]["exceptions"])
        if (r.value("exception_id", "") == x.value("id", "")) {
          x["status"] = r.value("status", "");
          x["review_comment"] = r.contains("comment") ? r["comment"] : Json("");
          x["reviewer"] = r.contains("reviewer") ? r["reviewer"] : Json("");
        }
  }
  Table(out, exceptions,
        {"id", "kind", "operation", "subject", "message", "by", "time", "status", "reviewer",
         "review_comment"});

  if (v.contains("completeness")) {
    out << "<h2>Completeness</h2>\n";
    Table(out, v["completeness"].value("missing", Json::array()),
          {"kind", "operation", "item", "message"});
  }

  const Json product = v.value("product", Json::object());
  const Json q = v.value("quantities", Json::object());
  out << "<h2>Product and order</h2>\n<table><tbody>\n"
      << "<tr><th>Product</th><td>" << Field(product, "product") << " version "
      << Field(product, "version") << " <span class=\"hash\">" << Field(product, "hash")
      << "</span></td></tr>\n"
      << "<tr><th>Routing</th><td>" << Field(product, "routing") << " version "
      << Field(product, "routing_version") << "</td></tr>\n"
      << "<tr><th>Theoretical quantity</th><td>" << Field(q, "theoretical") << " "
      << Field(q, "unit") << " (" << Field(q, "theoretical_base") << " " << Field(q, "base_unit")
      << ")</td></tr>\n"
      << "<tr><th>Actual quantity</th><td>" << Field(q, "actual_base") << " "
      << Field(q, "base_unit") << " (" << Field(q, "actual_basis") << ")</td></tr>\n"
      << "<tr><th>Yield</th><td>" << Field(q, "yield_percent") << " % (limits "
      << Field(q, "yield_low") << " .. " << Field(q, "yield_high") << " %)</td></tr>\n"
      << "</tbody></table>\n";

  out << "<h2>Materials consumed</h2>\n";
  Json consumed = v.value("consumed_lots", Json::array());
  for (auto& c : consumed) c["who_when"] = Who(c.value("consumed", Json()));
  Table(out, consumed,
        {"lot", "material", "bom_material", "quantity", "unit", "operation", "work_unit",
         "who_when"});
  out << "<h2>Lots produced</h2>\n";
  Json produced = v.value("produced_lots", Json::array());
  for (auto& c : produced) c["who_when"] = Who(c.value("produced", Json()));
  Table(out, produced, {"lot", "material", "quantity", "unit", "operation", "expiry", "who_when"});
  out << "<h2>Serials consumed</h2>\n";
  Json cserials = v.value("consumed_serials", Json::array());
  for (auto& c : cserials) c["who_when"] = Who(c.value("consumed", Json()));
  Table(out, cserials,
        {"serial", "material", "bom_material", "operation", "work_unit", "who_when"});
  out << "<h2>Serials produced</h2>\n";
  Json pserials = v.value("produced_serials", Json::array());
  for (auto& c : pserials) c["who_when"] = Who(c.value("produced", Json()));
  Table(out, pserials, {"serial", "material", "operation", "work_unit", "who_when"});

  out << "<h2>Operations</h2>\n";
  for (const auto& op : v.value("operations", Json::array())) {
    out << "<section class=\"operation\"><h3>Operation " << Field(op, "operation") << " "
        << Field(op, "name") << "</h3>\n<p>Work unit " << Field(op, "work_unit") << "; started "
        << Who(op.value("started", Json())) << "; completed " << Who(op.value("completed", Json()))
        << "</p>\n";
    out << "<p>Equipment at start: " << E(op.value("equipment_at_start", Json())) << "<br>"
        << "Qualifications at start: " << E(op.value("qualifications_at_start", Json()))
        << "</p>\n";
    Json acks = op.value("instructions_acknowledged", Json::array());
    for (auto& a : acks) a["time"] = Who(a.value("at", Json()));
    Table(out, acks, {"user", "instruction_hash", "routing_version", "time"});
    Json params = op.value("parameters", Json::array());
    for (auto& p : params) {
      p["who_when"] = Who(p.value("recorded", Json()));
      p["captured_from"] = CapturedFrom(p);
    }
    Table(out, params,
          {"name", "value", "unit", "low", "high", "in_limits", "critical", "late", "captured_from",
           "who_when"});
    Json chars = op.value("characteristics", Json::array());
    for (auto& p : chars) p["who_when"] = Who(p.value("recorded", Json()));
    Table(out, chars,
          {"name", "values", "unit", "lower_spec", "upper_spec", "in_spec", "who_when"});
    if (op.value("verification", Json()).is_object())
      out << "<p>Verified by " << Field(op["verification"], "verifier") << ", "
          << Who(op["verification"].value("at", Json())) << "</p>\n";
    out << "</section>\n";
  }

  out << "<h2>Deviations</h2>\n";
  Table(out, v.value("deviations", Json::array()),
        {"id", "classification", "state", "title", "root_cause", "capa", "dispositions"});

  out << "<h2>Signatures</h2>\n";
  Table(out, v.value("signatures", Json::array()),
        {"printed_name", "signer", "meaning", "time", "record_kind", "record_id", "comment"});
  if (v.contains("release")) {
    out << "<h2>Release</h2>\n";
    Json versions = v["release"].value("versions", Json::array());
    for (auto& r : versions) {
      const Json s = r.value("signature", Json());
      r["printed_name"] = s.is_object() ? s.value("printed_name", "") : "";
      r["meaning"] = s.is_object() ? s.value("meaning", "") : "";
    }
    Table(out, versions,
          {"version", "printed_name", "meaning", "time", "content_hash", "checkpoint_seq",
           "amendment_reason"});
  }
  out << "<p>Content hash (SHA-256): <span class=\"hash\">" << hash << "</span></p>\n";
  out << "</body></html>\n";
  return out.str();
}

}  // namespace ordo::batchrecord
