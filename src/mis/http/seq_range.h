// The `first`/`last` query of a route that reads a bounded range of numbered records (MES
// ledger seqs, line numbers of an imported file): one parser, so both routes refuse bad
// ranges with the same codes and messages.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/result.h"

namespace ordo::mis::http {

// At most this many numbers in a range (last - first + 1).
constexpr std::int64_t kMaxRangeLength = 1000;

// What the numbers are, for the messages.
struct RangeSpec {
  std::string number;    // e.g. "a ledger seq (a whole number from 1)"
  std::string plural;    // e.g. "seqs", for "(1,000 seqs)"
  std::int64_t max = 0;  // the highest number accepted for first and last
};

struct SeqRange {
  std::int64_t first = 0;
  std::int64_t last = 0;
};

// Reads `first` and `last` from `query`: both required, whole numbers from 1 to spec.max,
// first <= last <= first + kMaxRangeLength - 1. Refusals (invalid_argument, the parameter
// as field), checked in this order: unknown_parameter (any other parameter, named);
// missing_parameter (first, then last, absent); invalid_argument (empty, not a whole
// number, or out of 1..spec.max); invalid_range (field last: last before first, or more
// than kMaxRangeLength numbers).
Result<SeqRange> ParseSeqRange(const std::map<std::string, std::string>& query,
                               const RangeSpec& spec);

}  // namespace ordo::mis::http
