// The import kinds as data: each kind's columns (name, type, required), natural key,
// row table and cross-column rules. One table drives parsing, the store's SQL, the
// comparison of rows and the docs (docs/mis-imports.md). Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mis/imports/domain/row.h"

namespace ordo::mis::imports {

enum class ColumnType {
  kText,      // free text, at most kMaxTextBytes bytes
  kEnum,      // one of `choices`
  kTime,      // ISO 8601 with an offset -> UTC microseconds
  kDate,      // YYYY-MM-DD (a calendar day, no time zone)
  kNumber,    // decimal >= 0 (> 0 when `positive`), kept as its canonical text
  kCount,     // whole number >= 0
  kCurrency,  // ISO 4217 code: three upper-case letters
  // A date YYYY-MM-DD, or an ISO 8601 time with an offset; kept as text: the date as
  // given, the time in its canonical UTC form (FormatUtcMicros: ...T09:00:00.000000Z), so
  // that one instant written with two offsets is one value.
  kDateOrTime,
};

// Longest text value (bytes) a cell may hold.
inline constexpr std::size_t kMaxTextBytes = 1000;

struct ColumnSpec {
  std::string name;
  ColumnType type = ColumnType::kText;
  bool required = false;
  std::vector<std::string> choices;  // kEnum only
  bool positive = false;             // kNumber: must be > 0
  bool zero_when_empty = false;      // kCount: an empty optional cell is 0, not NULL
  std::string doc;                   // meaning and unit, for the docs
};

struct KindSpec;
// Reads the values of one row by column name (the kind's column order is hidden).
class RowView {
 public:
  RowView(const KindSpec& spec, const std::vector<Value>& values) : spec_(spec), values_(values) {}
  // The text of a text-like column ("" when empty).
  std::string Text(std::string_view column) const;
  // The integer of a time or count column (nullopt when empty).
  std::optional<std::int64_t> Int(std::string_view column) const;
  // The text of a date column ("" when empty); YYYY-MM-DD sorts as it compares.
  std::string Date(std::string_view column) const { return Text(column); }
  // The text of a date-or-time column ("" when empty): YYYY-MM-DD, or a UTC time
  // YYYY-MM-DDTHH:MM:SS.ffffffZ (IsTimeText tells them apart).
  std::string DateOrTime(std::string_view column) const { return Text(column); }

 private:
  const KindSpec& spec_;
  const std::vector<Value>& values_;
};

// Cross-column rules of one row whose cells all parsed: appends refusals to `errors`.
using RowCheck = void (*)(const RowView& row, int line, std::vector<RowError>* errors);

struct KindSpec {
  std::string name;   // as in the URL and the CLI: "states"
  std::string table;  // the SQL table of its rows: "import_states"
  std::string doc;    // one sentence for the docs
  std::vector<ColumnSpec> columns;
  std::vector<std::string> key;  // natural key columns (each required or text-like)
  RowCheck check = nullptr;

  // The index of `column`, or -1.
  int Column(std::string_view column) const;
  // The column names joined with ", ".
  std::string ColumnNames() const;
};

// The eleven kinds of issue 13 section 5, in the order, then cost_rates (the
// finance rate that npt_cost needs) and planned_cycle_times (the cycle times of policy
// cycle_time=planned).
const std::vector<KindSpec>& Kinds();
// The kind named `name`, or nullptr.
const KindSpec* FindKind(std::string_view name);
// "equipment, calendar, states, ..." for messages.
std::string KindNames();

// The natural key of `values` as one string (key cells joined by U+001F), for maps.
std::string KeyOf(const KindSpec& spec, const std::vector<Value>& values);
// Whether the stored text of a kDateOrTime cell is a time (it holds a 'T'), not a date.
bool IsTimeText(std::string_view date_or_time);

// A readable form of a value for messages ("" for empty, times as UTC ISO 8601).
std::string ShowValue(const ColumnSpec& column, const Value& value);

}  // namespace ordo::mis::imports
