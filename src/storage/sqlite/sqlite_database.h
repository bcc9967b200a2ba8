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

// Whether SQLite keeps memory statistics in this process. ordo turns them off before its
// first connection (OpenSqlite): with them on, every allocation and free of every
// connection takes one process-wide mutex, so the engine's writer waited on it whenever
// the MQTT thread (at a lower priority) held it and was off its core; ordo reads none of
// those statistics. False once a connection was opened through this driver (and SQLite
// then counts no memory), unless something opened SQLite earlier in the process (a
// warning is logged then).
bool SqliteMemoryStatisticsOn();

}  // namespace ordo::storage
