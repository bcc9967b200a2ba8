// Audit trail review decisions (review.h).
#include "mes/review/domain/review.h"

#include <cstdio>

#include "core/crypto.h"
#include "mes/signatures/events.h"

namespace ordo::review {

namespace {

constexpr std::size_t kMaxFilterLength = 128;
constexpr std::size_t kMaxCommentLength = 1000;

bool HasControlCharacter(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

Status CheckFilterText(const std::string& value, const std::string& name) {
  if (value.size() > kMaxFilterLength || HasControlCharacter(value))
    return Error::Invalid(
        "filters." + name,
        "filters." + name + " must be at most 128 bytes without control characters",
        "malformed_filter");
  return Ok();
}

}  // namespace

Result<ReviewFilters> ParseFilters(const Json& filters) {
  ReviewFilters f;
  if (filters.is_null()) return f;
  if (!filters.is_object())
    return Error::Invalid("filters", "filters must be an object of type, actor and subject",
                          "malformed_filter");
  for (const auto& [key, value] : filters.items()) {
    std::string* target = key == "type"      ? &f.type
                          : key == "actor"   ? &f.actor
                          : key == "subject" ? &f.subject
                                             : nullptr;
    if (!target)
      return Error::Invalid("filters." + key,
                            "'" + key +
                                "' is not a filter of the audit trail; use type, actor or subject "
                                "(period: from and to)",
                            "unknown_filter");
    if (!value.is_string())
      return Error::Invalid("filters." + key, "filters." + key + " must be a string",
                            "malformed_filter");
    *target = value.get<std::string>();
  }
  return f;
}

Status ValidateReview(const ReviewAuditTrail& c, const std::set<std::string>& event_types) {
  if (c.from_us < 0)
    return Error::Invalid("from", "from must not be before 1970-01-01T00:00:00Z", "invalid_time");
  if (c.to_us <= c.from_us)
    return Error::Invalid("to", "the period must end (to) after it starts (from)", "empty_period");
  if (!c.filters.type.empty() && !event_types.count(c.filters.type))
    return Error::Invalid("filters.type",
                          "filters.type '" + c.filters.type + "' is not an event type of ordo",
                          "unknown_event_type");
  ORDO_TRY(CheckFilterText(c.filters.actor, "actor"));
  ORDO_TRY(CheckFilterText(c.filters.subject, "subject"));
  if (c.comment && c.comment->size() > kMaxCommentLength)
    return Error::Invalid("comment", "comment must be at most 1000 bytes", "too_long");
  return Ok();
}

Json ReviewRecord(const std::string& id, const AuditTrailReviewed& r) {
  Json record{{"id", id},
              {"from_us", r.from_us},
              {"to_us", r.to_us},
              {"first_seq", r.first_seq},
              {"last_seq", r.last_seq},
              {"last_entry_hash", r.last_entry_hash},
              {"entries_in_period", r.entries_in_period},
              {"entries_matched", r.entries_matched},
              {"filters", r.filters}};
  record["comment"] = r.comment ? Json(*r.comment) : Json(nullptr);
  return record;
}

std::string ReviewId(std::int64_t number) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "AR-%06lld", static_cast<long long>(number));
  return buffer;
}

Result<std::vector<ledger::Event>> DecideReview(const ReviewAuditTrail& c,
                                                const std::set<std::string>& event_types,
                                                const LedgerPeriod& period,
                                                const Reviewer& reviewer, TimeMicros now,
                                                std::int64_t number, std::int64_t signature_seq) {
  ORDO_TRY(ValidateReview(c, event_types));
  if (c.to_us > now)
    return Error::Invalid("to",
                          "the period ends at " + FormatUtcMicros(c.to_us) +
                              ", after the ledger head (now " + FormatUtcMicros(now) +
                              "): a review covers only entries already written",
                          "period_beyond_head");
  if (reviewer.meaning != kMeaning)
    return Error::Invalid("signature.meaning", "a review is signed with meaning 'reviewed'");
  if (!reviewer.active)
    return Error::Make(ErrorCode::kUnauthenticated, "the signing account is disabled");
  if (!reviewer.policy_acknowledged)
    return Error{ErrorCode::kFailedPrecondition,
                 "acknowledge the site's signature policy before signing", "signature",
                 "policy_not_acknowledged"};
  if (period.entries_in_period == 0 || period.last_seq == 0)
    return Error{ErrorCode::kFailedPrecondition,
                 "the ledger has no entries between " + FormatUtcMicros(c.from_us) + " and " +
                     FormatUtcMicros(c.to_us) + "; there is nothing to review",
                 "from", "empty_period"};

  const std::string id = ReviewId(number);
  AuditTrailReviewed reviewed;
  reviewed.from_us = c.from_us;
  reviewed.to_us = c.to_us;
  reviewed.first_seq = period.first_seq;
  reviewed.last_seq = period.last_seq;
  reviewed.last_entry_hash = period.last_entry_hash;
  reviewed.entries_in_period = period.entries_in_period;
  reviewed.entries_matched = period.entries_matched;
  reviewed.filters = c.filters;
  reviewed.comment = c.comment;
  reviewed.reviewer_id = reviewer.user_id;
  reviewed.reviewer = reviewer.name;
  reviewed.printed_name = reviewer.printed_name;
  reviewed.signature_seq = signature_seq;

  signatures::SignatureApplied applied;
  applied.signer_id = reviewer.user_id;
  applied.signer = reviewer.name;
  applied.printed_name = reviewer.printed_name;
  applied.meaning = reviewer.meaning;
  applied.comment = reviewer.comment;
  applied.record_kind = kSubjectKind;
  applied.record_id = id;
  applied.record_version = 1;
  applied.content_hash = Sha256Hex(CanonicalJson(ReviewRecord(id, reviewed)));

  std::vector<ledger::Event> events;
  events.push_back(ledger::MakeEvent(applied, kSubjectKind, id));
  events.push_back(ledger::MakeEvent(reviewed, kSubjectKind, id));
  events.back().signatures = Json::array({signature_seq});
  return events;
}

}  // namespace ordo::review
