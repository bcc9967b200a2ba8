// The SQLite schema of an ordo data directory: the ledger and checkpoints (append-only,
// enforced by triggers), meta, credentials, idempotency records, and the projections.
// Every column is documented in docs/ledger-format.md.
#pragma once

#include <string>
#include <vector>

#include "storage/database.h"

namespace ordo::store {

inline constexpr int kSchemaVersion = 1;

// Creates all tables, indexes and triggers if missing. Idempotent.
Status CreateSchema(storage::Database& db);

// Projection tables with the ORDER BY that makes their contents comparable; replay
// rebuilds exactly these.
struct ProjectionTable {
  std::string name;
  std::string order_by;
};
const std::vector<ProjectionTable>& ProjectionTables();

}  // namespace ordo::store
