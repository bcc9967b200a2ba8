// Retention and downsampling of the telemetry file (issue 12 section 4): which sealed
// batches are due for compaction (all their rows older than their tag's raw_days), the
// per-minute rollup rows (min/max/sum/count) that replace their raw rows, the
// telemetry.batch_compacted event sealing those rollup rows, and the check of stored
// rollup rows against it (what `ordo ledger verify` reports). Pure: rows arrive as values.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/clock.h"
#include "mes/telemetry/domain/seal.h"
#include "mes/telemetry/events.h"

namespace ordo::telemetry {

inline constexpr TimeMicros kMinuteMicros = 60'000'000;
inline constexpr TimeMicros kDayMicros = 24LL * 3600 * 1'000'000;
// raw_days of a tag not in the map (a tag is always defined before its samples).
inline constexpr std::int64_t kDefaultRawDays = 30;

// One rollup row (telemetry.sqlite's `rollup` table): the `count` values of `tag` whose
// device time falls in the minute starting at `minute_us`, in the raw rows compacted by
// compaction number `compaction`.
struct RollupRow {
  std::int64_t compaction = 0;
  std::string tag;
  TimeMicros minute_us = 0;
  std::int64_t count = 0;
  double min = 0, max = 0, sum = 0;
  std::string row_hash;  // stored: RollupHash of the row when it was written
};

// The start of the minute holding `time_us` (device times are after 2000: positive).
TimeMicros MinuteOf(TimeMicros time_us);

// True when every row is older than its tag's retention: time_us < now - raw_days * 1 day
// (raw_days from `raw_days_by_tag`, kDefaultRawDays for a tag not in it). False for none.
bool BatchDue(const std::vector<SampleRow>& rows,
              const std::map<std::string, std::int64_t>& raw_days_by_tag, TimeMicros now);

// The rollup of `rows` as compaction `compaction`: one row per (tag, minute) with values,
// ordered by tag then minute, each with its row hash.
std::vector<RollupRow> RollupOf(std::int64_t compaction, const std::vector<SampleRow>& rows);

// A rollup row's canonical line: compaction, tag, minute_us, count, min, max, sum (values
// as ValueText), tab-separated, ending in a newline; RollupHash: the first 16 hex digits of
// its SHA-256.
std::string RollupLine(const RollupRow& row);
std::string RollupHash(const RollupRow& row);

// The event sealing compaction `compaction` of the sealed `batches` (ascending batch
// numbers) holding `raw_rows` rows, into `rollup` (RollupOf, non-empty).
BatchCompacted CompactionOf(std::int64_t compaction, const std::vector<std::int64_t>& batches,
                            std::int64_t raw_rows, const std::vector<RollupRow>& rollup);

// What is wrong with the stored rollup rows of `event.compaction` (ordered by tag, minute):
// an edited row (named by tag and minute, or the compaction when its row hash was
// rewritten too), a deleted or added row (the count differs). Empty when they match.
std::vector<std::string> CheckRollup(const BatchCompacted& event,
                                     const std::vector<RollupRow>& stored);

}  // namespace ordo::telemetry
