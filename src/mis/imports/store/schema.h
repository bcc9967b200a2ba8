// The tables of the MIS imports, as versioned migrations of module "imports" for the MIS
// store's migration list. The SQL is fixed text (a later change is a new version, never an
// edit); a test checks that each row table's columns match the kind table (kind_spec.h).
#pragma once

#include <string>
#include <vector>

namespace ordo::mis::imports {

inline constexpr const char* kMigrationModule = "imports";

struct Migration {
  int version = 0;
  std::string sql;  // one or more statements
};

// Version 1 creates:
// - import: one row per imported file (id, kind, file_hash, content_type, imported_by,
//   imported_at, rows_total/imported/unchanged/superseded/refused), unique (kind,
//   file_hash);
// - import_<kind> for each of issue 13's eleven kinds (version 2: import_cost_rates, version
//   3: import_planned_cycle_times, the same shape): row_id, import_id, row_number, the kind's
//   columns (times and counts INTEGER, other values TEXT; an empty optional text is '', other empty
//   optional values NULL), superseded_by_import (NULL while current), with a unique
//   index on the natural key of the current rows;
// - import_row_error: (import_id, line, field, reason, message) per refusal;
// - import_supersession: (import_id, kind, old_row_id, new_row_id, row_number) per row a
//   later import superseded.
const std::vector<Migration>& ImportsMigrations();

}  // namespace ordo::mis::imports
