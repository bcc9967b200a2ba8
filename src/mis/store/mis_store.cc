// Opening the MIS store and applying the modules' migrations.
#include "mis/store/mis_store.h"

#include <filesystem>
#include <utility>

#include "mis/store/setting_change.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::mis::store {

std::string StorePath(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / kStoreFileName).string();
}

std::vector<Migration> StoreMigrations() {
  return {
      {"store", 1, "CREATE TABLE store_info (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"},
      {"store", 2, SettingChangeMigrationSql()}};
}

Result<std::map<std::string, int>> SchemaVersions(storage::Database& db) {
  using Row = std::pair<std::string, int>;
  auto rows = storage::Rows<Row>(db, "SELECT module, version FROM schema_version", storage::NoBind,
                                 [](const storage::Statement& s) {
                                   return Row{s.Text(0), static_cast<int>(s.Int(1))};
                                 });
  if (!rows.ok()) return rows.error();
  return std::map<std::string, int>(rows->begin(), rows->end());
}

namespace {

// Refuses a store that holds what this binary does not know.
Status CheckNotNewer(const std::string& path, const std::map<std::string, int>& stored,
                     const std::vector<Migration>& all) {
  for (const auto& [module, version] : stored) {
    const int latest = LatestVersion(all, module);
    if (version <= latest) continue;
    const std::string what =
        latest == 0 ? "module '" + module + "' (schema version " + std::to_string(version) +
                          "), which this ordo-mis does not have"
                    : "module '" + module + "' at schema version " + std::to_string(version) +
                          ", but this ordo-mis knows only up to version " + std::to_string(latest);
    return Error{ErrorCode::kFailedPrecondition,
                 path + " was written by a newer ordo-mis: it holds " + what +
                     ". Run that release (or a newer one) on it; nothing was changed",
                 "", "store_too_new"};
  }
  return Ok();
}

}  // namespace

Result<OpenedStore> OpenMisStore(const std::string& path, const std::vector<Migration>& migrations,
                                 bool create) {
  std::vector<Migration> all = StoreMigrations();
  all.insert(all.end(), migrations.begin(), migrations.end());
  ORDO_TRY(CheckMigrations(all));
  std::error_code ec;
  if (!create && !std::filesystem::exists(path, ec))
    return Error{ErrorCode::kFailedPrecondition,
                 "no MIS store at " + path + ": create one with `ordo-mis init --data DIR`", "",
                 "no_store"};
  auto db = storage::OpenSqlite(
      path, create ? storage::OpenMode::kCreate : storage::OpenMode::kReadWrite);
  if (!db.ok()) return db.error();
  OpenedStore opened{std::move(*db), {}};
  storage::Database& d = *opened.db;
  storage::Transaction tx(d);
  ORDO_TRY(tx.begin_status());
  ORDO_TRY(
      d.Exec("CREATE TABLE IF NOT EXISTS schema_version (module TEXT PRIMARY KEY NOT NULL, "
             "version INTEGER NOT NULL)"));
  auto stored = SchemaVersions(d);
  if (!stored.ok()) return stored.error();
  ORDO_TRY(CheckNotNewer(path, *stored, all));
  for (const Migration& m : all) {
    auto it = stored->find(m.module);
    if (it != stored->end() && m.version <= it->second) continue;
    const std::string id = m.module + " " + std::to_string(m.version);
    if (auto applied = d.Exec(m.sql); !applied.ok())
      return Error::Make(applied.error().code, "migration " + id + " of " + path +
                                                   " failed: " + applied.error().message +
                                                   " (nothing was applied)");
    ORDO_TRY(storage::Run(d,
                          "INSERT INTO schema_version (module, version) VALUES (?1, ?2) "
                          "ON CONFLICT (module) DO UPDATE SET version = excluded.version",
                          [&](storage::Statement& s) {
                            s.Bind(1, m.module);
                            s.Bind(2, static_cast<std::int64_t>(m.version));
                          }));
    (*stored)[m.module] = m.version;
    opened.applied.push_back(id);
  }
  ORDO_TRY(tx.Commit());
  return opened;
}

Status SetStoreInfo(storage::Database& db, const std::string& key, const std::string& value) {
  return storage::Run(db,
                      "INSERT INTO store_info (key, value) VALUES (?1, ?2) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                      [&](storage::Statement& s) {
                        s.Bind(1, key);
                        s.Bind(2, value);
                      });
}

Result<std::optional<std::string>> GetStoreInfo(storage::Database& db, const std::string& key) {
  return storage::FirstRow<std::string>(
      db, "SELECT value FROM store_info WHERE key = ?1",
      [&](storage::Statement& s) { s.Bind(1, key); },
      [](const storage::Statement& s) { return s.Text(0); });
}

}  // namespace ordo::mis::store
