// The review capability's table (audit_review), its projector and queries, and what the
// ledger holds in a period (read for the decision).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "ledger/entry.h"
#include "mes/review/domain/review.h"
#include "mes/review/events.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::review {

// Table audit_review (one row per review, keyed by its id) as migrations.
store::TableSet Tables();
// Registers the projector of AuditTrailReviewed.
void RegisterProjectors();

// One review as stored: the event's payload and the entry it came from.
struct ReviewRow {
  std::string id;
  std::int64_t seq = 0;  // the review's ledger entry
  TimeMicros time_us = 0;
  AuditTrailReviewed review;
};

// The row of a review entry: the one mapping used by the projector and the reply.
ReviewRow RowOf(const ledger::LedgerEntry& entry, const AuditTrailReviewed& payload);
Result<ReviewRow> RowOf(const ledger::LedgerEntry& entry);

// The number of reviews signed so far, counted in the ledger (the next id is this + 1).
Result<std::int64_t> CountReviews(storage::Database& db);
// Newest first; `before` 0 = from the newest (a review's seq otherwise).
Result<std::vector<ReviewRow>> ListReviews(storage::Database& db, std::int64_t before,
                                           std::int64_t limit);
Result<std::optional<ReviewRow>> FindReview(storage::Database& db, const std::string& id);

// What the ledger holds in [command.from_us, command.to_us), all entries and those the
// filters match (the meaning of GET /api/v1/ledger's filters: store::SpanOf).
Result<LedgerPeriod> ReadPeriod(storage::Database& db, const ReviewAuditTrail& command);

// The hash the ledger holds now for entry `seq` ("" when there is none).
Result<std::string> LedgerHashAt(storage::Database& db, std::int64_t seq);

}  // namespace ordo::review
