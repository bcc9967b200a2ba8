// Unit tests of the audit trail review decisions (pure domain, no I/O).
#include "mes/review/domain/review.h"

#include <gtest/gtest.h>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mes/signatures/events.h"

namespace ordo::review {
namespace {

constexpr TimeMicros kHour = 3'600'000'000;
constexpr TimeMicros kFrom = 1'790'000'000'000'000;  // 2026-09-21
constexpr TimeMicros kNow = kFrom + 48 * kHour;

const std::set<std::string> kTypes = {"logbook.entry_recorded", "session.login_failed"};

ReviewAuditTrail Good() {
  return ReviewAuditTrail{kFrom,
                          kFrom + 24 * kHour,
                          {"logbook.entry_recorded", "operator", ""},
                          std::string("no findings")};
}

LedgerPeriod Period() { return LedgerPeriod{40, 11, 50, std::string(64, 'a'), 7}; }

Reviewer Quality() {
  return Reviewer{5, "quality", "Quinn Quality", "reviewed", std::nullopt, true, true};
}

void ExpectRefused(const Result<std::vector<ledger::Event>>& r, ErrorCode code,
                   const std::string& field, const std::string& reason) {
  ASSERT_FALSE(r.ok()) << "accepted, expected a refusal on " << field;
  EXPECT_EQ(r.error().code, code) << r.error().message;
  EXPECT_EQ(r.error().field, field) << r.error().message;
  EXPECT_EQ(r.error().reason, reason) << r.error().message;
  EXPECT_FALSE(r.error().message.empty());
}

Result<std::vector<ledger::Event>> Decide(const ReviewAuditTrail& c,
                                          const LedgerPeriod& p = Period(),
                                          const Reviewer& r = Quality()) {
  return DecideReview(c, kTypes, p, r, kNow, 3, 101);
}

TEST(ReviewDecideTest, SignatureThenReviewBoundToTheRecord) {
  ORDO_VERIFIES("P11-05", "A11-07", "P11-14", "ORDO-REVIEW-01", "ORDO-REVIEW-02");
  auto events = Decide(Good());
  ASSERT_TRUE(events.ok()) << events.error().message;
  ASSERT_EQ(events->size(), 2u);
  const ledger::Event& sig = (*events)[0];
  const ledger::Event& review = (*events)[1];
  EXPECT_EQ(sig.type, signatures::SignatureApplied::kType);
  EXPECT_EQ(review.type, AuditTrailReviewed::kType);
  for (const auto* e : {&sig, &review}) {
    EXPECT_EQ(e->subject_kind, "audit_review");
    EXPECT_EQ(e->subject_id, "AR-000003");
  }
  EXPECT_EQ(review.signatures, Json::array({101}));

  auto applied = ledger::ReadPayload<signatures::SignatureApplied>(sig.payload);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->meaning, "reviewed");
  EXPECT_EQ(applied->record_kind, "audit_review");
  EXPECT_EQ(applied->record_id, "AR-000003");
  EXPECT_EQ(applied->printed_name, "Quinn Quality");
  auto payload = ledger::ReadPayload<AuditTrailReviewed>(review.payload);
  ASSERT_TRUE(payload.ok());
  EXPECT_EQ(payload->first_seq, 11);
  EXPECT_EQ(payload->last_seq, 50);
  EXPECT_EQ(payload->last_entry_hash, std::string(64, 'a'));
  EXPECT_EQ(payload->entries_in_period, 40);
  EXPECT_EQ(payload->entries_matched, 7);
  EXPECT_EQ(payload->filters.type, "logbook.entry_recorded");
  EXPECT_EQ(payload->filters.actor, "operator");
  EXPECT_EQ(payload->reviewer, "quality");
  EXPECT_EQ(payload->signature_seq, 101);
  // The signature is bound to the review record: any change of what was reviewed changes
  // the hash.
  EXPECT_EQ(applied->content_hash, Sha256Hex(CanonicalJson(ReviewRecord("AR-000003", *payload))));
  AuditTrailReviewed other = *payload;
  other.last_entry_hash = std::string(64, 'b');
  EXPECT_NE(applied->content_hash, Sha256Hex(CanonicalJson(ReviewRecord("AR-000003", other))));
  other = *payload;
  other.filters.actor = "supervisor";
  EXPECT_NE(applied->content_hash, Sha256Hex(CanonicalJson(ReviewRecord("AR-000003", other))));
  // An empty filter is not recorded.
  EXPECT_FALSE(review.payload["filters"].contains("subject")) << review.payload.dump();
}

TEST(ReviewDecideTest, NoFiltersAndZeroMatchesAreAReview) {
  ORDO_VERIFIES("ORDO-REVIEW-01");
  ReviewAuditTrail c = Good();
  c.filters = {};
  c.comment.reset();
  LedgerPeriod p = Period();
  p.entries_matched = 0;
  auto events = Decide(c, p);
  ASSERT_TRUE(events.ok()) << events.error().message;
  EXPECT_EQ((*events)[1].payload["filters"], Json::object());
  EXPECT_FALSE((*events)[1].payload.contains("comment"));
  EXPECT_EQ((*events)[1].payload["entries_matched"], 0);
}

TEST(ReviewDecideTest, ReviewIds) {
  ORDO_VERIFIES("ORDO-REVIEW-01");
  EXPECT_EQ(ReviewId(1), "AR-000001");
  EXPECT_EQ(ReviewId(999999), "AR-999999");
  EXPECT_EQ(ReviewId(1000000), "AR-1000000");
}

TEST(ReviewValidateTest, Period) {
  ORDO_VERIFIES("ORDO-REVIEW-03");
  ReviewAuditTrail c = Good();
  c.from_us = -1;
  ExpectRefused(Decide(c), ErrorCode::kInvalidArgument, "from", "invalid_time");
  c.from_us = 0;  // from the start of the ledger
  EXPECT_TRUE(Decide(c).ok());
  c = Good();
  c.to_us = c.from_us;
  ExpectRefused(Decide(c), ErrorCode::kInvalidArgument, "to", "empty_period");
  c.to_us = c.from_us - 1;
  ExpectRefused(Decide(c), ErrorCode::kInvalidArgument, "to", "empty_period");
  c = Good();
  c.to_us = kNow + 1;
  ExpectRefused(Decide(c), ErrorCode::kInvalidArgument, "to", "period_beyond_head");
  c.to_us = kNow;
  EXPECT_TRUE(Decide(c).ok());
}

TEST(ReviewValidateTest, Filters) {
  ORDO_VERIFIES("ORDO-REVIEW-03");
  ReviewAuditTrail c = Good();
  c.filters.type = "logbook.no_such_event";
  ExpectRefused(Decide(c), ErrorCode::kInvalidArgument, "filters.type", "unknown_event_type");
  c = Good();
  c.filters.actor = std::string(129, 'a');
  ExpectRefused(Decide(c), ErrorCode::kInvalidArgument, "filters.actor", "malformed_filter");
  c = Good();
  c.filters.subject = "GRAN-01\nforged";
  ExpectRefused(Decide(c), ErrorCode::kInvalidArgument, "filters.subject", "malformed_filter");
  c.filters.subject = std::string(128, 's');
  EXPECT_TRUE(Decide(c).ok());
  c = Good();
  c.comment = std::string(1001, 'x');
  ExpectRefused(Decide(c), ErrorCode::kInvalidArgument, "comment", "too_long");
}

TEST(ReviewValidateTest, ParseFilters) {
  ORDO_VERIFIES("ORDO-REVIEW-03");
  auto f = ParseFilters(Json{{"type", "logbook.entry_recorded"}, {"actor", "op"}, {"subject", ""}});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->type, "logbook.entry_recorded");
  EXPECT_EQ(f->actor, "op");
  EXPECT_TRUE(f->subject.empty());
  EXPECT_TRUE(ParseFilters(Json()).ok());
  auto unknown = ParseFilters(Json{{"batch", "B-1"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "filters.batch");
  EXPECT_EQ(unknown.error().reason, "unknown_filter");
  auto wrong = ParseFilters(Json{{"actor", 3}});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "filters.actor");
  EXPECT_EQ(wrong.error().reason, "malformed_filter");
  auto array = ParseFilters(Json::array({"type"}));
  ASSERT_FALSE(array.ok());
  EXPECT_EQ(array.error().field, "filters");
}

TEST(ReviewDecideTest, Signer) {
  ORDO_VERIFIES("P11-10", "ORDO-REVIEW-02");
  Reviewer r = Quality();
  r.meaning = "approved";
  ExpectRefused(Decide(Good(), Period(), r), ErrorCode::kInvalidArgument, "signature.meaning", "");
  r = Quality();
  r.active = false;
  auto disabled = Decide(Good(), Period(), r);
  ASSERT_FALSE(disabled.ok());
  EXPECT_EQ(disabled.error().code, ErrorCode::kUnauthenticated);
  r = Quality();
  r.policy_acknowledged = false;
  ExpectRefused(Decide(Good(), Period(), r), ErrorCode::kFailedPrecondition, "signature",
                "policy_not_acknowledged");
}

TEST(ReviewDecideTest, APeriodWithoutEntriesHasNothingToReview) {
  ORDO_VERIFIES("ORDO-REVIEW-03");
  LedgerPeriod empty{0, 0, 0, "", 0};
  ExpectRefused(Decide(Good(), empty), ErrorCode::kFailedPrecondition, "from", "empty_period");
}

}  // namespace
}  // namespace ordo::review
