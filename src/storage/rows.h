// Rows<T>: runs a cached query and maps every row to a T; the one way to read a list
// of rows through the storage interface. Run: the same for a statement that returns no
// rows (INSERT, UPDATE, DELETE).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace ordo::storage {

// Binds nothing (for queries without parameters).
inline void NoBind(Statement&) {}

// Prepares `sql` (cached), calls `bind`, steps through every row calling `read`.
template <typename T>
Result<std::vector<T>> Rows(Database& db, const std::string& sql,
                            const std::function<void(Statement&)>& bind,
                            const std::function<T(const Statement&)>& read) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  bind(**st);
  std::vector<T> out;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) {
      (*st)->Reset();
      return row.error();
    }
    if (!*row) break;
    out.push_back(read(**st));
  }
  (*st)->Reset();
  return out;
}

// Prepares `sql` (cached), calls `bind` and runs it to completion (rows it returns are
// ignored). Errors of the prepare or the step are returned; the statement is reset
// either way.
inline Status Run(Database& db, const std::string& sql,
                  const std::function<void(Statement&)>& bind) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  bind(**st);
  return (*st)->Run();
}

// The first row only, or nullopt when there is none.
template <typename T>
Result<std::optional<T>> FirstRow(Database& db, const std::string& sql,
                                  const std::function<void(Statement&)>& bind,
                                  const std::function<T(const Statement&)>& read) {
  auto rows = Rows<T>(db, sql, bind, read);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<T>();
  return std::optional<T>(std::move(rows->front()));
}

}  // namespace ordo::storage
