// Row seals across an upgrade: checking the rows of a table whose column list changed
// against the seals the seal file recorded them under (see row_seal.h).
#include <set>

#include "store/row_seal.h"

namespace ordo::store {

namespace {

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::string part;
  for (char c : text) {
    if (c == separator) {
      out.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  out.push_back(part);
  return out;
}

Result<std::set<std::string>> ColumnsOf(storage::Database& db, const std::string& table) {
  auto st = db.PrepareOwned("SELECT name FROM pragma_table_info(?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, table);
  std::set<std::string> out;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.insert((*st)->Text(0));
  }
  return out;
}

}  // namespace

Result<GuardedTable> RecordedTable(const std::string& table, const std::string& spec) {
  const auto bar = spec.find('|');
  GuardedTable t{table, {}, {}};
  if (bar != std::string::npos) {
    t.key_columns = Split(spec.substr(0, bar), ',');
    t.content_columns = Split(spec.substr(bar + 1), ',');
  }
  auto named = [](const std::vector<std::string>& columns) {
    if (columns.empty()) return false;
    for (const auto& c : columns)
      if (c.empty() ||
          c.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        return false;
    return true;
  };
  if (!named(t.key_columns) || !named(t.content_columns))
    return Error::Make(ErrorCode::kFailedPrecondition,
                       "the row seal file records the columns of " + table + " as '" + spec +
                           "', expected \"<key columns>|<covered columns>\" (lower-case names "
                           "joined by ','): the seals of " +
                           table + " cannot be checked");
  return t;
}

Result<std::vector<IntegrityViolation>> FindUnsealedRowsRecorded(storage::Database& db,
                                                                 const std::string& key,
                                                                 const std::string& table,
                                                                 const std::string& spec) {
  auto recorded = RecordedTable(table, spec);
  if (!recorded.ok()) return recorded.error();
  auto columns = ColumnsOf(db, table);
  if (!columns.ok()) return columns.error();
  for (const auto* list : {&recorded->key_columns, &recorded->content_columns})
    for (const auto& c : *list)
      if (!columns->count(c))
        return Error::Make(
            ErrorCode::kFailedPrecondition,
            "the row seals of " + table + " were made over its column '" + c +
                "', which the store no longer has (a migration dropped it): they cannot be "
                "checked, so the rows cannot be sealed afresh (docs/operations.md, \"An "
                "integrity violation\")");
  auto found = FindUnsealedRowsOf(db, key, *recorded);
  if (!found.ok()) return found.error();
  if (!found->empty()) {
    // A start that sealed the table afresh (one transaction) and stopped before it wrote
    // the seal file leaves every row sealed over this release's columns: that is no
    // violation, and the next start writes the file. Such seals need the key too.
    if (const GuardedTable* current = FindGuardedTable(table)) {
      auto now = FindUnsealedRowsOf(db, key, *current);
      if (!now.ok()) return now.error();
      if (now->empty()) return std::vector<IntegrityViolation>{};
    }
  }
  for (auto& v : *found) v.detail += " (its seal as recorded before the table's columns changed)";
  return found;
}

Status CheckRecordedSeals(storage::Database& db, const std::string& key, const std::string& table,
                          const std::string& spec) {
  auto found = FindUnsealedRowsRecorded(db, key, table, spec);
  if (!found.ok()) return found.error();
  if (found->empty()) return Ok();
  const IntegrityViolation& first = found->front();
  return Error::Make(
      ErrorCode::kIntegrityViolation,
      "integrity_violation: the columns of " + table +
          " changed in this release, so its rows are to be sealed afresh, but the record " + table +
          " " + first.key + " " + first.detail +
          (found->size() > 1 ? " (and " + std::to_string(found->size() - 1) + " more rows)" : "") +
          "; it was changed outside ordo. Nothing was resealed and ordo does not start (see "
          "docs/operations.md, \"An integrity violation\")");
}

}  // namespace ordo::store
