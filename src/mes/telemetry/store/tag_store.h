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

// True when ledger entry `entry_seq` is the equipment.batch_accepted of (source, seq):
// a stored sample's batch was accepted.
Result<bool> NamesAcceptedBatch(storage::Database& db, std::int64_t entry_seq,
                                const std::string& source, std::int64_t seq);

}  // namespace ordo::telemetry
