// Reading what a barcode scanner types into a field: a plain lot id, or a GS1 element
// string from a supplier label (GS1-128, GS1 DataMatrix, GS1 QR Code). Pure: no I/O,
// no clock (the current year for the expiry's century arrives as an argument).
//
// Recognised as GS1 (everything else is a plain lot id):
// - a symbology identifier of a GS1 symbol first: `]C1` (GS1-128), `]d2` (GS1
//   DataMatrix), `]Q3` (GS1 QR Code); another symbology identifier (`]C0`, `]d1`, ...)
//   is dropped and the rest read as a plain lot id;
// - the ASCII group separator GS (0x1D, how scanners transmit FNC1) anywhere;
// - the human-readable form with parentheses: `(01)04006381333931(17)271231(10)ABC123`;
// - without any of these: 16 or more characters starting `01` + 14 digits whose check
//   digit is valid (a scanner set up to send no symbology identifier), when the whole
//   scan reads as GS1; when it does not, it is a plain lot id.
//
// Application identifiers read: 01 GTIN (14 digits, check digit verified), 10 batch/lot
// (up to 20), 17 expiry (YYMMDD; day 00 is the last day of the month; the century by
// the sliding window of the GS1 General Specifications, 7.12), 21 serial (up to 20).
// Other AIs of known length are skipped and kept in `others` (00 SSCC, 02, 11-16 dates,
// 20, 22, 240, 241, 250, 251, 30, 31nn-36nn measures, 37, 400, 410-417, 422, 7003,
// 90-99); an unknown AI is refused. See docs/scanning.md.
//
// Every refusal has a stable code, a message and the 0-based character position in the
// raw input where the problem starts:
//   scan_empty              nothing but white space was scanned
//   scan_too_long           more than kMaxScanLength characters
//   scan_bad_character      a control character (other than GS) in a plain lot id
//   gs1_unknown_ai          an application identifier ordo does not know
//   gs1_bad_check_digit     a GTIN (AI 01/02) whose check digit is wrong
//   gs1_bad_date            a date AI that is not YYMMDD of a real day (00 allowed)
//   gs1_truncated           the input ends (or a GS comes) inside a fixed-length value
//                           or right after an AI, or a GS1 prefix has no element
//   gs1_too_long            a variable-length value over its maximum, or a fixed-length
//                           value followed by more characters in the parenthesised form
//   gs1_empty_value         a variable-length value with no characters
//   gs1_bad_character       a character the AI does not allow (digits only, or the GS1
//                           character set 82)
//   gs1_duplicate_ai        the same AI twice with different values
//   gs1_bad_syntax          a parenthesised form that is not `(AI)value...`
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace ordo::gs1 {

inline constexpr std::size_t kMaxScanLength = 512;
inline constexpr char kGroupSeparator = '\x1d';

enum class ScanKind { kPlain, kGs1 };

struct Scan {
  ScanKind kind = ScanKind::kPlain;
  std::string text;       // plain: the lot id (trimmed); GS1: "" (see the fields)
  std::string gtin14;     // AI 01, 14 digits, or ""
  std::string lot;        // AI 10, or ""
  std::string expiry;     // AI 17 as YYYY-MM-DD, or ""
  std::string serial;     // AI 21, or ""
  std::string symbology;  // the symbology identifier scanned (e.g. "]d2"), or ""
  std::vector<std::pair<std::string, std::string>> others;  // skipped AIs, in order
  std::string raw;                                          // the input, as given

  // The GS1 content without `raw` and `symbology` (what a round trip keeps).
  bool SameContent(const Scan& o) const {
    return kind == o.kind && text == o.text && gtin14 == o.gtin14 && lot == o.lot &&
           expiry == o.expiry && serial == o.serial && others == o.others;
  }
};

struct ScanError {
  std::string code;          // stable, listed above
  std::string message;       // for a person: what is wrong and what was expected
  std::size_t position = 0;  // 0-based character position in the raw input
};

struct ParsedScan {
  bool ok = false;
  Scan scan;        // when ok
  ScanError error;  // when not ok
};

// Parses one scan. `current_year` (e.g. 2026) anchors the century of two-digit years.
// Trailing CR/LF (the scanner's Enter) is ignored. Never throws.
ParsedScan ParseScanDetailed(std::string_view input, int current_year);

// The same as a Result: a refusal is invalid_argument on field `field`, with the code
// as reason and the position in the message.
Result<Scan> ParseScan(std::string_view input, int current_year, const std::string& field = "scan");

// The scanned label's expiry against the lot's recorded one (YYYY-MM-DD, "" when the
// lot has none): Ok when the scan carries no expiry or both agree; otherwise
// invalid_argument on `field`, reason `expiry_mismatch`, the message naming the lot and
// both dates. (A label with an expiry for a lot recorded without one disagrees too.)
Status CheckScannedExpiry(const Scan& scan, const std::string& lot,
                          const std::string& recorded_expiry, const std::string& field = "lot");

// A GS1 scan in the human-readable form with parentheses: (01), (17), (10), (21) (in
// that order, each when present), then `others` in order. "" for a plain scan.
std::string ToParenthesised(const Scan& scan);

}  // namespace ordo::gs1
