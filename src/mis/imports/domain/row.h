// The values of an import: one typed cell (Value), one refusal of a row (RowError) and
// one parsed row (ParsedRow). Pure values, shared by the readers, the kinds and the store.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace ordo::mis::imports {

// One typed cell. monostate: empty (SQL NULL); string: text, enum, date (YYYY-MM-DD),
// currency and decimal numbers (canonical shortest form, e.g. "12.5"); int64: times (UTC
// microseconds) and counts.
using Value = std::variant<std::monostate, std::string, std::int64_t>;

// Why a row (or, with line 0, the file) was refused. `field` is the column name ("row"
// for the row as a whole); `reason` a stable code (docs/mis-imports.md lists them);
// `message` names the field and what was expected.
struct RowError {
  int line = 0;
  std::string field, reason, message;
  bool operator==(const RowError&) const = default;
};

// One data row of an import: the physical line where its record starts (the CSV header is
// line 1), its values in the kind's column order, and its errors (refused when any).
struct ParsedRow {
  int line = 0;
  std::vector<Value> values;
  std::vector<RowError> errors;
  bool refused() const { return !errors.empty(); }
};

}  // namespace ordo::mis::imports
