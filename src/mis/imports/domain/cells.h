// Typed cells: parsing one text cell of an import by its column type into a Value, with
// the refusal (reason code and message naming the column) when it does not parse. Pure.
#pragma once

#include <string>
#include <string_view>

#include "mis/imports/domain/kind_spec.h"
#include "mis/imports/domain/row.h"

namespace ordo::mis::imports {

// Largest count a kCount cell may hold (sums of a few stay far from overflow).
inline constexpr std::int64_t kMaxCount = 1'000'000'000'000'000;

// The cell without leading and trailing spaces and tabs.
std::string_view TrimCell(std::string_view text);

// Parses the non-empty, trimmed `text` of `column` into `*out`. On failure returns false
// and fills `*error` (line `line`, field the column name) with one of:
// - too_long: text over kMaxTextBytes;
// - bad_enum: not one of the choices (the message lists them);
// - bad_time: not YYYY-MM-DDTHH:MM:SS[.ffffff] followed by Z or +HH:MM / -HH:MM;
// - time_without_offset: a valid local time without Z or an offset (times are never
//   guessed into a zone);
// - bad_date: not a valid YYYY-MM-DD;
// - bad_date_or_time: (kDateOrTime) neither a valid YYYY-MM-DD nor a time as for
//   bad_time (the message names both forms); a valid time without an offset is
//   time_without_offset, as for kTime. A date is kept as given, a time as its UTC form
//   FormatUtcMicros (2026-01-05T10:00:00+01:00 -> 2026-01-05T09:00:00.000000Z);
// - bad_number: not a plain decimal (digits, one point, optional exponent), or a count
//   that is not a whole number up to kMaxCount;
// - negative_number: below zero;
// - not_positive: zero where the column needs more than zero;
// - bad_currency: not three upper-case letters.
bool ParseCell(const ColumnSpec& column, std::string_view text, int line, Value* out,
               RowError* error);

// The value of an empty cell of an optional column: "" for text-like columns, 0 for a
// count with zero_when_empty, empty (NULL) otherwise.
Value EmptyValue(const ColumnSpec& column);

// The canonical text of a decimal number (shortest form that reads back the same double:
// "12.5", "100", "1e+20"); false when `text` is not a plain finite decimal.
bool CanonicalDecimal(std::string_view text, std::string* out, double* value);

// At most `max_bytes` of `text` for a message: cut at a character boundary, invalid
// UTF-8 bytes and control characters replaced by '?', "..." appended when cut. Always
// valid UTF-8 (messages end up in JSON).
std::string Excerpt(std::string_view text, std::size_t max_bytes = 60);

// 1-based line of the first byte that is not valid UTF-8 (overlong forms, surrogates and
// code points above U+10FFFF are invalid), or 0 when `text` is valid.
int FirstInvalidUtf8Line(std::string_view text);

}  // namespace ordo::mis::imports
