// Parsing an import file (parse_import.h): reader -> cells by column name -> typed row ->
// row rules -> duplicate keys.
#include "mis/imports/domain/parse_import.h"

#include <optional>
#include <unordered_map>

#include "core/crypto.h"
#include "mis/imports/domain/cells.h"
#include "mis/imports/domain/csv_reader.h"
#include "mis/imports/domain/ndjson_reader.h"

namespace ordo::mis::imports {

namespace {

// The raw text of each column of one record, in the kind's column order ("" = empty or
// missing).
using Cells = std::vector<std::string_view>;

ParsedRow TypedRow(const KindSpec& spec, int line, const Cells& cells,
                   std::vector<RowError> errors) {
  ParsedRow row;
  row.line = line;
  row.values.resize(spec.columns.size());
  row.errors = std::move(errors);
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const ColumnSpec& column = spec.columns[i];
    bool refused_already = false;  // e.g. an NDJSON member of a bad type
    for (const auto& error : row.errors) refused_already |= error.field == column.name;
    if (refused_already) continue;
    const std::string_view text = TrimCell(cells[i]);
    if (text.empty()) {
      if (column.required)
        row.errors.push_back(
            {line, column.name, "missing_value", column.name + " is required: " + column.doc});
      else
        row.values[i] = EmptyValue(column);
      continue;
    }
    RowError error;
    if (!ParseCell(column, text, line, &row.values[i], &error)) row.errors.push_back(error);
  }
  if (row.errors.empty() && spec.check) spec.check(RowView(spec, row.values), line, &row.errors);
  return row;
}

// Refuses later rows whose natural key an earlier good row of the file has.
void RefuseDuplicateKeys(const KindSpec& spec, std::vector<ParsedRow>* rows) {
  std::string key_name;
  for (const auto& column : spec.key) key_name += (key_name.empty() ? "" : "+") + column;
  std::unordered_map<std::string, int> first_line;
  for (auto& row : *rows) {
    if (row.refused()) continue;
    auto [it, inserted] = first_line.emplace(KeyOf(spec, row.values), row.line);
    if (inserted) continue;
    std::string shown;
    for (const auto& column : spec.key) {
      const int i = spec.Column(column);
      shown += (shown.empty() ? "" : ", ") + ShowValue(spec.columns[i], row.values[i]);
    }
    row.errors.push_back({row.line, key_name, "duplicate_key_in_file",
                          key_name + " (" + shown + ") repeats the row of line " +
                              std::to_string(it->second) +
                              "; a file may hold each natural key once"});
  }
}

Result<std::vector<ParsedRow>> CsvRows(const KindSpec& spec, std::string_view body) {
  auto table = ReadCsv(body);
  if (!table.ok()) return table.error();
  std::vector<int> index;  // header position -> column
  std::vector<bool> seen(spec.columns.size(), false);
  for (const auto& raw : table->header.cells) {
    const std::string name(TrimCell(raw));
    const int i = spec.Column(name);
    if (i < 0)
      return Error::Invalid(Excerpt(name, 100),
                            "the header names '" + Excerpt(name, 100) +
                                "', which is not a column of " + spec.name + " (" +
                                spec.ColumnNames() + ")",
                            "unknown_column");
    if (seen[i])
      return Error::Invalid(name, "the header names " + name + " twice", "duplicate_column");
    seen[i] = true;
    index.push_back(i);
  }
  std::string missing;
  for (std::size_t i = 0; i < spec.columns.size(); ++i)
    if (spec.columns[i].required && !seen[i])
      missing += (missing.empty() ? "" : ", ") + spec.columns[i].name;
  if (!missing.empty())
    return Error::Invalid(missing.substr(0, missing.find(',')),
                          "the header lacks the required column(s) " + missing + " of " +
                              spec.name + " (columns: " + spec.ColumnNames() + ")",
                          "missing_column");
  if (table->records.size() > kMaxRows)
    return Error{ErrorCode::kResourceExhausted,
                 "the file has " + std::to_string(table->records.size()) + " rows; at most " +
                     std::to_string(kMaxRows) + " per file",
                 "body", "too_many_rows"};
  std::vector<ParsedRow> rows;
  rows.reserve(table->records.size());
  for (const auto& record : table->records) {
    Cells cells(spec.columns.size());
    std::vector<RowError> errors;
    if (record.cells.size() != index.size()) {
      errors.push_back({record.line, "row", "wrong_column_count",
                        "the row has " + std::to_string(record.cells.size()) +
                            " cells; the header has " + std::to_string(index.size())});
      ParsedRow row{record.line, std::vector<Value>(spec.columns.size()), std::move(errors)};
      rows.push_back(std::move(row));
      continue;
    }
    for (std::size_t k = 0; k < index.size(); ++k) cells[index[k]] = record.cells[k];
    rows.push_back(TypedRow(spec, record.line, cells, std::move(errors)));
  }
  return rows;
}

Result<std::vector<ParsedRow>> NdjsonRows(const KindSpec& spec, std::string_view body) {
  auto records = ReadNdjson(body);
  if (!records.ok()) return records.error();
  if (records->size() > kMaxRows)
    return Error{ErrorCode::kResourceExhausted,
                 "the file has " + std::to_string(records->size()) + " rows; at most " +
                     std::to_string(kMaxRows) + " per file",
                 "body", "too_many_rows"};
  std::vector<ParsedRow> rows;
  rows.reserve(records->size());
  for (const auto& record : *records) {
    Cells cells(spec.columns.size());
    std::vector<RowError> errors = record.errors;
    for (const auto& [name, text] : record.cells) {
      const int i = spec.Column(name);
      if (i < 0)
        errors.push_back({record.line, Excerpt(name, 100), "unknown_column",
                          "'" + Excerpt(name, 100) + "' is not a column of " + spec.name + " (" +
                              spec.ColumnNames() + ")"});
      else
        cells[i] = text;
    }
    if (!record.errors.empty() && record.errors.front().reason == "bad_json") {
      rows.push_back({record.line, std::vector<Value>(spec.columns.size()), std::move(errors)});
      continue;
    }
    rows.push_back(TypedRow(spec, record.line, cells, std::move(errors)));
  }
  return rows;
}

}  // namespace

const char* ContentTypeOf(Format format) {
  return format == Format::kCsv ? "text/csv" : "application/x-ndjson";
}

Result<ParsedImport> ParseImport(const KindSpec& spec, Format format, std::string_view body) {
  auto rows = format == Format::kCsv ? CsvRows(spec, body) : NdjsonRows(spec, body);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return Error::Invalid("body", "the file holds no data rows", "no_rows");
  RefuseDuplicateKeys(spec, &*rows);
  ParsedImport parsed;
  parsed.spec = &spec;
  parsed.format = format;
  parsed.file_hash = Sha256Hex(body);
  parsed.rows = std::move(*rows);
  return parsed;
}

}  // namespace ordo::mis::imports
