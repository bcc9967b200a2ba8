// CSV and JSON reading of ERP order files.
#include "mes/orders/domain/import.h"

#include <charconv>
#include <cmath>
#include <map>

namespace ordo::orders {

namespace {

Error FileError(const std::string& message) {
  return Error::Invalid("content", message, "invalid_import_file");
}

// One CSV record: its fields and the physical line it starts on.
struct Record {
  int line = 0;
  std::vector<std::string> fields;
};

// Splits `text` into records. Fails when a quoted field is not closed.
Result<std::vector<Record>> SplitCsv(std::string_view text) {
  std::vector<Record> records;
  int line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    Record r;
    r.line = line;
    std::string field;
    bool blank = true;  // nothing but a line end so far
    while (true) {
      if (i < text.size() && text[i] == '"') {
        blank = false;
        ++i;
        bool closed = false;
        while (i < text.size()) {
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line;
            field += c;
          }
        }
        if (!closed)
          return FileError("line " + std::to_string(r.line) +
                           ": a quoted field is not closed (a '\"' is missing)");
        // Text between the closing quote and the next separator belongs to the field.
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        blank = false;
        field += text[i++];
      }
      if (i < text.size() && text[i] == ',') {
        blank = false;
        r.fields.push_back(std::move(field));
        field.clear();
        ++i;
        continue;
      }
      r.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      break;
    }
    if (!blank) records.push_back(std::move(r));
  }
  return records;
}

std::string Trimmed(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

// A decimal number as a whole field ("12", "0.5", "1e3"); nullopt otherwise.
std::optional<double> ParseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

// Sets the field `name` of `row` from `text`, recording a refusal when it does not read.
void SetField(ImportRow& row, const std::string& name, const std::string& raw) {
  const std::string text = Trimmed(raw);
  if (text.size() > kMaxFieldBytes) {
    row.errors.push_back({name,
                          name + " is longer than " + std::to_string(kMaxFieldBytes) + " bytes",
                          "field_too_long"});
    return;
  }
  CreateOrder& o = row.order;
  if (name == "order_id") o.order_id = text;
  if (name == "product") o.product = text;
  if (name == "unit") o.unit = text;
  if (name == "due_date") o.due_date = text;
  if (name == "customer_order") o.customer_order = text;
  if (name == "quantity") {
    auto n = ParseNumber(text);
    if (!n)
      row.errors.push_back({"quantity",
                            "quantity must be a decimal number such as 1500 or 12.5, not '" +
                                text.substr(0, 40) + "'",
                            "invalid_quantity"});
    else
      o.quantity = *n;
  }
  if (name == "priority") {
    if (text.empty()) {
      o.priority = kDefaultPriority;
      return;
    }
    auto n = ParseNumber(text);
    if (!n || *n != std::floor(*n) || *n < 1 || *n > 9)
      row.errors.push_back({"priority",
                            "priority must be an integer from 1 (most urgent) to 9, not '" +
                                text.substr(0, 40) + "'",
                            "invalid_priority"});
    else
      o.priority = static_cast<int>(*n);
  }
}

bool HasErrorFor(const ImportRow& row, const std::string& field) {
  for (const auto& e : row.errors)
    if (e.field == field) return true;
  return false;
}

}  // namespace

const std::vector<std::string>& ImportColumns() {
  static const std::vector<std::string> columns = {"order_id", "product",  "quantity",      "unit",
                                                   "due_date", "priority", "customer_order"};
  return columns;
}

const char* ToString(ImportOutcome o) {
  switch (o) {
    case ImportOutcome::kCreated:
      return "created";
    case ImportOutcome::kUnchanged:
      return "unchanged";
    case ImportOutcome::kRefused:
      return "refused";
    case ImportOutcome::kConflict:
      return "conflict";
  }
  return "?";
}

OrderDecision DecideImportRow(const ImportRow& row, const ProductFacts& product) {
  OrderDecision d;
  d.errors = row.errors;
  if (HasErrorFor(row, "row")) return d;
  OrderDecision checked = DecideCreateOrder(row.order, product, "import");
  for (auto& e : checked.errors)
    if (!HasErrorFor(row, e.field)) d.errors.push_back(std::move(e));
  if (d.errors.empty()) d.event = std::move(checked.event);
  return d;
}

