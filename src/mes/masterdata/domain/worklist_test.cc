// Unit tests of what a change request waits for, per person (domain/worklist.h).
#include "mes/masterdata/domain/worklist.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::masterdata {
namespace {

constexpr std::int64_t kAuthor = 2, kDrafter = 3, kQuality = 4, kQuality2 = 5, kOperator = 6;

ChangeRequest Cr(ChangeRequestState state, int required = 1) {
  ChangeRequest cr;
  cr.id = "CR-000001";
  cr.state = state;
  cr.author_id = kAuthor;
  cr.approvals_required = required;
  return cr;
}

std::optional<ChangeRequestWork> Work(const ChangeRequest& cr, std::int64_t viewer,
                                      bool can_approve, std::set<std::int64_t> approvers = {}) {
  return WorkOf(cr, {kAuthor, kDrafter}, approvers, {viewer, can_approve}, "quality");
}

TEST(MasterdataWorklist, AnApproverSeesARequestInReviewButNeverOneTheyTookPartIn) {
  ORDO_VERIFIES("P11-07", "ORDO-UI-22");
  auto cr = Cr(ChangeRequestState::kInReview);
  auto w = Work(cr, kQuality, true);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->kind, "change_request.approve");
  EXPECT_TRUE(w->your_turn);
  EXPECT_EQ(w->state, "waiting for your review and approval (0 of 1)");
  // A drafter who also holds the approval permission waits like any author (four eyes).
  auto drafter = Work(cr, kDrafter, true);
  ASSERT_TRUE(drafter.has_value());
  EXPECT_EQ(drafter->kind, "change_request.submitted");
  EXPECT_FALSE(drafter->your_turn);
  // Without the permission and not a participant: nothing.
  EXPECT_FALSE(Work(cr, kOperator, false).has_value());
}

TEST(MasterdataWorklist, TheAuthorSeesWhatTheirRequestWaitsFor) {
  ORDO_VERIFIES("ORDO-UI-23");
  auto open = Work(Cr(ChangeRequestState::kOpen), kAuthor, false);
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->kind, "change_request.draft");
  EXPECT_TRUE(open->your_turn);
  auto review = Work(Cr(ChangeRequestState::kInReview, 2), kAuthor, false, {kQuality});
  ASSERT_TRUE(review.has_value());
  EXPECT_EQ(review->state, "waiting for approval by quality (1 of 2)");
  EXPECT_FALSE(review->your_turn);
  auto rejected = Work(Cr(ChangeRequestState::kRejected), kAuthor, false);
  ASSERT_TRUE(rejected.has_value());
  EXPECT_EQ(rejected->kind, "change_request.rejected");
  EXPECT_TRUE(rejected->your_turn);
  // Someone else's draft is not on my list, approver or not.
  EXPECT_FALSE(Work(Cr(ChangeRequestState::kOpen), kQuality, true).has_value());
}

TEST(MasterdataWorklist, AnApproverWhoApprovedWaitsForTheSecondApproval) {
  ORDO_VERIFIES("ORDO-UI-22");
  auto cr = Cr(ChangeRequestState::kInReview, 2);
  auto mine = Work(cr, kQuality, true, {kQuality});
  ASSERT_TRUE(mine.has_value());
  EXPECT_FALSE(mine->your_turn);
  EXPECT_EQ(mine->state, "approved by you; waiting for approval by quality (1 of 2)");
  auto other = Work(cr, kQuality2, true, {kQuality});
  ASSERT_TRUE(other.has_value());
  EXPECT_TRUE(other->your_turn);
}

TEST(MasterdataWorklist, ClosedRequestsWaitForNobody) {
  ORDO_VERIFIES("ORDO-UI-23");
  for (auto state : {ChangeRequestState::kApproved, ChangeRequestState::kWithdrawn}) {
    EXPECT_FALSE(Work(Cr(state), kAuthor, false).has_value());
    EXPECT_FALSE(Work(Cr(state), kQuality, true).has_value());
  }
}

}  // namespace
}  // namespace ordo::masterdata
