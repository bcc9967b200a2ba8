// Audit trail review (21 CFR 11.10(e), EU GMP Annex 11 9): quality signs, with the meaning
// "reviewed", that it reviewed a period of the ledger with the filters it used. The
// review is its own record (AR-000001, ...), bound to the chain content it covered by
// the hash of the period's last entry. Pure: time, numbers and ledger facts arrive as
// arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/review/events.h"

namespace ordo::review {

// The subject kind of reviews in the ledger (and the record kind of their signatures).
inline constexpr const char* kSubjectKind = "audit_review";
// The one meaning a review is signed with.
inline constexpr const char* kMeaning = "reviewed";

// The command: review the entries of [from_us, to_us) that `filters` match.
struct ReviewAuditTrail {
  TimeMicros from_us = 0;
  TimeMicros to_us = 0;
  ReviewFilters filters;
  std::optional<std::string> comment;
};

// The filters of a request body's "filters" object: the keys type, actor and subject
// (GET /api/v1/ledger's names), each a string; an absent or empty one does not filter.
// Refuses a key that is no filter (invalid_argument, unknown_filter, field
// "filters.<key>") and a value that is not a string (invalid_argument, malformed_filter).
Result<ReviewFilters> ParseFilters(const Json& filters);

// Checks the command alone. Refuses (invalid_argument), in this order: from_us < 0
// (field from, invalid_time); to_us <= from_us (field to, empty_period); a type that is not
// in `event_types` (field filters.type, unknown_event_type); an actor or subject longer
// than 128 bytes or holding a control character (field filters.actor / filters.subject,
// malformed_filter); a comment longer than 1000 bytes (field comment, too_long).
Status ValidateReview(const ReviewAuditTrail& command, const std::set<std::string>& event_types);

// What the ledger holds in the period, read by the command on the writer's connection.
struct LedgerPeriod {
  std::int64_t entries_in_period = 0;  // every entry in [from_us, to_us)
  std::int64_t first_seq = 0, last_seq = 0;
  std::string last_entry_hash;       // hash of entry last_seq
  std::int64_t entries_matched = 0;  // the entries of the period the filters match
};

// The signer of a review: the identity the signatures capability re-authenticated, the
// account as it is now and whether it acknowledged the current signature policy.
struct Reviewer {
  std::int64_t user_id = 0;
  std::string name;          // login name
  std::string printed_name;  // display name now
  std::string meaning;
  std::optional<std::string> comment;  // the signature's comment
  bool active = false;                 // the account exists and is not disabled
  bool policy_acknowledged = false;
};

// The review record the signature's content hash is computed over: the review's id and
// everything the event records but the signer and the signature seq.
Json ReviewRecord(const std::string& id, const AuditTrailReviewed& review);

// "AR-" and `number` in six digits at least.
std::string ReviewId(std::int64_t number);

// signature.applied (meaning reviewed, record audit_review/<id> version 1, bound to
// ReviewRecord) then AuditTrailReviewed relying on it, for review `number`; the
// signature entry gets `signature_seq`. Refuses, in this order: the command as
// ValidateReview; a period ending after `now` (invalid_argument, period_beyond_head,
// field to); a meaning other than reviewed (field signature.meaning); a missing or
// disabled account (unauthenticated); a signer without the policy acknowledgement
// (failed_precondition, policy_not_acknowledged, field signature); a period without
// ledger entries (failed_precondition, empty_period, field from).
Result<std::vector<ledger::Event>> DecideReview(const ReviewAuditTrail& command,
                                                const std::set<std::string>& event_types,
                                                const LedgerPeriod& period,
                                                const Reviewer& reviewer, TimeMicros now,
                                                std::int64_t number, std::int64_t signature_seq);

}  // namespace ordo::review
