// GET /api/v1/imports/{file_hash}/rows?first=N&last=M (permission mis.read): the current
// rows of the imported file with that SHA-256 whose line numbers lie in [first, last], with
// their values, so that a figure's sources (file hash, rows) can be read (the web UI's
// explain). Answers {"kind", "file_hash", "columns": [names in the kind's order],
// "rows": [{"row": line, "values": {column: value}}]}: times as ISO 8601 UTC, counts as
// numbers, other values as text, empty cells null. Rows a later file superseded are left
// out (the KPIs do not use them). Refusals (problem+json, field named): 400
// missing_parameter or invalid_argument for `first` or `last` (whole numbers from 1),
// invalid_range (`last` before `first`, or more than 1,000 rows), unknown_parameter; 404
// unknown_file (no import with that hash). Reads all current rows of the file's kind.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::imports {

std::vector<http::Route> RowRoutes();

}  // namespace ordo::mis::imports
