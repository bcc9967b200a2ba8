// An RFC 4180 CSV reader: a header row, then records of cells. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ordo::mis::imports {

// One record: the physical line it starts on (the first line of the file is 1) and its
// cells, unquoted.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> cells;
};

// The header (the first non-blank record) and the data records after it.
struct CsvTable {
  CsvRecord header;
  std::vector<CsvRecord> records;
};

// Reads `body` as CSV (RFC 4180): cells separated by commas, records by CRLF, LF or a
// lone CR; a quoted cell may hold commas, line breaks and doubled quotes (""); a UTF-8
// byte order mark at the start is skipped; the last record may end without a line
// break; blank lines are skipped (they still count as lines). Fails as a whole,
// invalid_argument with field "body" and a message that starts "line N:", with reason:
// - invalid_utf8: a byte sequence that is not UTF-8 (N: its line);
// - unterminated_quote: a quoted cell still open at the end (N: the line it opened on);
// - bad_quote: a quote inside an unquoted cell, or text after a closing quote;
// - no_header: nothing but blank lines.
// Records with another number of cells than the header are returned as they are (the
// caller refuses them row by row).
Result<CsvTable> ReadCsv(std::string_view body);

}  // namespace ordo::mis::imports
