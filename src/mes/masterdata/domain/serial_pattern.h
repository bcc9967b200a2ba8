// The serial number pattern of a serialized material (material field `serial_pattern`,
// e.g. "DP{yyyy}{mm}-{seq:6}"): literal text and the tokens {yyyy} {yy} {mm} {dd} (the
// UTC date of production) and exactly one {seq:N} (a counter, zero-padded to N digits).
// Parsing refuses anything else; formatting is pure (the date and the number are given).
// Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace ordo::masterdata {

// A parsed pattern: its pieces in order. A piece is literal text or a token.
struct SerialPattern {
  enum class Piece { kText, kYear4, kYear2, kMonth, kDay, kSequence };
  struct Part {
    Piece piece = Piece::kText;
    std::string text;  // kText only
  };
  std::vector<Part> parts;
  int width = 0;  // digits of {seq:N}
};

// Serial ids (generated and scanned alike): 1..64 letters, digits, '.', '_', '-' or '/',
// starting with a letter or digit.
bool IsSerialId(const std::string& serial);

// Parses `text`. Refusals (invalid_argument, field `field`, reason invalid_serial_pattern,
// a message that reads after the field name, e.g. "needs one {seq:N} ...")
// say what is wrong: an empty pattern; an unknown token (naming it, e.g. "{hh}"); a '{'
// without '}' or a lone '}'; no {seq:N} or more than one; N not a whole number 1..12;
// literal text other than letters, digits, '.', '_', '-', '/'; a pattern that does not
// start with a letter or digit; a serial it formats longer than 64 characters.
Result<SerialPattern> ParseSerialPattern(const std::string& text,
                                         const std::string& field = "serial_pattern");

// The pattern with its date tokens filled for UTC day `day` (YYYY-MM-DD) and the sequence
// left as "{seq:N}", e.g. "DP202611-{seq:6}": the key under which serials are counted
// (one counter per material and stem, so a new month starts again at 1).
std::string SerialStem(const SerialPattern& pattern, const std::string& day);

// The serial numbered `number` on `day`, e.g. "DP202611-000042". Fails with
// failed_precondition (reason serial_sequence_exhausted, field count) when `number` is
// below 1 or needs more than the pattern's N digits.
Result<std::string> FormatSerial(const SerialPattern& pattern, const std::string& day,
                                 std::int64_t number);

}  // namespace ordo::masterdata
