// Replay check and online backup.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "admin/data_dir_ops.h"
#include "storage/rows.h"
#include "store/ledger_store.h"
#include "store/projector.h"
#include "store/schema.h"

namespace ordo::admin {

namespace {

// The columns of `table` in `db`, in table order.
Result<std::vector<std::string>> Columns(storage::Database& db, const std::string& table) {
  auto st = db.PrepareOwned("SELECT name FROM pragma_table_info(?) ORDER BY cid");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, table);
  std::vector<std::string> columns;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    columns.push_back((*st)->Text(0));
  }
  return columns;
}

// All rows of `table` as text lines of `columns`, in its canonical order.
Result<std::vector<std::string>> Dump(storage::Database& db, const store::ProjectionTable& t,
                                      const std::string& schema,
                                      const std::vector<std::string>& columns) {
  std::string list;
  for (const auto& c : columns) list += (list.empty() ? "\"" : ", \"") + c + "\"";
  std::string sql = "SELECT " + list + " FROM " + schema + "." + t.name + " ORDER BY " + t.order_by;
  auto statement = db.PrepareOwned(sql);
  if (!statement.ok()) return statement.error();
  storage::Statement& s = **statement;
  std::vector<std::string> rows;
  const int count = s.ColumnCount();
  while (true) {
    auto row = s.Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    std::string line;
    for (int i = 0; i < count; ++i) {
      line += i ? " | " : "";
      line += s.IsNull(i) ? "NULL" : s.Text(i);
    }
    rows.push_back(std::move(line));
  }
  return rows;
}

// True when `table` exists in the live store.
Result<bool> TableExists(storage::Database& db, const std::string& table) {
  auto st = db.PrepareOwned("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, table);
  auto row = (*st)->Step();
  if (!row.ok()) return row.error();
  return *row;
}

}  // namespace

Result<std::vector<std::string>> ReplayCheck(const std::string& database_path) {
  auto live = store::OpenStoreFile(database_path, storage::OpenMode::kReadOnly);
  if (!live.ok()) return live.error();
  auto scratch = store::OpenScratch();
  if (!scratch.ok()) return scratch.error();
  ORDO_TRY(store::CreateSchema(**scratch));
  // One read snapshot of the live store for both the replay and the comparison.
  ORDO_TRY((*live)->Exec("BEGIN"));
  ORDO_TRY((*scratch)->Exec("BEGIN"));
  Status apply_status = Ok();
  ORDO_TRY(store::ForEachEntry(**live, [&](const ledger::LedgerEntry& e) {
    apply_status = store::ApplyToProjections(**scratch, e);
    return apply_status.ok();
  }));
  ORDO_TRY(apply_status);
  std::vector<std::string> differences;
  // Only a store with migrations still to apply may lack columns this release has.
  auto plan = store::PlanSchemaUpgrade(**live);
  if (!plan.ok()) return plan.error();
  const bool fully_migrated = plan->pending.empty();
  for (const auto& table : store::ProjectionTables()) {
    // A store written before a table's migration (not upgraded yet) lacks the table;
    // that is only right when a replay leaves it empty too.
    auto exists = TableExists(**live, table.name);
    if (!exists.ok()) return exists.error();
    // Likewise a store written before a migration that added columns lacks them: it is
    // compared on the columns it has (the migration fills the others when it runs). A
    // store with no migration pending that lacks one is a difference.
    auto columns = Columns(**scratch, table.name);
    if (!columns.ok()) return columns.error();
    if (*exists) {
      auto live_columns = Columns(**live, table.name);
      if (!live_columns.ok()) return live_columns.error();
      for (const auto& c : *live_columns)
        if (std::find(columns->begin(), columns->end(), c) == columns->end())
          return Error::Make(ErrorCode::kFailedPrecondition,
                             "table " + table.name + " has column " + c +
                                 ", which this release does not know; upgrade ordo");
      // A migrated store lacking a column was edited behind the engine's back.
      if (fully_migrated)
        for (const auto& c : *columns)
          if (std::find(live_columns->begin(), live_columns->end(), c) == live_columns->end())
            differences.push_back(table.name + ": the live table lacks column " + c);
      *columns = *live_columns;
    }
    auto a = *exists ? Dump(**live, table, "main", *columns)
                     : Result<std::vector<std::string>>(std::vector<std::string>{});
    if (!a.ok()) return a.error();
    auto b = Dump(**scratch, table, "main", *columns);
    if (!b.ok()) return b.error();
    const std::size_t n = std::max(a->size(), b->size());
    for (std::size_t i = 0; i < n; ++i) {
      std::string la = i < a->size() ? (*a)[i] : "(no row)";
      std::string lb = i < b->size() ? (*b)[i] : "(no row)";
      if (la != lb)
        differences.push_back(table.name + " row " + std::to_string(i + 1) + ": live [" + la +
                              "] replayed [" + lb + "]");
    }
  }
  (void)(*live)->Exec("COMMIT");
  return differences;
}

