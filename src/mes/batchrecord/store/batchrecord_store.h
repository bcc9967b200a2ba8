// The sealed versions of batch records (guarded table br_version, projected from
// batchrecord.released, whose payload carries the sealed record): migration, projector,
// guard and reads. Not thread-safe per storage::Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
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

// The orders with at least one sealed version, the most recently sealed first, at most
// `limit`: the candidates for an amended record (the worklist compiles each).
Result<std::vector<std::string>> SealedOrders(storage::Database& db, std::int64_t limit);

// The ids of every lot the order made (lot.order_id: produced lots and their sublots,
// whatever the origin), oldest first. Not seal-checked: callers read each with
// lots::FindLot.
Result<std::vector<std::string>> LotIdsOfOrder(storage::Database& db, const std::string& order_id);

// The completed orders whose record is not released yet (batchrecord.awaiting_review):
// orders with an orders.order_completed entry and no br_version row, oldest completion
// first, at most `limit`.
Result<std::vector<std::string>> CompletedUnreleasedOrders(storage::Database& db,
                                                           std::int64_t limit);

}  // namespace ordo::batchrecord
