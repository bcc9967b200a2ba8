// Thin RAII wrapper over the SQLite C API: a connection and prepared statements.
// Every failure comes back as a Status naming the SQL error; nothing throws.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo::store {

class Statement;

// One SQLite connection. Not thread-safe: one owner thread at a time.
class Database {
 public:
  enum class Mode { kReadWrite, kReadOnly, kCreate };
  // Opens `path` (WAL mode, synchronous=FULL, foreign keys on, busy timeout 5 s).
  static Result<std::unique_ptr<Database>> Open(const std::string& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results.
  Status Exec(std::string_view sql);
  // Prepares a statement (cached per connection by SQL text).
  Result<Statement*> Prepare(const std::string& sql);
  sqlite3* raw() { return db_; }
  std::string LastError() const;
  const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path);
  sqlite3* db_;
  std::string path_;
  struct Cache;
  std::unique_ptr<Cache> cache_;
};

// A cached prepared statement. Reset() before reuse (Prepare does it for you).
class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const std::optional<std::string>& value);
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::string_view bytes);
  // A BLOB (or any) column's bytes.
  std::string Blob(int column) const;
  // Steps once. Returns true when a row is available, false when done; errors as Error.
  Result<bool> Step();
  // Runs to completion, discarding rows.
  Status Run();
  void Reset();

  std::int64_t Int(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3_stmt* stmt_;
};

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  const Status& begin_status() const { return begin_; }
  Status Commit();

 private:
  Database& db_;
  Status begin_;
  bool done_ = false;
};

}  // namespace ordo::store
