// Sealing rows of the telemetry file: the canonical line of a row, the seal of a batch of
// rows, and the check of stored rows against a seal (what `ordo ledger verify` reports).
// Pure: rows arrive as values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "mes/telemetry/events.h"

namespace ordo::telemetry {

// One stored sample (a row of telemetry.sqlite's `sample` table).
struct SampleRow {
  std::int64_t id = 0;
  std::string tag;
  TimeMicros time_us = 0;  // device time
  double value = 0;
  std::string source;
  std::int64_t seq = 0, idx = 0;  // the batch (source, seq) and the item's index in it
  std::int64_t entry_seq = 0;     // the batch's equipment.batch_accepted entry
  TimeMicros received_us = 0;
  std::string row_hash;  // stored: RowHash of the row when it was written
};

// Rows per seal: a batch is sealed when it has this many rows, or earlier when its oldest
// row is older than the tail age (commands/seal_command.h).
inline constexpr std::size_t kRowsPerSeal = 1000;

// The value as the file and the hash hold it: C's "%.15g", or "%.16g" or "%.17g" when the
// shorter text does not read back as the same double.
std::string ValueText(double value);
// The row's canonical line: id, tag, time_us, value, source, seq, idx, entry_seq,
// received_us, separated by tabs, ending in a newline.
std::string RowLine(const SampleRow& row);
// The same, with the value as `value_text` (which must be ValueText(row.value): for a
// writer that binds that text too and so makes it once).
std::string RowLine(const SampleRow& row, std::string_view value_text);
// The first 16 hex digits of SHA-256 of RowLine; RowHashOfLine takes the line.
std::string RowHash(const SampleRow& row);
std::string RowHashOfLine(const std::string& line);

// "a-b,c" ranges of ascending `ids`; and back (false for a malformed text).
std::string IdRanges(const std::vector<std::int64_t>& ids);
bool ParseIdRanges(const std::string& text, std::vector<std::int64_t>* ids);

// The seal of `rows` (non-empty, ascending ids) as batch number `batch`.
BatchSealed SealOf(std::int64_t batch, const std::vector<SampleRow>& rows);

// What is wrong with the rows stored in [seal.first_id, seal.last_id] (ascending ids)
// against `seal`: each finding names the row ("row 17 was deleted", "row 23 was changed",
// "row 31 was added"), or the batch when the rows differ but no row can be named (its row
// hash was rewritten too). Empty when they match.
std::vector<std::string> CheckSealed(const BatchSealed& seal, const std::vector<SampleRow>& rows);

}  // namespace ordo::telemetry
