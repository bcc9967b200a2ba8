// A JSON-lines (NDJSON) reader: one JSON object per line. Pure.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "mis/imports/domain/row.h"

namespace ordo::mis::imports {

// One non-blank line: its number (the first line of the file is 1), its members as text
// cells, and its refusals. A member's text is the string itself, the number as written
// in canonical form (integers exactly, other numbers in shortest round-trip form), and ""
// for null. A line that is not one JSON object gets bad_json (field "row"); a member that
// is a boolean, array or object gets bad_type (field: the member).
struct JsonRecord {
  int line = 0;
  std::map<std::string, std::string> cells;
  std::vector<RowError> errors;
};

// Reads `body` line by line (LF or CRLF; a UTF-8 byte order mark at the start is
// skipped; blank lines are skipped). Fails as a whole, invalid_argument with field
// "body", only with invalid_utf8 ("line N: ..."): a bad line never stops the others.
Result<std::vector<JsonRecord>> ReadNdjson(std::string_view body);

}  // namespace ordo::mis::imports
