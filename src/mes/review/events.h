// The review capability's published event: a signed review of a period of the audit
// trail (21 CFR 11.10(e), EU GMP Annex 11 9). Its signature is the signature.applied
// entry written just before it, bound to the review record's content hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/canonical_json.h"
#include "core/clock.h"

namespace ordo::review {

// The filters a review used, with the names and meaning of GET /api/v1/ledger's query
// parameters; an empty one did not filter (its key is absent from the JSON).
struct ReviewFilters {
  std::string type;     // event type
  std::string actor;    // login name of who recorded the entry
  std::string subject;  // subject id, or a payload's "subject"
};

// Subject ("audit_review", "AR-000001"). The period is [from_us, to_us); first_seq and
// last_seq are the ledger entries it covered, last_entry_hash the hash of entry last_seq,
// so the review is bound to the exact chain content it covered.
struct AuditTrailReviewed {
  static constexpr const char* kType = "review.audit_trail_reviewed";
  static constexpr int kVersion = 1;
  TimeMicros from_us = 0;
  TimeMicros to_us = 0;
  std::int64_t first_seq = 0;
  std::int64_t last_seq = 0;
  std::string last_entry_hash;
  std::int64_t entries_in_period = 0;  // every entry in the period
  std::int64_t entries_matched = 0;    // the entries the filters matched
  ReviewFilters filters;
  std::optional<std::string> comment;  // the reviewer's notes; the key is absent when none
  std::int64_t reviewer_id = 0;
  std::string reviewer;      // login name
  std::string printed_name;  // display name at the time of signing
  std::int64_t signature_seq = 0;
};

void to_json(Json& j, const ReviewFilters& f);
void from_json(const Json& j, ReviewFilters& f);
void to_json(Json& j, const AuditTrailReviewed& e);
void from_json(const Json& j, AuditTrailReviewed& e);

}  // namespace ordo::review
