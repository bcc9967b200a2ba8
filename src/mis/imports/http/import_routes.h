// The import endpoint of ordo-mis (docs/mis-imports.md): POST /api/v1/imports/{kind} with
// a CSV (text/csv) or JSON-lines (application/x-ndjson) body runs RunImport (imports.h)
// as the signed-in user (permission mis.imports) and answers its report: 201 for a new
// file, 200 for a file imported before (duplicate_file, nothing new). Refusals are
// problem+json with the import's stable reason; a body over the import's limit is 413.
#pragma once

#include <vector>

#include "mis/http/router.h"

namespace ordo::mis::imports {

std::vector<http::Route> Routes();

}  // namespace ordo::mis::imports
