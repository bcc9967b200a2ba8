// The rows the imports refused, as the import store keeps them (import_row_error with its
// import), newest first. Reads on the caller's connection.
#pragma once

#include <vector>

#include "core/result.h"
#include "mis/data_quality/checks.h"
#include "storage/database.h"

namespace ordo::mis::data_quality {

// At most `limit` rows.
Result<std::vector<RefusedRow>> ReadRefusedRows(storage::Database& db, int limit);

}  // namespace ordo::mis::data_quality
