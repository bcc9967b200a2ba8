// The recall report (IND-10): every finished lot and serial a suspect lot went into, and
// its pure renderings as CSV (RFC 4180, guarded against spreadsheet formulas) and as a
// printable HTML page (every value escaped). The store builds a RecallReport
// (recall.h); the API and the CLI render it.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace ordo::genealogy {

// One finished lot or serial that contains the suspect lot.
struct RecallItem {
  std::string node;  // node id, e.g. "lot:FG-1"
  std::string kind;  // "lot" or "serial"
  std::string id;    // the lot or serial id
  std::string material, status, base_unit, location, order_id;
  double quantity = 0;  // lot: quantity left in base_unit; serial: 1 piece
  int depth = 0;        // edges between the suspect and it (0: the suspect itself)
};

struct RecallReport {
  std::string suspect;  // node id of the suspect lot
  std::string suspect_material;
  TimeMicros generated_us = 0;
  std::vector<RecallItem> items;  // by depth, then node id
  bool truncated = false;         // the forward trace hit a limit: the list may be incomplete
};

// One CSV field: a text that a spreadsheet would read as a formula (it starts with =, +,
// -, @, a tab or a carriage return) gets a leading apostrophe; a field with a comma, a
// double quote, CR or LF is quoted and its quotes doubled (RFC 4180).
std::string CsvField(const std::string& text);

// The report as CSV: a header row, then one row per item; lines end with CRLF. A
// truncated report is refused (failed_precondition `recall_truncated`, field `limit`): a
// spreadsheet has no place for the warning the JSON and HTML carry, and a trailing note
// would be sorted or filtered away with the rows, leaving a list that looks complete.
Result<std::string> RecallCsv(const RecallReport& report);

// The report as a standalone printable HTML page: a summary (the suspect, named a serial
// when `suspect` is "serial:X" and a lot otherwise, time, count),
// the table of items, print CSS with @page margins and page numbers. Every value is
// escaped (core/html_escape.h); the page has no script. Its <style> is kRecallHtmlStyle.
std::string RecallHtml(const RecallReport& report);

// The page's only stylesheet (inline; the answer's Content-Security-Policy allows it).
extern const char* const kRecallHtmlStyle;

// A quantity as short text: 8, 1.5, 0.125 (up to 9 significant digits).
std::string QuantityText(double quantity);

}  // namespace ordo::genealogy
