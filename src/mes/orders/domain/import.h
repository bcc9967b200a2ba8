// Reading an ERP's order file: CSV with the header
// `order_id,product,quantity,unit,due_date,priority,customer_order` (the columns in any
// order; fields may be quoted with "", quotes doubled inside; LF or CRLF line ends; a
// UTF-8 byte order mark is ignored) or JSON (an array of objects with the same names).
// Each row becomes a CreateOrder or the refusals of its fields, with the row's line:
// the CSV physical line where the row starts (the header is line 1), or the 1-based
// position of the JSON element. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "mes/orders/domain/order_row.h"

namespace ordo::orders {

// Bounds of one import.
inline constexpr std::size_t kMaxImportRows = 5000;
inline constexpr std::size_t kMaxImportBytes = 1'000'000;
inline constexpr std::size_t kMaxFieldBytes = 200;

// The column names, in the order of the documented header.
const std::vector<std::string>& ImportColumns();

// One row of the file, read.
struct ImportRow {
  int line = 0;
  CreateOrder order;               // as far as it could be read
  std::vector<FieldError> errors;  // refusals found while reading (a bad number, ...)
};

// Every data row of a CSV file (blank lines skipped). Fails, for the whole file, with
// invalid_argument (field "content", the message naming line 1 or the line of the
// problem) when the header is not the seven columns exactly once each, when there are no
// data rows or more than kMaxImportRows, or when a quoted field is never closed. A row
// with a number of fields other than the header's is one refusal (field "row").
Result<std::vector<ImportRow>> ParseCsvOrders(std::string_view text);

// Every element of a JSON array of objects. Each value is a string, or a number for
// quantity and priority (strings holding numbers are read too); null or absent
// priority and customer_order take their defaults (5, ""). An element that is not an
// object, an unknown name or a value of another type is a refusal of that row. Fails for
// the whole file when the text is not a JSON array, is empty or holds more than
// kMaxImportRows elements.
Result<std::vector<ImportRow>> ParseJsonOrders(std::string_view text);

// The outcome of one row of an import.
enum class ImportOutcome { kCreated, kUnchanged, kRefused, kConflict };
// "created", "unchanged", "refused", "conflict".
const char* ToString(ImportOutcome outcome);

// The decision on one read row (source "import"): its reading refusals, then those of
// DecideCreateOrder for the fields that did read. A row with the wrong number of fields
// keeps only that refusal.
OrderDecision DecideImportRow(const ImportRow& row, const ProductFacts& product);

// The outcome of a row: refused when the decision has refusals; else, when an order of
// that id exists (in the store or earlier in the same file), unchanged when it is the
// same order and conflict (with *differences listing each changed field) when it is not;
// else created.
ImportOutcome ClassifyImportRow(const OrderDecision& decision,
                                const std::optional<OrderCreated>& existing,
                                std::vector<FieldError>* differences);

}  // namespace ordo::orders
