// The storage seam: a small database interface (connections, prepared statements,
// binding, stepping, transactions) that the ledger store, the engine, the capabilities
// and later the MIS and the telemetry store use. Drivers implement it: SQLite today
// (storage/sqlite/), PostgreSQL later. Nothing outside a driver sees the driver's API.
// SQL written against it should stay portable where that is cheap; what is not is
// listed in docs/decisions/0003-storage-seam.md.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo::storage {

enum class OpenMode { kReadWrite, kReadOnly, kCreate };

// A prepared statement. Parameters are numbered from 1, columns from 0. Not
// thread-safe: it belongs to its connection's owner thread.
class Statement {
 public:
  virtual ~Statement() = default;

  virtual Statement& Bind(int index, std::int64_t value) = 0;
  virtual Statement& Bind(int index, std::string_view value) = 0;
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const std::optional<std::string>& value) {
    return value ? Bind(index, std::string_view(*value)) : BindNull(index);
  }
  virtual Statement& BindNull(int index) = 0;
  virtual Statement& BindBlob(int index, std::string_view bytes) = 0;
  // Binds the double itself (an IEEE 754 binary64, SQLite's REAL), not a decimal text:
  // Real() of the stored value gives back the same bits, except -0.0 (SQLite stores a
  // whole-number REAL as an integer: it reads back as 0.0) and NaN (stored as NULL).
  virtual Statement& BindReal(int index, double value) = 0;

  // Steps once: true when a row is available, false when done; failures as Error.
  virtual Result<bool> Step() = 0;
  // Runs to completion, discarding rows, then resets. Failures as Error.
  Status Run();
  // Rewinds the statement and clears its bindings.
  virtual void Reset() = 0;

  virtual int ColumnCount() const = 0;
  virtual std::int64_t Int(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual std::string Blob(int column) const = 0;
  // The column as a double: a REAL exactly as stored, an INTEGER converted, text as the
  // driver parses it, NULL as 0.0.
  virtual double Real(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
};

// One connection. Not thread-safe: one owner thread at a time.
class Database {
 public:
  virtual ~Database() = default;

  // Runs one or more statements without results.
  virtual Status Exec(std::string_view sql) = 0;
  // A statement from the connection's cache (keyed by SQL text), reset and ready.
  // The connection owns it; do not hold it across another Prepare of the same text.
  virtual Result<Statement*> Prepare(const std::string& sql) = 0;
  // A statement of its own, for a query that stays open while others run.
  virtual Result<std::unique_ptr<Statement>> PrepareOwned(const std::string& sql) = 0;
  // True inside an explicit transaction. The engine checks it after a failed write:
  // a driver that rolled the whole transaction back on its own reports false.
  virtual bool InTransaction() const = 0;
  // Writes a consistent copy of the whole database to `file` (empty or missing),
  // safe while other connections write.
  virtual Status BackupTo(const std::string& file) = 0;
  virtual const std::string& path() const = 0;
  // Calls `hook(table, rowid)` on this connection's thread for every row that a statement
  // of this connection inserts, updates or deletes in a rowid table, until replaced;
  // an empty hook removes it. The engine uses it to seal the rows its projectors wrote
  // (store/row_seal.h). The hook must not use the connection.
  using ChangeHook = std::function<void(std::string_view table, std::int64_t rowid)>;
  virtual void SetChangeHook(ChangeHook hook) = 0;
};

// RAII transaction: BEGIN IMMEDIATE (the write lock at once) on construction,
// ROLLBACK unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& begin_status() const { return begin_; }
  Status Commit();

 private:
  Database& db_;
  Status begin_;
  bool done_ = false;
};

}  // namespace ordo::storage
