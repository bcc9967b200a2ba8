// The MIS import entry point (imports.h).
#include "mis/imports/imports.h"

#include <algorithm>
#include <cctype>

#include "mis/imports/domain/cells.h"
#include "mis/imports/store/apply.h"

namespace ordo::mis::imports {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string Trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

Error Unsupported(std::string_view content_type) {
  return Error{ErrorCode::kUnsupportedMediaType,
               "content type '" + Excerpt(content_type, 100) +
                   "' is not taken; send text/csv (with a header row) or application/x-ndjson "
                   "(one JSON object per line), UTF-8",
               "content_type", "unsupported_content_type"};
}

}  // namespace

Result<Format> FormatOfContentType(std::string_view content_type) {
  const std::string lower = Lower(content_type);
  const std::size_t semicolon = lower.find(';');
  const std::string type = Trimmed(std::string_view(lower).substr(0, semicolon));
  Format format;
  if (type == "text/csv")
    format = Format::kCsv;
  else if (type == "application/x-ndjson")
    format = Format::kNdjson;
  else
    return Unsupported(content_type);
  std::size_t pos = semicolon;
  while (pos != std::string::npos) {
    const std::size_t next = lower.find(';', pos + 1);
    const std::string parameter = Trimmed(std::string_view(lower).substr(
        pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1));
    if (parameter.rfind("charset=", 0) == 0) {
      std::string charset = parameter.substr(8);
      charset.erase(std::remove(charset.begin(), charset.end(), '"'), charset.end());
      if (charset != "utf-8" && charset != "utf8") return Unsupported(content_type);
    }
    pos = next;
  }
  return format;
}

Result<ImportReport> RunImport(storage::Database& db, const std::string& kind,
                               const std::string& content_type, std::string_view body,
                               const std::string& user, TimeMicros now) {
  auto parsed = PrepareImport(kind, content_type, body);
  if (!parsed.ok()) return parsed.error();
  return ApplyImport(db, *parsed, user, now);
}

Result<ParsedImport> PrepareImport(const std::string& kind, const std::string& content_type,
                                   std::string_view body) {
  const KindSpec* spec = FindKind(kind);
  if (!spec)
    return Error{ErrorCode::kNotFound,
                 "no import kind '" + Excerpt(kind, 100) + "'; the kinds are " + KindNames(),
                 "kind", "unknown_kind"};
  auto format = FormatOfContentType(content_type);
  if (!format.ok()) return format.error();
  if (body.empty()) return Error::Invalid("body", "the body is empty: send the file", "empty_body");
  if (body.size() > kMaxBodyBytes)
    return Error{ErrorCode::kResourceExhausted,
                 "the body has " + std::to_string(body.size()) + " bytes; at most " +
                     std::to_string(kMaxBodyBytes) + " (32 MiB) per import: split the file",
                 "body", "body_too_large"};
  return ParseImport(*spec, *format, body);
}

Json ToJson(const ImportReport& report) {
  Json errors = Json::array();
  const std::size_t shown = std::min(report.errors.size(), kMaxReportErrors);
  for (std::size_t i = 0; i < shown; ++i) {
    const RowError& e = report.errors[i];
    errors.push_back(
        {{"line", e.line}, {"field", e.field}, {"reason", e.reason}, {"message", e.message}});
  }
  return Json{{"import_id", report.import_id},
              {"kind", report.kind},
              {"file_hash", report.file_hash},
              {"content_type", report.content_type},
              {"imported_by", report.imported_by},
              {"imported_at", FormatUtcMicros(report.imported_at)},
              {"duplicate_file", report.duplicate_file},
              {"rows",
               {{"total", report.total},
                {"imported", report.imported},
                {"unchanged", report.unchanged},
                {"superseded", report.superseded},
                {"refused", report.refused}}},
              {"errors", std::move(errors)},
              {"errors_omitted", report.errors.size() - shown}};
}

}  // namespace ordo::mis::imports
