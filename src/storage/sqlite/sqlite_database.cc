// SQLite connections, the per-connection statement cache and online backup.
#include "storage/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <unordered_map>

namespace ordo::storage {

namespace {

std::atomic<bool> memory_statistics_on{true};

// Before SQLite initialises (its first connection): no memory statistics, so allocations
// take no process-wide mutex (SqliteMemoryStatisticsOn).
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK)
      memory_statistics_on = false;
    else
      std::fprintf(stderr,
                   "warning: SQLite was initialised before ordo configured it: its memory "
                   "statistics stay on\n");
  });
}

class SqliteStatement final : public Statement {
 public:
  explicit SqliteStatement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  using Statement::Bind;

  Statement& Bind(int index, std::int64_t value) override {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
  }
  Statement& Bind(int index, std::string_view value) override {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& BindNull(int index) override {
    sqlite3_bind_null(stmt_, index);
    return *this;
  }
  Statement& BindBlob(int index, std::string_view bytes) override {
    sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& BindReal(int index, double value) override {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
  }
  Result<bool> Step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Error::Make(ErrorCode::kInternal,
                       std::string("SQL step failed: ") + sqlite3_errmsg(sqlite3_db_handle(stmt_)));
  }
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  int ColumnCount() const override { return sqlite3_column_count(stmt_); }
  std::int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  std::string Text(int column) const override {
    const unsigned char* t = sqlite3_column_text(stmt_, column);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
  }
  std::string Blob(int column) const override {
    const void* b = sqlite3_column_blob(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return b ? std::string(static_cast<const char*>(b), static_cast<std::size_t>(n))
             : std::string();
  }
  double Real(int column) const override { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }

 private:
  sqlite3_stmt* stmt_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~SqliteDatabase() override {
    statements_.clear();  // finalize before closing
    sqlite3_close_v2(db_);
  }
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  Status Exec(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Error::Make(ErrorCode::kInternal, "SQL failed: " + msg);
    }
    return Ok();
  }

  Result<Statement*> Prepare(const std::string& sql) override {
    auto it = statements_.find(sql);
    if (it != statements_.end()) {
      it->second->Reset();
      return it->second.get();
    }
    auto owned = PrepareWith(sql, SQLITE_PREPARE_PERSISTENT);
    if (!owned.ok()) return owned.error();
    Statement* ptr = owned->get();
    statements_.emplace(sql, std::move(*owned));
    return ptr;
  }

  Result<std::unique_ptr<Statement>> PrepareOwned(const std::string& sql) override {
    return PrepareWith(sql, 0);
  }

  bool InTransaction() const override { return sqlite3_get_autocommit(db_) == 0; }

  Status BackupTo(const std::string& file) override {
    sqlite3* dest = nullptr;
    if (sqlite3_open(file.c_str(), &dest) != SQLITE_OK) {
      sqlite3_close(dest);
      return Error::Make(ErrorCode::kUnavailable, "cannot create '" + file + "'");
    }
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_, "main");
    int rc = SQLITE_OK;
    if (b) {
      rc = sqlite3_backup_step(b, -1);  // all pages in one step: one consistent snapshot
      sqlite3_backup_finish(b);
    }
    const std::string err = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    if (!b || rc != SQLITE_DONE)
      return Error::Make(ErrorCode::kUnavailable, "backup failed: " + err);
    return Ok();
  }

  const std::string& path() const override { return path_; }

  void SetChangeHook(ChangeHook hook) override {
    change_hook_ = std::move(hook);
    if (!change_hook_) {
      sqlite3_update_hook(db_, nullptr, nullptr);
      return;
    }
    sqlite3_update_hook(
        db_,
        [](void* self, int, const char*, const char* table, sqlite3_int64 rowid) {
          static_cast<SqliteDatabase*>(self)->change_hook_(table, rowid);
        },
        this);
  }

 private:
  Result<std::unique_ptr<Statement>> PrepareWith(const std::string& sql, unsigned flags) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, flags, &stmt, nullptr) != SQLITE_OK)
      return Error::Make(ErrorCode::kInternal,
                         std::string("SQL prepare failed: ") + sqlite3_errmsg(db_));
    return std::unique_ptr<Statement>(std::make_unique<SqliteStatement>(stmt));
  }

  sqlite3* db_;
  std::string path_;
  ChangeHook change_hook_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, OpenMode mode) {
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case OpenMode::kReadOnly:
      flags |= SQLITE_OPEN_READONLY;
      break;
    case OpenMode::kReadWrite:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case OpenMode::kCreate:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
  }
  ConfigureSqliteOnce();
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    if (raw) sqlite3_close(raw);
    return Error::Make(ErrorCode::kUnavailable, "cannot open database '" + path + "': " + msg);
  }
  auto db = std::make_unique<SqliteDatabase>(raw, path);
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_extended_result_codes(raw, 1);
  if (mode != OpenMode::kReadOnly) ORDO_TRY(db->Exec("PRAGMA journal_mode=WAL"));
  // temp_store=MEMORY: the writer's per-command savepoints keep their sub-journal in
  // memory instead of a temp file (measured: a third of the writer's time otherwise).
  ORDO_TRY(db->Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"));
  return std::unique_ptr<Database>(std::move(db));
}

bool SqliteMemoryStatisticsOn() {
  // With statistics on, SQLite counts the memory of every open connection: never 0 then.
  return memory_statistics_on.load() || sqlite3_memory_used() != 0;
}

}  // namespace ordo::storage
