// The SQLite driver of the storage interface: the only code that includes sqlite3.h.
#pragma once

#include <memory>
#include <string>

#include "storage/database.h"

namespace ordo::storage {

// Opens `path` (":memory:" for a scratch database): WAL journal (unless read-only),
// synchronous=FULL, foreign keys on, temp_store=MEMORY, busy timeout 5 s.
// Fails with unavailable when the file cannot be opened.
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, OpenMode mode);

}  // namespace ordo::storage
