// The MIS import entry point: a file of one kind in, a report out. ordo-mis calls it from
// POST /api/v1/imports/{kind} and `ordo-mis import KIND FILE`. docs/mis-imports.md has
// the kinds, columns, codes and rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mis/imports/domain/parse_import.h"
#include "mis/imports/domain/report.h"
#include "storage/database.h"

namespace ordo::mis::imports {

// Largest body one import takes (32 MiB).
inline constexpr std::size_t kMaxBodyBytes = 32u * 1024 * 1024;
// Most errors ToJson lists (the store keeps them all; LoadReport reads them all).
inline constexpr std::size_t kMaxReportErrors = 1000;

// The format of a Content-Type: "text/csv" or "application/x-ndjson", case-insensitive,
// with optional parameters after ';' (a charset, when given, must be utf-8). Anything
// else fails unsupported_media_type with reason unsupported_content_type.
Result<Format> FormatOfContentType(std::string_view content_type);

// Checks, parses and stores one import file (ParseImport, then ApplyImport; the import
// tables must exist). Refusals of the whole file, with nothing stored:
// - not_found, reason unknown_kind (field "kind"): `kind` is none of Kinds();
// - unsupported_media_type, reason unsupported_content_type (field "content_type");
// - invalid_argument, reason empty_body (field "body");
// - resource_exhausted, reason body_too_large (field "body"): over kMaxBodyBytes;
// - the file refusals of ParseImport (invalid_utf8, unterminated_quote, bad_quote,
//   no_header, missing_column, unknown_column, duplicate_column, no_rows, too_many_rows);
// - the store's error when applying fails.
// Otherwise the report: refused rows are in it and stored; duplicate_file when the same
// kind and file were imported before. Not thread-safe: the connection's owner thread.
Result<ImportReport> RunImport(storage::Database& db, const std::string& kind,
                               const std::string& content_type, std::string_view body,
                               const std::string& user, TimeMicros now);

// RunImport's checks and parse without the store: the same whole-file refusals but the
// store's. Pure and thread-safe: the server runs it on its pool, then ApplyImport
// (store/apply.h) on the connection's thread.
Result<ParsedImport> PrepareImport(const std::string& kind, const std::string& content_type,
                                   std::string_view body);

// The report as JSON: import_id, kind, file_hash, content_type, imported_by, imported_at
// (ISO 8601 UTC), duplicate_file, rows {total, imported, unchanged, superseded, refused},
// errors [{line, field, reason, message}] (the first kMaxReportErrors) and
// errors_omitted (how many more there are).
Json ToJson(const ImportReport& report);

}  // namespace ordo::mis::imports
