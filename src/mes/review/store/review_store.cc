// The audit_review table: its migration, projector and read queries.
#include "mes/review/store/review_store.h"

#include "ledger/event_type.h"
#include "storage/rows.h"
#include "store/ledger_store.h"
#include "store/projector.h"

namespace ordo::review {

namespace {

constexpr const char* kTableV1 = R"sql(
CREATE TABLE IF NOT EXISTS audit_review(
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  time_us INTEGER NOT NULL,
  from_us INTEGER NOT NULL,
  to_us INTEGER NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  last_entry_hash TEXT NOT NULL,
  entries_in_period INTEGER NOT NULL,
  entries_matched INTEGER NOT NULL,
  filter_type TEXT NOT NULL,
  filter_actor TEXT NOT NULL,
  filter_subject TEXT NOT NULL,
  comment TEXT,
  reviewer_id INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  printed_name TEXT NOT NULL,
  signature_seq INTEGER NOT NULL);
)sql";

constexpr const char* kSelect =
    "SELECT id, seq, time_us, from_us, to_us, first_seq, last_seq, last_entry_hash, "
    "entries_in_period, entries_matched, filter_type, filter_actor, filter_subject, comment, "
    "reviewer_id, reviewer, printed_name, signature_seq FROM audit_review ";

ReviewRow FromRow(const storage::Statement& s) {
  ReviewRow r;
  r.id = s.Text(0);
  r.seq = s.Int(1);
  r.time_us = s.Int(2);
  AuditTrailReviewed& v = r.review;
  v.from_us = s.Int(3);
  v.to_us = s.Int(4);
  v.first_seq = s.Int(5);
  v.last_seq = s.Int(6);
  v.last_entry_hash = s.Text(7);
  v.entries_in_period = s.Int(8);
  v.entries_matched = s.Int(9);
  v.filters = ReviewFilters{s.Text(10), s.Text(11), s.Text(12)};
  if (!s.IsNull(13)) v.comment = s.Text(13);
  v.reviewer_id = s.Int(14);
  v.reviewer = s.Text(15);
  v.printed_name = s.Text(16);
  v.signature_seq = s.Int(17);
  return r;
}

Status Project(storage::Database& db, const ReviewRow& r) {
  auto st = db.Prepare(
      "INSERT INTO audit_review(id, seq, time_us, from_us, to_us, first_seq, last_seq, "
      "last_entry_hash, entries_in_period, entries_matched, filter_type, filter_actor, "
      "filter_subject, comment, reviewer_id, reviewer, printed_name, signature_seq) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  const AuditTrailReviewed& v = r.review;
  s.Bind(1, r.id).Bind(2, r.seq).Bind(3, r.time_us).Bind(4, v.from_us).Bind(5, v.to_us);
  s.Bind(6, v.first_seq).Bind(7, v.last_seq).Bind(8, v.last_entry_hash);
  s.Bind(9, v.entries_in_period).Bind(10, v.entries_matched);
  s.Bind(11, v.filters.type).Bind(12, v.filters.actor).Bind(13, v.filters.subject);
  s.Bind(14, v.comment).Bind(15, v.reviewer_id).Bind(16, v.reviewer);
  s.Bind(17, v.printed_name).Bind(18, v.signature_seq);
  return s.Run();
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"review", {store::Migration{1, kTableV1}}, {{"audit_review", "id"}}};
}

void RegisterProjectors() {
  store::RegisterProjector<AuditTrailReviewed>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const AuditTrailReviewed& p) {
        return Project(db, RowOf(e, p));
      });
}

ReviewRow RowOf(const ledger::LedgerEntry& e, const AuditTrailReviewed& p) {
  return ReviewRow{e.subject.id, e.seq, e.time_us, p};
}

Result<ReviewRow> RowOf(const ledger::LedgerEntry& e) {
  auto p = ledger::ReadPayload<AuditTrailReviewed>(e.payload);
  if (!p.ok()) return p.error();
  return RowOf(e, *p);
}

Result<std::int64_t> CountReviews(storage::Database& db) {
  // Counted in the ledger, which refuses deletes, not in the projection: a row removed
  // from audit_review can never make the next review reuse an id.
  store::LedgerQuery reviews;
  reviews.type = AuditTrailReviewed::kType;
  auto span = store::SpanOf(db, reviews);
  if (!span.ok()) return span.error();
  return span->count;
}

Result<std::vector<ReviewRow>> ListReviews(storage::Database& db, std::int64_t before,
                                           std::int64_t limit) {
  return storage::Rows<ReviewRow>(
      db, std::string(kSelect) + "WHERE seq < ?1 ORDER BY seq DESC LIMIT ?2",
      [&](storage::Statement& s) {
        s.Bind(1, before > 0 ? before : INT64_MAX);
        s.Bind(2, limit);
      },
      FromRow);
}

Result<std::optional<ReviewRow>> FindReview(storage::Database& db, const std::string& id) {
  return storage::FirstRow<ReviewRow>(
      db, std::string(kSelect) + "WHERE id = ?", [&](storage::Statement& s) { s.Bind(1, id); },
      FromRow);
}

Result<LedgerPeriod> ReadPeriod(storage::Database& db, const ReviewAuditTrail& c) {
  store::LedgerQuery all;
  all.from_us = c.from_us;
  all.to_us = c.to_us;
  auto period = store::SpanOf(db, all);
  if (!period.ok()) return period.error();
  store::LedgerQuery filtered = all;
  filtered.type = c.filters.type;
  filtered.actor = c.filters.actor;
  filtered.subject = c.filters.subject;
  auto matched = store::SpanOf(db, filtered);
  if (!matched.ok()) return matched.error();
  LedgerPeriod p;
  p.entries_in_period = period->count;
  p.first_seq = period->first_seq;
  p.last_seq = period->last_seq;
  p.entries_matched = matched->count;
  if (p.last_seq > 0) {
    auto hash = LedgerHashAt(db, p.last_seq);
    if (!hash.ok()) return hash.error();
    p.last_entry_hash = *hash;
  }
  return p;
}

Result<std::string> LedgerHashAt(storage::Database& db, std::int64_t seq) {
  auto hash = storage::FirstRow<std::string>(
      db, "SELECT hash FROM ledger WHERE seq = ?", [&](storage::Statement& s) { s.Bind(1, seq); },
      [](const storage::Statement& s) { return s.Text(0); });
  if (!hash.ok()) return hash.error();
  return hash->value_or(std::string());
}

}  // namespace ordo::review
