// The one JSON and CSV form of figures, findings and drill-down segments, for the API,
// the CLI's --json, the reports and the exports (so they print the same figure the same
// way). Values are exact (never rounded); times are ISO 8601 UTC.
#pragma once

#include <string>

#include "core/canonical_json.h"
#include "mis/kpi/elements.h"
#include "mis/kpi/figure.h"

namespace ordo::mis {

// {"kpi", "profile" (omitted when ""), "value" (null when none), "null_reason" and
// "null_detail" (only when null), "unit", "scope", "window": {"from", "to"}, "policy":
// {"name", "version", "knobs": {...}, "overridden": [...]}, "elements": {key: value},
// "formula", "sources": [SourceToJson...], "sources_coarse" (true: covering ranges; the
// exact sources are in the drill-down)}. The API adds its "explain" link.
Json FigureToJson(const Figure& figure);
// {"kind": "ledger", "first", "last"} or {"kind": "import", "file_hash", "first", "last"}.
Json SourceToJson(const SourceRef& source);
// {"kind", "work_unit", "start", "end", "detail", "sources": [...]}.
Json FindingToJson(const Finding& finding);
// {"start", "end", "element", "state", "reason", "micro_stop", "source" (or null)}.
Json SegmentToJson(const Segment& segment);

// The CSV export: a header and one row per figure, value with 17 significant digits
// ("" when null, the reason in null_reason).
std::string FigureCsvHeader();
std::string FigureCsvRow(const Figure& figure);

}  // namespace ordo::mis
