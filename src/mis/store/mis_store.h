// The MIS store: one SQLite database (DIR/mis.db, WAL) through the storage driver, with a
// schema_version row per module and the modules' migrations (store/migration.h) applied
// in one transaction when it opens. A store written by a newer ordo-mis is refused
// untouched. Also the store's own key/value facts (store_info: created_at, demo, ...).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mis/store/migration.h"
#include "storage/database.h"

namespace ordo::mis::store {

// The file name of the store inside the data directory.
inline constexpr const char* kStoreFileName = "mis.db";
// DIR/mis.db
std::string StorePath(const std::string& data_dir);

// The store module's own migrations (module "store": 1 the store_info table, 2 the
// setting change history, setting_change.h). OpenMisStore applies them before the caller's.
std::vector<Migration> StoreMigrations();

struct OpenedStore {
  std::unique_ptr<storage::Database> db;
  std::vector<std::string> applied;  // "access 1", "imports 2", ... applied by this open
};

// Opens the store at `path` (creates it when `create`; else the file must exist) and
// brings it to the schema of StoreMigrations() followed by `migrations`: the pending
// versions of every module run in list order, with their schema_version rows, in one
// transaction (all or nothing). Fails with:
//   internal             `migrations` breaks CheckMigrations (a bug of the build);
//   failed_precondition  no store at `path` (and not `create`), reason no_store;
//                        the store holds a module unknown to this binary or a version
//                        beyond this binary's latest (written by a newer ordo-mis),
//                        reason store_too_new; nothing is changed then;
//   unavailable/internal the file cannot be opened, or a migration's SQL fails (the
//                        message names module and version; nothing is applied).
// The connection belongs to the caller's thread.
Result<OpenedStore> OpenMisStore(const std::string& path, const std::vector<Migration>& migrations,
                                 bool create);

// The schema version of every module recorded in the store.
Result<std::map<std::string, int>> SchemaVersions(storage::Database& db);

// store_info: sets `key` to `value` (replacing it), or reads it (nullopt when unset).
Status SetStoreInfo(storage::Database& db, const std::string& key, const std::string& value);
Result<std::optional<std::string>> GetStoreInfo(storage::Database& db, const std::string& key);

}  // namespace ordo::mis::store
