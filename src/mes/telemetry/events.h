// The telemetry capability's published events: a tag was defined, and a batch of stored
// samples was sealed (the samples themselves live in <data>/telemetry.sqlite, not in the
// ledger). docs/event-schema.md lists them; docs/telemetry.md and docs/ledger-format.md
// say how `ordo ledger verify` checks the telemetry file against the seals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/canonical_json.h"

namespace ordo::telemetry {

// Subject kinds.
inline constexpr const char* kTagSubject = "tag";
inline constexpr const char* kSealSubject = "telemetry_batch";

// A tag was defined (subject: tag, id = name): the process value `name` of work unit
// `work_unit`, in `unit`, with optional limits, its raw samples kept `raw_days` days.
struct TagDefined {
  static constexpr const char* kType = "telemetry.tag_defined";
  static constexpr int kVersion = 1;
  std::string name, work_unit, unit, description;
  std::optional<double> low, high;
  std::int64_t raw_days = 30;
};

// A batch of rows of the telemetry file was sealed (subject: telemetry_batch, id = batch
// number). `ids`: the row ids sealed, as ranges "a-b,c-d" (ascending, within first_id ..
// last_id); `count` rows; `from_us`/`to_us` their smallest and largest device time;
// `hash` SHA-256 (hex) over the rows' canonical lines in id order (domain/seal.h).
struct BatchSealed {
  static constexpr const char* kType = "telemetry.batch_sealed";
  static constexpr int kVersion = 1;
  std::int64_t batch = 0;
  std::int64_t first_id = 0, last_id = 0, count = 0;
  std::string ids;
  std::int64_t from_us = 0, to_us = 0;
  std::string hash;
};

// Sealed batches of the telemetry file were compacted (subject: telemetry_compaction, id =
// compaction number): their raw rows (`raw_rows`, all older than their tag's raw_days)
// are replaced by `rollup_rows` rows of min/max/sum/count per tag and minute. `batches`:
// the batch numbers as ranges "a-b,c"; `from_us`/`to_us` the first and last minute;
// `hash` SHA-256 (hex) over the rollup rows' canonical lines by tag then minute
// (domain/compaction.h). The raw rows are deleted only after this entry is durable.
struct BatchCompacted {
  static constexpr const char* kType = "telemetry.batch_compacted";
  static constexpr int kVersion = 1;
  std::int64_t compaction = 0;
  std::string batches;
  std::int64_t raw_rows = 0, rollup_rows = 0;
  std::int64_t from_us = 0, to_us = 0;
  std::string hash;
};

inline constexpr const char* kCompactionSubject = "telemetry_compaction";

void to_json(Json& j, const TagDefined& e);
void from_json(const Json& j, TagDefined& e);
void to_json(Json& j, const BatchSealed& e);
void from_json(const Json& j, BatchSealed& e);
void to_json(Json& j, const BatchCompacted& e);
void from_json(const Json& j, BatchCompacted& e);

}  // namespace ordo::telemetry
