// Importing lots from the ERP/WMS: the CSV form (header
// lot,material,supplier,supplier_lot,quantity,unit,expiry,retest; RFC 4180 quoting; LF or
// CRLF line ends) parsed into one receipt per row, and the per-row outcome. Pure.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/lots/domain/receive.h"

namespace ordo::lots {

// The header, in this order.
inline constexpr const char* kImportHeader =
    "lot,material,supplier,supplier_lot,quantity,unit,expiry,retest";
// Most data rows one import takes.
inline constexpr std::size_t kMaxImportRows = 5000;

// A row's problem: the field (a CSV column name, or "row") and what is wrong.
struct FieldError {
  std::string field, message;
};

// One data row: its physical line (the header is line 1; a quoted field spanning lines
// counts from the line the row starts on), the receipt it asks for, and the errors
// found in the row alone (bad number, wrong column count, ValidateReceive).
struct ImportRow {
  int line = 0;
  ReceiveLot command;
  std::vector<FieldError> errors;
};

// Parses a CSV import. Blank lines are skipped; a UTF-8 byte order mark is ignored.
// Fails as a whole (invalid_argument, field content) when the content is empty, the
// header is not kImportHeader (reason wrong_header, naming the first differing column), a
// quoted field is not closed at the end (reason malformed_csv, naming its line), or there
// are more than kMaxImportRows rows (too_many_rows). A row with a wrong number of columns
// or a bad value gets its errors and the others are still parsed.
Result<std::vector<ImportRow>> ParseLotCsv(const std::string& content);

// A decimal number as a CSV cell holds it ("25", "0.5", "1e3"); false for anything else
// (empty, trailing text, not finite).
bool ParseQuantity(const std::string& text, double* out);

}  // namespace ordo::lots

namespace ordo::lots {

// What happened to one row: created, unchanged, refused (bad data) or conflict (the lot
// exists with other data).
struct RowOutcome {
  int line = 0;
  std::string lot;
  std::string outcome;
  std::vector<FieldError> errors;
};

struct ImportDecision {
  std::vector<RowOutcome> rows;                 // one per row, in file order
  std::vector<ledger::Event> events;            // one LotReceived per created row
  int created = 0, unchanged = 0, refused = 0;  // refused counts conflicts too
};

// Looks up the content of a material's version in force (nullopt: none).
using MaterialLookup = std::function<Result<std::optional<Json>>(const std::string& material)>;
// Looks up the stored receipt of a lot id (nullopt: never received).
using ReceiptLookup = std::function<Result<std::optional<LotReceived>>(const std::string& lot)>;

// Decides every row with DecideReceive: rows with errors are refused, the good ones are
// created or unchanged; a lot id received earlier in the same import counts as existing
// (a repeated identical row is unchanged, a differing one a conflict). Fails only when a
// lookup fails (nothing is written then).
Result<ImportDecision> DecideImport(const std::vector<ImportRow>& rows,
                                    const MaterialLookup& material, const ReceiptLookup& existing);

}  // namespace ordo::lots
