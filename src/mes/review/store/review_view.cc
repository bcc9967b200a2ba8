// ReviewView (review_view.h).
#include "mes/review/store/review_view.h"

#include "mes/signatures/signing.h"

namespace ordo::review {

namespace {

Json FilterOrNull(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }

}  // namespace

Result<Json> ReviewView(storage::Database& db, const ReviewRow& row) {
  const AuditTrailReviewed& r = row.review;
  auto hash = LedgerHashAt(db, r.last_seq);
  if (!hash.ok()) return hash.error();
  auto signatures = signatures::SignaturesOn(db, kSubjectKind, row.id);
  if (!signatures.ok()) return signatures.error();
  const std::string record_hash = signatures::RecordHash(ReviewRecord(row.id, r));
  Json signed_by = Json::array();
  for (const auto& s : *signatures)
    signed_by.push_back(
        signatures::ToJson(s, signatures::CheckBinding(s, kSubjectKind, row.id, 1, record_hash)));
  return Json{{"id", row.id},
              {"seq", row.seq},
              {"time", FormatUtcMicros(row.time_us)},
              {"from", FormatUtcMicros(r.from_us)},
              {"to", FormatUtcMicros(r.to_us)},
              {"from_us", r.from_us},
              {"to_us", r.to_us},
              {"first_seq", r.first_seq},
              {"last_seq", r.last_seq},
              {"last_entry_hash", r.last_entry_hash},
              {"entries_in_period", r.entries_in_period},
              {"entries_matched", r.entries_matched},
              {"filters",
               {{"type", FilterOrNull(r.filters.type)},
                {"actor", FilterOrNull(r.filters.actor)},
                {"subject", FilterOrNull(r.filters.subject)}}},
              {"comment", r.comment ? Json(*r.comment) : Json(nullptr)},
              {"reviewer_id", r.reviewer_id},
              {"reviewer", r.reviewer},
              {"printed_name", r.printed_name},
              {"signature_seq", r.signature_seq},
              {"chain", *hash == r.last_entry_hash ? "intact" : "changed"},
              {"signatures", signed_by}};
}

}  // namespace ordo::review
