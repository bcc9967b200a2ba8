// CSV parsing of a lot import (lot_import.h).
#include "mes/lots/domain/lot_import.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "mes/lots/domain/lot.h"

namespace ordo::lots {

namespace {

constexpr const char* kColumns[] = {"lot",      "material", "supplier", "supplier_lot",
                                    "quantity", "unit",     "expiry",   "retest"};
constexpr std::size_t kColumnCount = 8;

struct Record {
  int line = 0;
  std::vector<std::string> cells;
};

// Splits `content` into records (RFC 4180: "" inside quotes is a quote; a quoted cell
// may hold commas and line breaks). Fails naming the line of an unclosed quote.
Result<std::vector<Record>> SplitRecords(const std::string& content) {
  std::vector<Record> records;
  std::size_t i = 0;
  if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  int line = 1;
  while (i < content.size()) {
    Record r;
    r.line = line;
    std::string cell;
    bool quoted_cell = false;
    bool end_of_record = false;
    while (!end_of_record) {
      if (i >= content.size()) {
        end_of_record = true;
        break;
      }
      char c = content[i];
      if (c == '"' && cell.empty() && !quoted_cell) {
        quoted_cell = true;
        const int opened = line;
        ++i;
        while (true) {
          if (i >= content.size())
            return Error::Invalid(
                "content",
                "line " + std::to_string(opened) + ": a quoted field is not closed before the end",
                "malformed_csv");
          if (content[i] == '"') {
            if (i + 1 < content.size() && content[i + 1] == '"') {
              cell += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (content[i] == '\n') ++line;
          cell += content[i++];
        }
        continue;
      }
      if (c == ',') {
        r.cells.push_back(std::move(cell));
        cell.clear();
        quoted_cell = false;
        ++i;
      } else if (c == '\r' && i + 1 < content.size() && content[i + 1] == '\n') {
        i += 2;
        ++line;
        end_of_record = true;
      } else if (c == '\n') {
        ++i;
        ++line;
        end_of_record = true;
      } else {
        cell += c;
        ++i;
      }
    }
    r.cells.push_back(std::move(cell));
    const bool blank = r.cells.size() == 1 && r.cells[0].empty();
    if (!blank) records.push_back(std::move(r));
  }
  return records;
}

std::string Trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

bool ParseQuantity(const std::string& text, double* out) {
  const std::string t = Trimmed(text);
  if (t.empty()) return false;
  for (char c : t)
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
      return false;
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  if (errno != 0 || end != t.c_str() + t.size() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

Result<std::vector<ImportRow>> ParseLotCsv(const std::string& content) {
  auto records = SplitRecords(content);
  if (!records.ok()) return records.error();
  if (records->empty())
    return Error::Invalid(
        "content",
        std::string("the CSV is empty; its first line must be the header ") + kImportHeader,
        "wrong_header");
  const Record& header = records->front();
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    const std::string found = c < header.cells.size() ? Trimmed(header.cells[c]) : "";
    if (found != kColumns[c])
      return Error::Invalid("content",
                            "line 1: column " + std::to_string(c + 1) + " of the header must be " +
                                kColumns[c] + ", not '" + found + "' (the header is " +
                                kImportHeader + ")",
                            "wrong_header");
  }
  if (header.cells.size() != kColumnCount)
    return Error::Invalid(
        "content",
        std::string("line 1: the header has more than 8 columns (it is ") + kImportHeader + ")",
        "wrong_header");
  if (records->size() - 1 > kMaxImportRows)
    return Error::Invalid("content",
                          "the CSV has " + std::to_string(records->size() - 1) +
                              " rows; one import takes at most " + std::to_string(kMaxImportRows),
                          "too_many_rows");
  std::vector<ImportRow> rows;
  for (std::size_t r = 1; r < records->size(); ++r) {
    const Record& rec = (*records)[r];
    ImportRow row;
    row.line = rec.line;
    row.command.source = "import";
    if (rec.cells.size() != kColumnCount) {
      row.errors.push_back({"row", "the row has " + std::to_string(rec.cells.size()) +
                                       " columns; the header has 8"});
      if (!rec.cells.empty()) row.command.lot = Trimmed(rec.cells[0]);
      rows.push_back(std::move(row));
      continue;
    }
    auto cell = [&](std::size_t c) { return Trimmed(rec.cells[c]); };
    ReceiveLot& cmd = row.command;
    cmd.lot = cell(0);
    cmd.material = cell(1);
    cmd.supplier = cell(2);
    cmd.supplier_lot = cell(3);
    cmd.unit = cell(5);
    cmd.expiry = cell(6);
    cmd.retest = cell(7);
    if (!ParseQuantity(rec.cells[4], &cmd.quantity)) {
      row.errors.push_back({"quantity", "quantity must be a number, not '" + cell(4) + "'"});
      // Still check the other fields (with a stand-in quantity), so the row reports both.
      ReceiveLot rest = cmd;
      rest.quantity = 1;
      if (Status s = ValidateReceive(rest); !s.ok())
        row.errors.push_back({s.error().field, s.error().message});
    } else if (Status s = ValidateReceive(cmd); !s.ok()) {
      row.errors.push_back({s.error().field, s.error().message});
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ordo::lots

namespace ordo::lots {

Result<ImportDecision> DecideImport(const std::vector<ImportRow>& rows,
                                    const MaterialLookup& material, const ReceiptLookup& existing) {
  ImportDecision d;
  std::map<std::string, LotReceived> in_this_import;
  std::map<std::string, std::optional<Json>> materials;
  for (const ImportRow& row : rows) {
    RowOutcome out{row.line, row.command.lot, "refused", row.errors};
    if (!row.errors.empty()) {
      ++d.refused;
      d.rows.push_back(std::move(out));
      continue;
    }
    const ReceiveLot& c = row.command;
    std::optional<LotReceived> stored;
    if (auto it = in_this_import.find(c.lot); it != in_this_import.end()) {
      stored = it->second;
    } else {
      auto found = existing(c.lot);
      if (!found.ok()) return found.error();
      stored = std::move(*found);
    }
    auto cached = materials.find(c.material);
    if (cached == materials.end()) {
      auto content = material(c.material);
      if (!content.ok()) return content.error();
      cached = materials.emplace(c.material, std::move(*content)).first;
    }
    auto decided = DecideReceive(c, cached->second, stored);
    if (!decided.ok()) {
      const Error& e = decided.error();
      out.outcome = e.reason == "lot_conflict" ? "conflict" : "refused";
      out.errors.push_back({e.field.empty() ? "row" : e.field, e.message});
      ++d.refused;
    } else if (decided->outcome == ReceiptOutcome::kUnchanged) {
      out.outcome = "unchanged";
      ++d.unchanged;
    } else {
      out.outcome = "created";
      ++d.created;
      in_this_import.emplace(c.lot, decided->received);
      d.events.push_back(ledger::MakeEvent(decided->received, kSubjectKind, c.lot));
    }
    d.rows.push_back(std::move(out));
  }
  return d;
}

}  // namespace ordo::lots
