// Unit tests for the signed change control decisions: the signer, submit, review,
// approve and reject (pure domain, no I/O): every refusal with its code, field and
// reason, and the events (the signature first) they produce.
#include <gtest/gtest.h>

#include <string>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mes/masterdata/domain/change_control.h"
#include "mes/masterdata/domain/detail/change_control_testing.h"

namespace ordo::masterdata {
namespace {

using namespace detail;

TEST(ChangeControlSignerTest, NeedsAnActiveAccount) {
  ORDO_VERIFIES("P11-20");
  access::User account{20, "quality", "Demo Quality", {"quality"}, false, 1};
  auto s = DecideSigner(20, "quality", "approved", std::string("ok"), account, true);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->printed_name, "Demo Quality");
  EXPECT_EQ(s->meaning, "approved");
  EXPECT_TRUE(s->policy_acknowledged);
  ExpectRefused(DecideSigner(20, "quality", "approved", {}, std::nullopt, true),
                ErrorCode::kUnauthenticated, "");
  account.disabled = true;
  ExpectRefused(DecideSigner(20, "quality", "approved", {}, account, true),
                ErrorCode::kUnauthenticated, "");
}

const ExistsFn kNothingExists = [](const std::string&, const std::string&) { return false; };

TEST(ChangeControlSubmitTest, SignsAndSubmits) {
  ORDO_VERIFIES("A11-08", "ORDO-MD-02");
  std::vector<Item> items{Draft("qualification", "GMP-BASIC", kQualification)};
  Signer author = SignerWith("authored", 10);
  author.comment = "drafted";
  auto events = DecideSubmit(Cr(), items, author, 2, kNothingExists, 77);
  ASSERT_TRUE(events.ok()) << events.error().message;
  ASSERT_EQ(events->size(), 2u);
  const ledger::Event& sig = (*events)[0];
  EXPECT_EQ(sig.type, "signature.applied");
  EXPECT_EQ(sig.subject_kind, "change_request");
  EXPECT_EQ(sig.subject_id, "CR-000007");
  EXPECT_EQ(sig.subject_version, 3);
  EXPECT_EQ(sig.payload.at("record_kind"), "change_request");
  EXPECT_EQ(sig.payload.at("record_version"), 3);
  EXPECT_EQ(sig.payload.at("meaning"), "authored");
  EXPECT_EQ(sig.payload.at("comment"), "drafted");
  EXPECT_EQ(sig.payload.at("printed_name"), "Demo Quality");
  EXPECT_EQ(sig.payload.at("content_hash"),
            Sha256Hex(CanonicalJson(ChangeRequestRecord(Cr(), items))));
  EXPECT_EQ(sig.signatures, Json::array());
  const ledger::Event& submitted = (*events)[1];
  EXPECT_EQ(submitted.type, "change_request.submitted");
  EXPECT_EQ(submitted.payload,
            (Json{{"revision", 3}, {"approvals_required", 2}, {"signature_id", 77}}));
  EXPECT_EQ(submitted.signatures, Json::array({77}));
  // Without a comment the signature has no comment key.
  auto plain = DecideSubmit(Cr(), items, SignerWith("authored", 10), 1, kNothingExists, 5);
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE((*plain)[0].payload.contains("comment"));
}

TEST(ChangeControlSubmitTest, Refusals) {
  ORDO_VERIFIES("P11-06", "P11-10", "ORDO-MD-03");
  std::vector<Item> items{Draft("qualification", "GMP-BASIC", kQualification)};
  const Signer author = SignerWith("authored", 10);
  for (auto state : {ChangeRequestState::kInReview, ChangeRequestState::kApproved,
                     ChangeRequestState::kWithdrawn})
    ExpectRefused(DecideSubmit(Cr(state), items, author, 1, kNothingExists, 1),
                  ErrorCode::kFailedPrecondition, "", "illegal_transition");
  ExpectRefused(DecideSubmit(Cr(), items, SignerWith("approved", 10), 1, kNothingExists, 1),
                ErrorCode::kInvalidArgument, "signature.meaning");
  Signer unacknowledged = author;
  unacknowledged.policy_acknowledged = false;
  ExpectRefused(DecideSubmit(Cr(), items, unacknowledged, 1, kNothingExists, 1),
                ErrorCode::kFailedPrecondition, "signature", "policy_not_acknowledged");
  ExpectRefused(DecideSubmit(Cr(), {}, author, 1, kNothingExists, 1),
                ErrorCode::kFailedPrecondition, "", "empty_change_request");
  std::vector<Item> withdrawn{
      Draft("qualification", "GMP-BASIC", kQualification, VersionState::kWithdrawn)};
  ExpectRefused(DecideSubmit(Cr(), withdrawn, author, 1, kNothingExists, 1),
                ErrorCode::kFailedPrecondition, "", "empty_change_request");
  std::vector<Item> invalid{Draft("qualification", "GMP-BASIC", Json{{"id", "GMP-BASIC"}})};
  ExpectRefused(DecideSubmit(Cr(), invalid, author, 1, kNothingExists, 1),
                ErrorCode::kInvalidArgument, "qualification/GMP-BASIC.name");
  // The product refers to M-1, R-1 and C-1; none is in force or in the change request.
  std::vector<Item> product{Draft("product", "P-1", kProduct)};
  ExpectRefused(DecideSubmit(Cr(), product, author, 1, kNothingExists, 1),
                ErrorCode::kFailedPrecondition, "product/P-1.material", "unresolved_reference");
  // In force, but obsoleted by this change request.
  const ExistsFn everything = [](const std::string&, const std::string&) { return true; };
  product.push_back(Draft("material", "M-1", Json::object(), VersionState::kDraft, "obsolete"));
  ExpectRefused(DecideSubmit(Cr(), product, author, 1, everything, 1),
                ErrorCode::kFailedPrecondition, "product/P-1.material", "unresolved_reference");
  product.pop_back();
  EXPECT_TRUE(DecideSubmit(Cr(), product, author, 1, everything, 1).ok());
}

TEST(ChangeControlSignTest, ReviewRejectAndApprovals) {
  ORDO_VERIFIES("A11-08", "ORDO-MD-02", "ORDO-MD-04");
  std::vector<Item> items{
      Draft("qualification", "GMP-BASIC", kQualification, VersionState::kInReview)};
  ChangeRequest cr = Cr(ChangeRequestState::kInReview);
  cr.approvals_required = 2;
  cr.effective_from = kNow + 1000;

  auto reviewed = DecideSign(cr, items, SignerWith("reviewed"), {10}, {}, 50, kNow);
  ASSERT_TRUE(reviewed.ok()) << reviewed.error().message;
  ASSERT_EQ(reviewed->size(), 2u);
  EXPECT_EQ((*reviewed)[1].type, "change_request.reviewed");
  EXPECT_EQ((*reviewed)[1].payload, (Json{{"revision", 3}, {"signature_id", 50}}));

  Signer rejecting = SignerWith("rejected");
  rejecting.comment = "limits too wide";
  auto rejected = DecideSign(cr, items, rejecting, {10}, {}, 51, kNow);
  ASSERT_TRUE(rejected.ok()) << rejected.error().message;
  EXPECT_EQ((*rejected)[1].type, "change_request.rejected");
  EXPECT_EQ((*rejected)[1].payload,
            (Json{{"revision", 3}, {"signature_id", 51}, {"comment", "limits too wide"}}));

  auto first = DecideSign(cr, items, SignerWith("approved"), {10}, {}, 52, kNow);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->size(), 2u);  // one of two approvals
  EXPECT_EQ((*first)[1].type, "change_request.approval_signed");
  EXPECT_EQ(
      (*first)[1].payload,
      (Json{{"revision", 3}, {"signature_id", 52}, {"approvals", 1}, {"approvals_required", 2}}));

