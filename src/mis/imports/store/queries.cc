// Reads of the import tables (queries.h).
#include "mis/imports/store/queries.h"

#include "mis/imports/store/detail/row_sql.h"
#include "storage/rows.h"

namespace ordo::mis::imports {

using storage::Statement;

Result<std::vector<StoredRow>> CurrentRows(storage::Database& db, const KindSpec& spec) {
  std::string columns;
  for (const auto& c : spec.columns) columns += ", r." + detail::Quoted(c.name);
  return storage::Rows<StoredRow>(
      db,
      "SELECT r.row_id, r.import_id, r.row_number, i.file_hash" + columns + " FROM " + spec.table +
          " r JOIN import i ON i.id = r.import_id WHERE r.superseded_by_import IS NULL "
          "ORDER BY r.import_id, r.row_number",
      storage::NoBind, [&](const Statement& st) {
        StoredRow row;
        row.row_id = st.Int(0);
        row.import_id = st.Int(1);
        row.row_number = st.Int(2);
        row.file_hash = st.Text(3);
        for (std::size_t i = 0; i < spec.columns.size(); ++i)
          row.values.push_back(detail::ReadValue(st, static_cast<int>(i + 4), spec.columns[i]));
        return row;
      });
}

Result<std::optional<std::int64_t>> FindImport(storage::Database& db, const std::string& kind,
                                               const std::string& file_hash) {
  return storage::FirstRow<std::int64_t>(
      db, "SELECT id FROM import WHERE kind = ?1 AND file_hash = ?2",
      [&](Statement& st) { st.Bind(1, kind).Bind(2, file_hash); },
      [](const Statement& st) { return st.Int(0); });
}

Result<ImportReport> LoadReport(storage::Database& db, std::int64_t import_id) {
  auto found = storage::FirstRow<ImportReport>(
      db,
      "SELECT id, kind, file_hash, content_type, imported_by, imported_at, rows_total, "
      "rows_imported, rows_unchanged, rows_superseded, rows_refused FROM import WHERE id = ?1",
      [&](Statement& st) { st.Bind(1, import_id); },
      [](const Statement& st) {
        ImportReport r;
        r.import_id = st.Int(0);
        r.kind = st.Text(1);
        r.file_hash = st.Text(2);
        r.content_type = st.Text(3);
        r.imported_by = st.Text(4);
        r.imported_at = st.Int(5);
        r.total = st.Int(6);
        r.imported = st.Int(7);
        r.unchanged = st.Int(8);
        r.superseded = st.Int(9);
        r.refused = st.Int(10);
        return r;
      });
  if (!found.ok()) return found.error();
  if (!found->has_value())
    return Error{ErrorCode::kNotFound, "no import with id " + std::to_string(import_id),
                 "import_id", "not_found"};
  ImportReport report = std::move(**found);
  auto errors = storage::Rows<RowError>(
      db,
      "SELECT line, field, reason, message FROM import_row_error WHERE import_id = ?1 "
      "ORDER BY line, id",
      [&](Statement& st) { st.Bind(1, import_id); },
      [](const Statement& st) {
        return RowError{static_cast<int>(st.Int(0)), st.Text(1), st.Text(2), st.Text(3)};
      });
  if (!errors.ok()) return errors.error();
  report.errors = std::move(*errors);
  return report;
}

Result<std::vector<RefusedRow>> RefusedRows(storage::Database& db, const std::string& kind) {
  return storage::Rows<RefusedRow>(
      db,
      "SELECT i.id, i.kind, i.file_hash, i.imported_at, e.line, e.field, e.reason, e.message "
      "FROM import_row_error e JOIN import i ON i.id = e.import_id "
      "WHERE ?1 = '' OR i.kind = ?1 ORDER BY i.id, e.line, e.id",
      [&](Statement& st) { st.Bind(1, kind); },
      [](const Statement& st) {
        RefusedRow r;
        r.import_id = st.Int(0);
        r.kind = st.Text(1);
        r.file_hash = st.Text(2);
        r.imported_at = st.Int(3);
        r.error = RowError{static_cast<int>(st.Int(4)), st.Text(5), st.Text(6), st.Text(7)};
        return r;
      });
}

Result<std::vector<Supersession>> SupersessionsOf(storage::Database& db, std::int64_t import_id) {
  return storage::Rows<Supersession>(
      db,
      "SELECT import_id, old_row_id, new_row_id, row_number, kind FROM import_supersession "
      "WHERE import_id = ?1 ORDER BY row_number, id",
      [&](Statement& st) { st.Bind(1, import_id); },
      [](const Statement& st) {
        Supersession s;
        s.import_id = st.Int(0);
        s.old_row_id = st.Int(1);
        s.new_row_id = st.Int(2);
        s.row_number = st.Int(3);
        s.kind = st.Text(4);
        return s;
      });
}

}  // namespace ordo::mis::imports
