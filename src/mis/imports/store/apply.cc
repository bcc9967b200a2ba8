// Applying a parsed import (apply.h).
#include "mis/imports/store/apply.h"

#include "mis/imports/store/detail/row_sql.h"
#include "mis/imports/store/queries.h"
#include "storage/rows.h"

namespace ordo::mis::imports {

namespace {

using storage::Statement;

// The SQL of one kind's row table, built once per import.
struct KindSql {
  std::string select_current, insert, supersede;
  explicit KindSql(const KindSpec& spec)
      : select_current(detail::SelectCurrentSql(spec)),
        insert(detail::InsertSql(spec)),
        supersede("UPDATE " + spec.table + " SET superseded_by_import = ?1 WHERE row_id = ?2") {}
};

struct Current {
  std::int64_t row_id = 0;
  std::vector<Value> values;
};

Result<std::optional<Current>> FindCurrent(storage::Database& db, const KindSpec& spec,
                                           const KindSql& sql, const std::vector<Value>& values) {
  return storage::FirstRow<Current>(
      db, sql.select_current,
      [&](Statement& st) {
        for (std::size_t k = 0; k < spec.key.size(); ++k)
          detail::BindValue(st, static_cast<int>(k + 1), values[spec.Column(spec.key[k])]);
      },
      [&](const Statement& st) {
        Current c;
        c.row_id = st.Int(0);
        for (std::size_t i = 0; i < spec.columns.size(); ++i)
          c.values.push_back(detail::ReadValue(st, static_cast<int>(i + 1), spec.columns[i]));
        return c;
      });
}

Result<std::int64_t> InsertRow(storage::Database& db, const KindSql& sql, std::int64_t import_id,
                               const ParsedRow& row) {
  auto id = storage::FirstRow<std::int64_t>(
      db, sql.insert,
      [&](Statement& st) {
        st.Bind(1, import_id).Bind(2, std::int64_t{row.line});
        for (std::size_t i = 0; i < row.values.size(); ++i)
          detail::BindValue(st, static_cast<int>(i + 3), row.values[i]);
      },
      [](const Statement& st) { return st.Int(0); });
  if (!id.ok()) return id.error();
  if (!id->has_value())
    return Error::Make(ErrorCode::kInternal, "an import row insert returned no id");
  return **id;
}

Status StoreErrors(storage::Database& db, std::int64_t import_id, const ParsedRow& row) {
  for (const auto& e : row.errors) {
    ORDO_TRY(storage::Run(db,
                          "INSERT INTO import_row_error (import_id, line, field, reason, message) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                          [&](Statement& st) {
                            st.Bind(1, import_id).Bind(2, std::int64_t{e.line}).Bind(3, e.field);
                            st.Bind(4, e.reason).Bind(5, e.message);
                          }));
  }
  return Ok();
}

// Stores one good row; counts it in `report`.
Status StoreRow(storage::Database& db, const KindSpec& spec, const KindSql& sql,
                std::int64_t import_id, const ParsedRow& row, ImportReport* report) {
  auto current = FindCurrent(db, spec, sql, row.values);
  if (!current.ok()) return current.error();
  if (current->has_value() && (*current)->values == row.values) {
    ++report->unchanged;
    return Ok();
  }
  if (current->has_value()) {
    ORDO_TRY(storage::Run(db, sql.supersede, [&](Statement& st) {
      st.Bind(1, import_id).Bind(2, (*current)->row_id);
    }));
  }
  auto new_id = InsertRow(db, sql, import_id, row);
  if (!new_id.ok()) return new_id.error();
  if (!current->has_value()) {
    ++report->imported;
    return Ok();
  }
  ++report->superseded;
  return storage::Run(db,
                      "INSERT INTO import_supersession (import_id, kind, old_row_id, new_row_id, "
                      "row_number) VALUES (?1, ?2, ?3, ?4, ?5)",
                      [&](Statement& st) {
                        st.Bind(1, import_id).Bind(2, spec.name).Bind(3, (*current)->row_id);
                        st.Bind(4, *new_id).Bind(5, std::int64_t{row.line});
                      });
}

}  // namespace

Result<ImportReport> ApplyImport(storage::Database& db, const ParsedImport& parsed,
                                 const std::string& user, TimeMicros now) {
  const KindSpec& spec = *parsed.spec;
  storage::Transaction tx(db);
  if (!tx.begin_status().ok()) return tx.begin_status().error();

  auto earlier = FindImport(db, spec.name, parsed.file_hash);
  if (!earlier.ok()) return earlier.error();
  if (earlier->has_value()) {
    auto report = LoadReport(db, **earlier);
    if (!report.ok()) return report.error();
    report->duplicate_file = true;
    return report;  // nothing written; the transaction rolls back
  }

  ImportReport report;
  report.kind = spec.name;
  report.file_hash = parsed.file_hash;
  report.content_type = ContentTypeOf(parsed.format);
  report.imported_by = user;
  report.imported_at = now;
  report.total = static_cast<std::int64_t>(parsed.rows.size());
  auto id = storage::FirstRow<std::int64_t>(
      db,
      "INSERT INTO import (kind, file_hash, content_type, imported_by, imported_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
      [&](Statement& st) {
        st.Bind(1, report.kind).Bind(2, report.file_hash).Bind(3, report.content_type);
        st.Bind(4, user).Bind(5, std::int64_t{now});
      },
      [](const Statement& st) { return st.Int(0); });
  if (!id.ok()) return id.error();
  if (!id->has_value())
    return Error::Make(ErrorCode::kInternal, "the import insert returned no id");
  report.import_id = **id;

  const KindSql sql(spec);
  for (const auto& row : parsed.rows) {
    if (row.refused()) {
      ++report.refused;
      ORDO_TRY(StoreErrors(db, report.import_id, row));
      report.errors.insert(report.errors.end(), row.errors.begin(), row.errors.end());
      continue;
    }
    ORDO_TRY(StoreRow(db, spec, sql, report.import_id, row, &report));
  }
  ORDO_TRY(storage::Run(db,
                        "UPDATE import SET rows_total = ?1, rows_imported = ?2, rows_unchanged = "
                        "?3, rows_superseded = ?4, rows_refused = ?5 WHERE id = ?6",
                        [&](Statement& st) {
                          st.Bind(1, report.total).Bind(2, report.imported);
                          st.Bind(3, report.unchanged).Bind(4, report.superseded);
                          st.Bind(5, report.refused).Bind(6, report.import_id);
                        }));
  ORDO_TRY(tx.Commit());
  return report;
}

}  // namespace ordo::mis::imports