namespace {

// One attempt of Backup.
Status BackupOnce(const store::DataDir& dir, const std::string& file) {
  // Created here, exclusively and readable by the owner only: a backup holds the
  // password hashes too.
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return Error::Make(errno == EEXIST ? ErrorCode::kConflict : ErrorCode::kUnavailable,
                       "cannot create '" + file + "': " + std::strerror(errno) +
                           (errno == EEXIST ? " (refusing to overwrite it)" : ""));
  ::close(fd);
  auto src = store::OpenStore(dir, storage::OpenMode::kReadOnly);
  if (!src.ok()) {
    std::filesystem::remove(file);
    return src.error();
  }
  Status copied = (*src)->BackupTo(file);
  if (!copied.ok()) {
    std::filesystem::remove(file);
    return copied;
  }
  if (RegisteredDataDirFiles().empty()) return Ok();
  std::int64_t head = 0;
  {
    auto copy = store::OpenStoreFile(file, storage::OpenMode::kReadOnly);
    if (!copy.ok()) {
      std::filesystem::remove(file);
      return copy.error();
    }
    auto max = storage::FirstRow<std::int64_t>(
        **copy, "SELECT COALESCE(MAX(seq), 0) FROM ledger", storage::NoBind,
        [](const storage::Statement& r) { return r.Int(0); });
    if (!max.ok()) {
      copy->reset();
      std::filesystem::remove(file);
      return max.error();
    }
    head = max->value_or(0);
  }
  std::vector<std::string> copied_files;  // the copies beside `file` made so far
  for (const DataDirFile& extra : RegisteredDataDirFiles()) {
    const std::string from = dir.root + "/" + extra.name;
    if (!std::filesystem::exists(from)) continue;
    const std::string to = file + "." + extra.name;
    copied_files.push_back(to);
    auto copy_one = [&]() -> Status {
      auto db = store::OpenStoreFile(from, storage::OpenMode::kReadOnly);
      if (!db.ok()) return db.error();
      ORDO_TRY((*db)->BackupTo(to));
      std::error_code ec;
      std::filesystem::permissions(
          to, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
      if (!extra.trim) return Ok();
      auto copy = store::OpenStoreFile(to, storage::OpenMode::kReadWrite);
      if (!copy.ok()) return copy.error();
      ORDO_TRY(extra.trim(**copy, head));
      return (*copy)->Exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE");
    };
    Status s = copy_one();
    if (s.ok()) continue;
    std::filesystem::remove(file);
    for (const std::string& made : copied_files) std::filesystem::remove(made);
    return s;
  }
  return Ok();
}

}  // namespace

Status Backup(const store::DataDir& dir, const std::string& file) {
  Status s = Ok();
  for (int attempt = 1; attempt <= kBackupAttempts; ++attempt) {
    s = BackupOnce(dir, file);
    if (s.ok() || s.error().code != ErrorCode::kConflict || s.error().field.empty()) return s;
    // A data-directory file's trim found it changed between the copies (the store's copy
    // was removed with it): copy both again.
    Error e = s.error();
    e.message +=
        " (attempt " + std::to_string(attempt) + " of " + std::to_string(kBackupAttempts) + ")";
    s = e;
    // A compaction run is a chain of commands: give it time to end (1 s, then 2 s).
    if (attempt < kBackupAttempts) std::this_thread::sleep_for(std::chrono::seconds(attempt));
  }
  return s;
}

namespace {
std::vector<DataDirFile>& DataDirFiles() {
  static std::vector<DataDirFile> files;
  return files;
}
}  // namespace

void RegisterDataDirFile(DataDirFile file) { DataDirFiles().push_back(std::move(file)); }

const std::vector<DataDirFile>& RegisteredDataDirFiles() { return DataDirFiles(); }

}  // namespace ordo::admin