  auto last = DecideSign(cr, items, SignerWith("approved", 21), {10}, {20}, 53, kNow);
  ASSERT_TRUE(last.ok()) << last.error().message;
  ASSERT_EQ(last->size(), 3u);
  EXPECT_EQ((*last)[1].payload.at("approvals"), 2);
  const ledger::Event& approved = (*last)[2];
  EXPECT_EQ(approved.type, "change_request.approved");
  EXPECT_EQ(approved.subject_id, "CR-000007");
  EXPECT_EQ(approved.signatures, Json::array({53}));
  EXPECT_EQ(
      approved.payload,
      (Json{{"revision", 3},
            {"effective_from_us", kNow + 1000},
            {"versions", Json::array({Json{
                             {"kind", "qualification"}, {"id", "GMP-BASIC"}, {"version", 1}}})}}));
  // Asked for a time in the past: effective at approval, never earlier.
  cr.effective_from = kNow - 1000;
  auto now = DecideSign(cr, items, SignerWith("approved", 21), {10}, {20}, 53, kNow);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ((*now)[2].payload.at("effective_from_us"), kNow);
}

TEST(ChangeControlSignTest, Refusals) {
  ORDO_VERIFIES("P11-06", "P11-07", "P11-10", "ORDO-MD-03", "ORDO-MD-04");
  std::vector<Item> items{
      Draft("qualification", "GMP-BASIC", kQualification, VersionState::kInReview)};
  const ChangeRequest cr = Cr(ChangeRequestState::kInReview);
  for (const char* meaning : {"authored", "verified", ""})
    ExpectRefused(DecideSign(cr, items, SignerWith(meaning), {}, {}, 1, kNow),
                  ErrorCode::kInvalidArgument, "signature.meaning");
  for (auto state : {ChangeRequestState::kOpen, ChangeRequestState::kRejected,
                     ChangeRequestState::kApproved, ChangeRequestState::kWithdrawn})
    ExpectRefused(DecideSign(Cr(state), items, SignerWith("approved"), {}, {}, 1, kNow),
                  ErrorCode::kFailedPrecondition, "", "illegal_transition");
  ExpectRefused(DecideSign(cr, items, SignerWith("approved", 10), {10}, {}, 1, kNow),
                ErrorCode::kPermissionDenied, "signature.user", "four_eyes");
  Signer unacknowledged = SignerWith("reviewed");
  unacknowledged.policy_acknowledged = false;
  ExpectRefused(DecideSign(cr, items, unacknowledged, {}, {}, 1, kNow),
                ErrorCode::kFailedPrecondition, "signature", "policy_not_acknowledged");
  Signer rejecting = SignerWith("rejected");
  ExpectRefused(DecideSign(cr, items, rejecting, {}, {}, 1, kNow), ErrorCode::kInvalidArgument,
                "signature.comment");
  rejecting.comment = "";
  ExpectRefused(DecideSign(cr, items, rejecting, {}, {}, 1, kNow), ErrorCode::kInvalidArgument,
                "signature.comment");
  ExpectRefused(DecideSign(cr, items, SignerWith("approved", 20), {}, {20}, 1, kNow),
                ErrorCode::kConflict, "signature.user", "already_signed");
}
}  // namespace
}  // namespace ordo::masterdata
