// Reading and appending ledger rows and checkpoints in the SQLite store, plus the
// meta key/value table. The caller owns transactions.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/entry.h"
#include "storage/database.h"

namespace ordo::store {

struct LedgerHead {
  std::int64_t seq = 0;
  std::string hash = ledger::kGenesisHash;
  TimeMicros time_us = 0;
};

// Inserts one entry as-is (the caller computed seq and hashes). The second form takes
// the payload's canonical JSON when the caller already has it.
Status AppendEntry(storage::Database& db, const ledger::LedgerEntry& entry);
Status AppendEntry(storage::Database& db, const ledger::LedgerEntry& entry,
                   const std::string& canonical_payload);
Result<LedgerHead> ReadHead(storage::Database& db);

// Filters for reading the ledger; empty fields do not filter.
struct LedgerQuery {
  std::int64_t after = 0;
  std::int64_t limit = 100;
  std::string type;
  std::string actor;
  std::string subject;        // matches subject_id or a "subject" field in the payload
  TimeMicros from_us = 0;     // inclusive, 0 = open
  TimeMicros to_us = 0;       // exclusive, 0 = open
  bool newest_first = false;  // descending by seq, below `before`
  std::int64_t before = 0;    // with newest_first: seq < before (0 = from the head)
};
Result<std::vector<ledger::LedgerEntry>> QueryEntries(storage::Database& db,
                                                      const LedgerQuery& query);

// What the filters of `query` (type, actor, subject, from_us, to_us; after, limit and
// paging are ignored) match, with the same meaning as QueryEntries: the number of entries
// and the first and last seq (both 0 when none match).
struct LedgerSpan {
  std::int64_t count = 0;
  std::int64_t first_seq = 0;
  std::int64_t last_seq = 0;
};
Result<LedgerSpan> SpanOf(storage::Database& db, const LedgerQuery& query);

// Calls `visit` for every entry in seq order; stops early when it returns false. Also
// reads a store not yet upgraded (no origin column: every entry without an origin).
Status ForEachEntry(storage::Database& db,
                    const std::function<bool(const ledger::LedgerEntry&)>& visit);
// Parses one stored row's columns back into an entry (used by readers above).
Result<ledger::LedgerEntry> EntryFromRow(const storage::Statement& row);

Status AppendCheckpoint(storage::Database& db, const ledger::Checkpoint& checkpoint);
Result<std::vector<ledger::Checkpoint>> ReadCheckpoints(storage::Database& db);
// The checkpoints with seq > `after`, in seq order, at most `limit` of them.
Result<std::vector<ledger::Checkpoint>> ReadCheckpointsAfter(storage::Database& db,
                                                             std::int64_t after,
                                                             std::int64_t limit);

Result<std::optional<std::string>> GetMeta(storage::Database& db, const std::string& key);
Status SetMeta(storage::Database& db, const std::string& key, const std::string& value);

}  // namespace ordo::store
