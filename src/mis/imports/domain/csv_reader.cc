// The RFC 4180 CSV reader (csv_reader.h): one pass over the bytes, a small state machine.
#include "mis/imports/domain/csv_reader.h"

#include "mis/imports/domain/cells.h"

namespace ordo::mis::imports {

namespace {

Error BodyError(int line, std::string message, const char* reason) {
  return Error::Invalid("body", "line " + std::to_string(line) + ": " + std::move(message), reason);
}

enum class State { kFieldStart, kUnquoted, kQuoted, kAfterQuote };

}  // namespace

Result<CsvTable> ReadCsv(std::string_view body) {
  if (const int bad = FirstInvalidUtf8Line(body); bad != 0)
    return BodyError(bad, "the file is not valid UTF-8 (save it as UTF-8)", "invalid_utf8");
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);

  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string cell;
  State state = State::kFieldStart;
  bool any_quoted = false;  // a quoted cell in this record: never a blank line
  int line = 1;
  int quote_line = 0;
  record.line = 1;

  auto end_record = [&] {
    record.cells.push_back(std::move(cell));
    cell.clear();
    const bool blank = record.cells.size() == 1 && record.cells[0].empty() && !any_quoted;
    if (!blank) records.push_back(std::move(record));
    record = CsvRecord{};
    record.line = line;
    any_quoted = false;
    state = State::kFieldStart;
  };

  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    const bool line_break = c == '\n' || c == '\r';
    if (state == State::kQuoted) {
      if (c == '"') {
        if (i + 1 < body.size() && body[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          state = State::kAfterQuote;
        }
      } else {
        if (c == '\n' || (c == '\r' && (i + 1 >= body.size() || body[i + 1] != '\n'))) ++line;
        cell += c;
      }
      continue;
    }
    if (line_break) {
      if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') ++i;
      ++line;
      end_record();
      continue;
    }
    if (c == ',') {
      record.cells.push_back(std::move(cell));
      cell.clear();
      state = State::kFieldStart;
      continue;
    }
    switch (state) {
      case State::kFieldStart:
        if (c == '"') {
          state = State::kQuoted;
          any_quoted = true;
          quote_line = line;
        } else {
          cell += c;
          state = State::kUnquoted;
        }
        break;
      case State::kUnquoted:
        if (c == '"')
          return BodyError(
              line, "a quote inside an unquoted cell (quote the whole cell and double the quote)",
              "bad_quote");
        cell += c;
        break;
      case State::kAfterQuote:
        return BodyError(line, "text after the closing quote of a cell", "bad_quote");
      case State::kQuoted:
        break;
    }
  }
  if (state == State::kQuoted)
    return BodyError(quote_line, "a quoted cell is not closed before the end of the file",
                     "unterminated_quote");
  if (state != State::kFieldStart || !record.cells.empty()) end_record();

  if (records.empty()) return BodyError(line, "the file has no header row", "no_header");
  CsvTable table;
  table.header = std::move(records.front());
  table.records.assign(std::make_move_iterator(records.begin() + 1),
                       std::make_move_iterator(records.end()));
  return table;
}

}  // namespace ordo::mis::imports
