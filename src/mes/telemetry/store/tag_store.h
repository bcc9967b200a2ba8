// The telemetry tables of ordo.db, derived from the ledger: the tags (telemetry_tag) and
// the seals of the telemetry file's batches (telemetry_seal); their projectors and the
// queries the commands and handlers use.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mes/telemetry/events.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::telemetry {

store::TableSet Tables();
void RegisterProjectors();

struct TagRow {
  TagDefined tag;
  std::int64_t defined_seq = 0;
};
Json ToJson(const TagRow& row);

Result<std::optional<TagRow>> FindTag(storage::Database& db, const std::string& name);
// Every tag by name; with `work_unit` non-empty only that work unit's.
Result<std::vector<TagRow>> ListTags(storage::Database& db, const std::string& work_unit);
// The work unit of each of `tags` that is defined.
Result<std::map<std::string, std::string>> TagWorkUnits(storage::Database& db,
                                                        const std::set<std::string>& tags);

// The sealing so far: the number of seals and the largest id sealed (0, 0 when none).
struct SealProgress {
  std::int64_t batches = 0;
  std::int64_t last_id = 0;
};
Result<SealProgress> SealProgressOf(storage::Database& db);

// The number of the last compaction recorded (0 when none).
Result<std::int64_t> LastCompaction(storage::Database& db);
// A sealed batch of the projection telemetry_seal: its id range and its seal's entry.
struct SealedBatch {
  std::int64_t batch = 0, first_id = 0, last_id = 0, entry_seq = 0;
};
// Sealed batches numbered above `after_batch`, not compacted yet, whose largest device time
// is before `before_us`, by batch number, at most `limit`.
Result<std::vector<SealedBatch>> UncompactedBatches(storage::Database& db, TimeMicros before_us,
                                                    std::int64_t after_batch, std::int64_t limit);
// The batches compaction `compaction` compacted.
Result<std::vector<SealedBatch>> BatchesOfCompaction(storage::Database& db,
                                                     std::int64_t compaction);
// The telemetry.batch_sealed at ledger seq `entry_seq` (none when it is not one).
Result<std::optional<BatchSealed>> SealAt(storage::Database& db, std::int64_t entry_seq);

// True when ledger entry `entry_seq` is the equipment.batch_accepted of (source, seq):
// a stored sample's batch was accepted.
Result<bool> NamesAcceptedBatch(storage::Database& db, std::int64_t entry_seq,
                                const std::string& source, std::int64_t seq);

}  // namespace ordo::telemetry
