// The sealed versions of batch records (guarded table br_version, projected from
// batchrecord.released, whose payload carries the sealed record) and the br_watch
// projection of changes after a seal: migrations, projectors, guard and reads. Not thread-safe per
// storage::Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "mes/batchrecord/domain/watch.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::batchrecord {

store::TableSet Tables();
void RegisterProjectors();
void RegisterGuards();

struct VersionRow {
  std::string order_id;
  std::int64_t version = 0;
  std::string content_hash;
  Json record = Json::object();
  std::int64_t seq = 0;
};

// Version `version` of the order's record, or nullopt; the row seal-checked.
Result<std::optional<VersionRow>> FindVersion(storage::Database& db, const std::string& order_id,
                                              std::int64_t version);
// Every sealed version of the order, oldest first; each row seal-checked.
Result<std::vector<VersionRow>> VersionsOf(storage::Database& db, const std::string& order_id);

// An order whose record waits, and since when (microseconds since the epoch).
struct Waiting {
  std::string order_id;
  std::int64_t since_us = 0;
};

// The sealed orders with an entry after their latest seal that may change the record
// (br_watch, domain/watch.h) whose first such entry has a seq above `after_seq`, oldest
// first, at most `limit`, each since that entry: the candidates for an amended record (the
// worklist pages through them with FirstAmended, compiles each and compares the hashes; a
// candidate whose content did not change is no amendment).
Result<std::vector<Candidate>> ChangedSinceSeal(storage::Database& db, std::int64_t after_seq,
                                                std::int64_t limit);

// The ids of every lot the order made (lot.order_id: produced lots and their sublots,
// whatever the origin), oldest first. Not seal-checked: callers read each with
// lots::FindLot.
Result<std::vector<std::string>> LotIdsOfOrder(storage::Database& db, const std::string& order_id);

// The completed orders whose record is not released yet (batchrecord.awaiting_review):
// orders with an orders.order_completed entry and no br_version row, oldest completion
// first, at most `limit`, each since its completion entry.
Result<std::vector<Waiting>> CompletedUnreleasedOrders(storage::Database& db, std::int64_t limit);

}  // namespace ordo::batchrecord
