// Parsing an import file of one kind into typed rows with per-row refusals. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "mis/imports/domain/kind_spec.h"
#include "mis/imports/domain/row.h"

namespace ordo::mis::imports {

enum class Format { kCsv, kNdjson };

// The media type of a format: "text/csv" or "application/x-ndjson".
const char* ContentTypeOf(Format format);

// Most data rows one file may hold.
inline constexpr std::size_t kMaxRows = 250'000;

// A parsed file: its kind, format, SHA-256 of the body (lower-case hex) and every data
// row in file order, good and refused.
struct ParsedImport {
  const KindSpec* spec = nullptr;
  Format format = Format::kCsv;
  std::string file_hash;
  std::vector<ParsedRow> rows;
};

// Parses `body` as `format` for `spec`.
//
// CSV: the header names the columns, in any order. Fails as a whole (invalid_argument,
// field the column or "body") with reason:
// - the reader's invalid_utf8, unterminated_quote, bad_quote, no_header (csv_reader.h);
// - missing_column: a required column is not in the header (the message lists them all);
// - unknown_column: a header name that is not a column of the kind (a misspelt optional
//   column would otherwise be dropped silently);
// - duplicate_column: a column named twice.
// A record with another number of cells than the header is refused (wrong_column_count).
// NDJSON: each line's members name the columns; a member that is not a column refuses
// its row (unknown_column), a missing member is an empty cell.
// Both: fails with no_rows when there is no data row and too_many_rows
// (resource_exhausted) beyond kMaxRows. Cells are trimmed of spaces and tabs; an empty
// required cell is refused (missing_value); others parse by type (cells.h), then the
// kind's row rules run on rows whose cells all parsed. A later row with the natural key
// of an earlier good row is refused (duplicate_key_in_file, naming the earlier line).
Result<ParsedImport> ParseImport(const KindSpec& spec, Format format, std::string_view body);

}  // namespace ordo::mis::imports
