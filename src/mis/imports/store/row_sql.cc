// The SQL of the kinds' row tables (detail/row_sql.h).
#include "mis/imports/store/detail/row_sql.h"

namespace ordo::mis::imports::detail {

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

std::string ColumnList(const KindSpec& spec) {
  std::string out;
  for (const auto& c : spec.columns) out += (out.empty() ? "" : ", ") + Quoted(c.name);
  return out;
}

std::string SelectCurrentSql(const KindSpec& spec) {
  std::string sql = "SELECT row_id, " + ColumnList(spec) + " FROM " + spec.table +
                    " WHERE superseded_by_import IS NULL";
  for (std::size_t k = 0; k < spec.key.size(); ++k)
    sql += " AND " + Quoted(spec.key[k]) + " = ?" + std::to_string(k + 1);
  return sql;
}

std::string InsertSql(const KindSpec& spec) {
  std::string params = "?1, ?2";
  for (std::size_t i = 0; i < spec.columns.size(); ++i) params += ", ?" + std::to_string(i + 3);
  return "INSERT INTO " + spec.table + " (import_id, row_number, " + ColumnList(spec) +
         ") VALUES (" + params + ") RETURNING row_id";
}

void BindValue(storage::Statement& st, int index, const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value))
    st.Bind(index, std::string_view(*text));
  else if (const auto* number = std::get_if<std::int64_t>(&value))
    st.Bind(index, *number);
  else
    st.BindNull(index);
}

Value ReadValue(const storage::Statement& st, int index, const ColumnSpec& column) {
  if (st.IsNull(index)) return Value();
  if (column.type == ColumnType::kTime || column.type == ColumnType::kCount) return st.Int(index);
  return st.Text(index);
}

}  // namespace ordo::mis::imports::detail
