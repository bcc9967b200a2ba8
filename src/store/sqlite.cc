// SQLite connection, statement cache and transactions.
#include "store/sqlite.h"

#include <unordered_map>

namespace ordo::store {

struct Database::Cache {
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements;
};

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, Mode mode) {
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case Mode::kReadOnly:
      flags |= SQLITE_OPEN_READONLY;
      break;
    case Mode::kReadWrite:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case Mode::kCreate:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    if (raw) sqlite3_close(raw);
    return Error::Make(ErrorCode::kUnavailable, "cannot open database '" + path + "': " + msg);
  }
  std::unique_ptr<Database> db(new Database(raw, path));
  db->cache_ = std::make_unique<Cache>();
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_extended_result_codes(raw, 1);
  if (mode != Mode::kReadOnly) {
    ORDO_TRY(db->Exec("PRAGMA journal_mode=WAL"));
  }
  // temp_store=MEMORY: the writer's per-command savepoints keep their sub-journal in
  // memory instead of a temp file (measured: a third of the writer's time otherwise).
  ORDO_TRY(db->Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"));
  return db;
}

Database::Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Database::~Database() {
  cache_.reset();
  sqlite3_close_v2(db_);
}

std::string Database::LastError() const { return sqlite3_errmsg(db_); }

Status Database::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : LastError();
    sqlite3_free(err);
    return Error::Make(ErrorCode::kInternal, "SQL failed: " + msg);
  }
  return Ok();
}

Result<Statement*> Database::Prepare(const std::string& sql) {
  auto it = cache_->statements.find(sql);
  if (it != cache_->statements.end()) {
    it->second->Reset();
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
      SQLITE_OK)
    return Error::Make(ErrorCode::kInternal, "SQL prepare failed: " + LastError());
  auto owned = std::make_unique<Statement>(stmt);
  Statement* ptr = owned.get();
  cache_->statements.emplace(sql, std::move(owned));
  return ptr;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::Bind(int index, const std::optional<std::string>& value) {
  return value ? Bind(index, std::string_view(*value)) : BindNull(index);
}
Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

std::string Statement::Blob(int column) const {
  const void* b = sqlite3_column_blob(stmt_, column);
  const int n = sqlite3_column_bytes(stmt_, column);
  return b ? std::string(static_cast<const char*>(b), static_cast<std::size_t>(n)) : std::string();
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error::Make(ErrorCode::kInternal,
                     std::string("SQL step failed: ") + sqlite3_errmsg(sqlite3_db_handle(stmt_)));
}

Status Statement::Run() {
  while (true) {
    auto r = Step();
    if (!r.ok()) {
      Reset();
      return r.error();
    }
    if (!*r) break;
  }
  Reset();
  return Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
std::string Statement::Text(int column) const {
  const unsigned char* t = sqlite3_column_text(stmt_, column);
  return t ? std::string(reinterpret_cast<const char*>(t),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}
bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Transaction::Transaction(Database& db) : db_(db), begin_(db.Exec("BEGIN IMMEDIATE")) {}
Transaction::~Transaction() {
  if (!done_ && begin_.ok()) (void)db_.Exec("ROLLBACK");
}
Status Transaction::Commit() {
  done_ = true;
  return db_.Exec("COMMIT");
}

}  // namespace ordo::store
