// Reads of the import tables: current rows with their lineage, import reports, refused
// rows and supersessions, for the KPI engine, the data quality report and explain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mis/imports/domain/kind_spec.h"
#include "mis/imports/domain/report.h"
#include "storage/database.h"

namespace ordo::mis::imports {

// A stored row with its lineage: the import it came from, that file's hash and its row
// number (the line in the file).
struct StoredRow {
  std::int64_t row_id = 0, import_id = 0, row_number = 0;
  std::string file_hash;
  std::vector<Value> values;  // in the kind's column order (read with RowView)
};

// The current (not superseded) rows of `spec`, ordered by import and row number.
// Failures: the store's error.
Result<std::vector<StoredRow>> CurrentRows(storage::Database& db, const KindSpec& spec);

// The id of the import of `kind` with `file_hash`, or nullopt.
Result<std::optional<std::int64_t>> FindImport(storage::Database& db, const std::string& kind,
                                               const std::string& file_hash);

// The stored report of import `import_id` with its errors in line order
// (duplicate_file false). not_found when there is no such import.
Result<ImportReport> LoadReport(storage::Database& db, std::int64_t import_id);

// A refusal with the file it came from, for the data quality report.
struct RefusedRow {
  std::int64_t import_id = 0;
  std::string kind, file_hash;
  std::int64_t imported_at = 0;
  RowError error;
};
// Every stored refusal of imports of `kind` ("" = every kind), by import then line.
Result<std::vector<RefusedRow>> RefusedRows(storage::Database& db, const std::string& kind);

// A row a later import replaced: the old and new row ids of the kind's table.
struct Supersession {
  std::int64_t import_id = 0, old_row_id = 0, new_row_id = 0, row_number = 0;
  std::string kind;
};
// The supersessions recorded by import `import_id`, by row number.
Result<std::vector<Supersession>> SupersessionsOf(storage::Database& db, std::int64_t import_id);

}  // namespace ordo::mis::imports
