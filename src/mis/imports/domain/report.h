// The outcome of one import: what a caller (the HTTP endpoint, the CLI) shows. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mis/imports/domain/row.h"

namespace ordo::mis::imports {

// Row counts keep total == imported + unchanged + superseded + refused:
// - imported: rows whose natural key had no current row;
// - unchanged: rows equal to the current row of their key (nothing written);
// - superseded: rows that replaced a current row with other values (the old row is kept
//   and marked);
// - refused: rows with errors (each error is in `errors`; a row may have several).
struct ImportReport {
  std::int64_t import_id = 0;
  std::string kind, file_hash, content_type, imported_by;
  std::int64_t imported_at = 0;  // UTC microseconds
  bool duplicate_file = false;   // the same kind and file hash was imported before
  std::int64_t total = 0, imported = 0, unchanged = 0, superseded = 0, refused = 0;
  std::vector<RowError> errors;  // in line order
};

}  // namespace ordo::mis::imports
