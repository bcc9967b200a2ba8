// ReadRefusedRows.
#include "mis/data_quality/refused_rows.h"

#include "storage/rows.h"

namespace ordo::mis::data_quality {

Result<std::vector<RefusedRow>> ReadRefusedRows(storage::Database& db, int limit) {
  return storage::Rows<RefusedRow>(
      db,
      "SELECT i.kind, i.file_hash, e.line, e.field, e.reason, e.message, i.imported_at "
      "FROM import_row_error e JOIN import i ON i.id = e.import_id ORDER BY e.id DESC LIMIT ?",
      [limit](storage::Statement& s) { s.Bind(1, static_cast<std::int64_t>(limit)); },
      [](const storage::Statement& s) {
        return RefusedRow{s.Text(0), s.Text(1), s.Int(2), s.Text(3),
                          s.Text(4), s.Text(5), s.Int(6)};
      });
}

}  // namespace ordo::mis::data_quality
