// The feed's stored rows of a range of ledger seqs, whatever their table, for reading the
// entries behind a figure (a KPI source {"kind": "ledger", "first", "last"}). Reads on the
// caller's connection; the tables are feed_store.h's.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "mis/feed/derive.h"
#include "storage/database.h"

namespace ordo::mis::feed {

// The rows of the entries with first <= seq <= last, each table in seq order. A seq in
// none of them is an entry the MIS does not take (another event type) or not taken yet.
struct FeedEntries {
  std::vector<StateChangeRow> states;
  std::vector<CountRow> counts;
  std::vector<ReasonRow> reasons;
  std::vector<SourceRow> sources;
  std::vector<EquipmentDraftRow> equipment_drafts;
  std::vector<ApprovalRow> equipment_approvals;  // several per seq: one per version named
  std::vector<OrderRow> orders;                  // work orders created
  std::vector<CancelRow> cancellations;          // work orders cancelled
  std::vector<CompletionRow> completions;        // operations completed
};

// Failures: the store's error.
Result<FeedEntries> ReadFeedEntries(storage::Database& db, std::int64_t first, std::int64_t last);

}  // namespace ordo::mis::feed