ImportOutcome ClassifyImportRow(const OrderDecision& decision,
                                const std::optional<OrderCreated>& existing,
                                std::vector<FieldError>* differences) {
  if (!decision.errors.empty() || !decision.event) return ImportOutcome::kRefused;
  if (!existing) return ImportOutcome::kCreated;
  *differences = Differences(*existing, *decision.event);
  return differences->empty() ? ImportOutcome::kUnchanged : ImportOutcome::kConflict;
}

Result<std::vector<ImportRow>> ParseCsvOrders(std::string_view text) {
  if (text.size() > kMaxImportBytes)
    return FileError("the file is larger than " + std::to_string(kMaxImportBytes) + " bytes");
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  auto records = SplitCsv(text);
  if (!records.ok()) return records.error();
  if (records->empty())
    return FileError("the file is empty; expected the header line " + [] {
      std::string h;
      for (const auto& c : ImportColumns()) h += (h.empty() ? "" : ",") + c;
      return h;
    }());
  const Record& header = records->front();
  std::map<std::string, std::size_t> column;  // name -> index
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = Trimmed(header.fields[i]);
    bool known = false;
    for (const auto& c : ImportColumns()) known = known || c == name;
    if (!known)
      return FileError("line " + std::to_string(header.line) + ": unknown column '" +
                       name.substr(0, 40) +
                       "'; the header must be order_id,product,quantity,unit,due_date,priority,"
                       "customer_order");
    if (!column.emplace(name, i).second)
      return FileError("line " + std::to_string(header.line) + ": column '" + name +
                       "' appears more than once");
  }
  for (const auto& c : ImportColumns())
    if (!column.contains(c))
      return FileError("line " + std::to_string(header.line) + ": the header lacks column '" + c +
                       "'; it must be order_id,product,quantity,unit,due_date,priority,"
                       "customer_order");
  if (records->size() == 1) return FileError("the file has a header but no order rows");
  if (records->size() - 1 > kMaxImportRows)
    return FileError("the file has " + std::to_string(records->size() - 1) + " rows; at most " +
                     std::to_string(kMaxImportRows) + " per import");
  std::vector<ImportRow> rows;
  for (std::size_t r = 1; r < records->size(); ++r) {
    const Record& rec = (*records)[r];
    ImportRow row;
    row.line = rec.line;
    if (rec.fields.size() != header.fields.size()) {
      // Still read the order id when it is there, so the report can name the order.
      if (column["order_id"] < rec.fields.size())
        row.order.order_id = Trimmed(rec.fields[column["order_id"]]).substr(0, kMaxFieldBytes);
      row.errors.push_back({"row",
                            "expected " + std::to_string(header.fields.size()) +
                                " fields as in the header, found " +
                                std::to_string(rec.fields.size()),
                            "wrong_field_count"});
      rows.push_back(std::move(row));
      continue;
    }
    for (const auto& [name, index] : column) SetField(row, name, rec.fields[index]);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<ImportRow>> ParseJsonOrders(std::string_view text) {
  if (text.size() > kMaxImportBytes)
    return FileError("the file is larger than " + std::to_string(kMaxImportBytes) + " bytes");
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_array())
    return FileError("the content must be a JSON array of order objects");
  if (doc.empty()) return FileError("the JSON array holds no orders");
  if (doc.size() > kMaxImportRows)
    return FileError("the array has " + std::to_string(doc.size()) + " elements; at most " +
                     std::to_string(kMaxImportRows) + " per import");
  std::vector<ImportRow> rows;
  int line = 0;
  for (const auto& item : doc) {
    ImportRow row;
    row.line = ++line;
    if (!item.is_object()) {
      row.errors.push_back(
          {"row", "element " + std::to_string(line) + " is not a JSON object", "not_an_object"});
      rows.push_back(std::move(row));
      continue;
    }
    for (const auto& [name, value] : item.items()) {
      bool known = false;
      for (const auto& c : ImportColumns()) known = known || c == name;
      if (!known) {
        row.errors.push_back({name.substr(0, 40),
                              "unknown field '" + name.substr(0, 40) +
                                  "'; expected order_id, product, quantity, unit, due_date, "
                                  "priority, customer_order",
                              "unknown_field"});
        continue;
      }
      if (value.is_null()) continue;
      if (value.is_string()) {
        SetField(row, name, value.get<std::string>());
      } else if (value.is_number() && (name == "quantity" || name == "priority")) {
        SetField(row, name, value.dump());
      } else {
        const bool numeric = name == "quantity" || name == "priority";
        row.errors.push_back(
            {name, name + " must be " + (numeric ? "a number" : "a string"), "wrong_type"});
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ordo::orders
