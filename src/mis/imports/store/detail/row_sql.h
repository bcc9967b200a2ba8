// Private to store/: the SQL of a kind's row table, built from the kind table, and the
// binding and reading of typed values.
#pragma once

#include <string>

#include "mis/imports/domain/kind_spec.h"
#include "storage/database.h"

namespace ordo::mis::imports::detail {

// "\"name\"": every kind column is quoted ("end", "order" are keywords).
std::string Quoted(const std::string& name);
// `"c1", "c2", ...` of every column of the kind, in its order.
std::string ColumnList(const KindSpec& spec);
// SELECT row_id, <columns> of the current row whose natural key is bound as ?1..?n.
std::string SelectCurrentSql(const KindSpec& spec);
// INSERT of one row: ?1 import_id, ?2 row_number, ?3.. the columns; RETURNING row_id.
std::string InsertSql(const KindSpec& spec);

// Binds `value` at `index`: text as text, int64 as integer, empty as NULL.
void BindValue(storage::Statement& st, int index, const Value& value);
// Reads column `index` of the current row as a value of `column`'s type.
Value ReadValue(const storage::Statement& st, int index, const ColumnSpec& column);

}  // namespace ordo::mis::imports::detail
