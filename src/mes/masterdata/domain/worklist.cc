// What a change request waits for, per person (domain/worklist.h).
#include "mes/masterdata/domain/worklist.h"

namespace ordo::masterdata {

namespace {

std::string Count(const std::set<std::int64_t>& approvers, int required) {
  return "(" + std::to_string(approvers.size()) + " of " + std::to_string(required) + ")";
}

}  // namespace

std::optional<ChangeRequestWork> WorkOf(const ChangeRequest& cr,
                                        const std::set<std::int64_t>& participants,
                                        const std::set<std::int64_t>& approvers,
                                        const WorklistViewer& viewer,
                                        const std::string& approver_roles) {
  const bool participant = participants.count(viewer.user_id) > 0;
  const std::string waiting =
      "waiting for approval by " + approver_roles + " " + Count(approvers, cr.approvals_required);
  switch (cr.state) {
    case ChangeRequestState::kOpen:
      if (!participant) return std::nullopt;
      return ChangeRequestWork{"change_request.draft",
                               "draft: submit it for approval when it is ready", true};
    case ChangeRequestState::kRejected:
      if (!participant) return std::nullopt;
      return ChangeRequestWork{"change_request.rejected",
                               "rejected: change it and submit it again, or withdraw it", true};
    case ChangeRequestState::kInReview:
      if (participant) return ChangeRequestWork{"change_request.submitted", waiting, false};
      if (!viewer.can_approve) return std::nullopt;
      if (approvers.count(viewer.user_id) > 0)
        return ChangeRequestWork{"change_request.approve", "approved by you; " + waiting, false};
      return ChangeRequestWork{
          "change_request.approve",
          "waiting for your review and approval " + Count(approvers, cr.approvals_required), true};
    case ChangeRequestState::kApproved:
    case ChangeRequestState::kWithdrawn:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace ordo::masterdata
