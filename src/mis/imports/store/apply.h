// Applying a parsed import to the MIS store: idempotent by file, superseding by natural
// key, keeping every refusal. One transaction per file.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "mis/imports/domain/parse_import.h"
#include "mis/imports/domain/report.h"
#include "storage/database.h"

namespace ordo::mis::imports {

// Stores `parsed` (the tables of ImportsMigrations() must exist) in one transaction
// (BEGIN IMMEDIATE; the caller must not hold one open):
// - the same kind and file hash imported before: nothing is written; the result is the
//   earlier import's report with duplicate_file = true;
// - otherwise one `import` row (user, `now`, content type, counts) and, per row in file
//   order: a refused row's errors into import_row_error; a good row whose natural key has
//   no current row is inserted (imported); one equal to the current row of its key writes
//   nothing (unchanged; its lineage stays with the earlier import); one with other values
//   marks the current row superseded_by_import, inserts the new row and records the pair
//   in import_supersession (superseded).
// Fails (nothing written) with the store's error when a statement or the commit fails.
// Not thread-safe: the connection's owner thread only.
Result<ImportReport> ApplyImport(storage::Database& db, const ParsedImport& parsed,
                                 const std::string& user, TimeMicros now);

}  // namespace ordo::mis::imports
