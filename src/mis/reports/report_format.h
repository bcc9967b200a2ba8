// A report as JSON, CSV and HTML. Every form prints the engine's figures: JSON and CSV
// exactly (figure_json.h's one JSON and CSV form of a figure), HTML for a person with the
// UI's display rounding (display.h). Pure.
#pragma once

#include <string>

#include "core/canonical_json.h"
#include "mis/reports/report.h"

namespace ordo::mis::reports {

// {"title", "scope", "profile", "window": {"from", "to"}, "rows": [{"label", "from", "to",
// "figures": [FigureToJson...]}]}.
Json ReportToJson(const Report& report, const std::string& title);

// A header line "window," + FigureCsvHeader(), then one line per figure: the row's label
// and FigureCsvRow (values with 17 significant digits, exact).
std::string ReportToCsv(const Report& report);

// A complete HTML page (no script, no inline style: the security policy allows neither):
// the title, the scope, span, profile and policy (name, version, knob values), and a
// table with a row per window and a column per KPI; a value the engine could not compute
// shows "—" with its reason as the cell's title.
std::string ReportToHtml(const Report& report, const std::string& title);

}  // namespace ordo::mis::reports
