// What a change request waits for, as one person's worklist shows it (pure; the
// worklist source in http/worklist_source.cc reads the state and calls this).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "mes/masterdata/domain/change_control.h"

namespace ordo::masterdata {

// The person whose worklist it is.
struct WorklistViewer {
  std::int64_t user_id = 0;
  bool can_approve = false;  // holds masterdata.approve
};

// One worklist entry of a change request.
struct ChangeRequestWork {
  // change_request.approve (to review and approve), change_request.draft (mine, open),
  // change_request.submitted (mine, in review), change_request.rejected (mine, rejected).
  std::string kind;
  std::string state;       // in words, e.g. "waiting for approval by quality (0 of 1)"
  bool your_turn = false;  // the viewer is the one to act
};

// What `cr` waits for from `viewer`, or nullopt when it is none of their business:
// - a participant (created it or saved a draft in it) sees it while open (draft: to
//   submit), in review (waiting for approval by `approver_roles`, "k of n") and rejected
//   (to change and submit again);
// - an approver who is not a participant (four eyes) sees it in review: to approve, or,
//   when they approved this revision already and more approvals are needed, as waiting;
// - approved and withdrawn requests wait for nobody.
// `approvers` are the users whose approvals count at the current revision.
std::optional<ChangeRequestWork> WorkOf(const ChangeRequest& cr,
                                        const std::set<std::int64_t>& participants,
                                        const std::set<std::int64_t>& approvers,
                                        const WorklistViewer& viewer,
                                        const std::string& approver_roles);

}  // namespace ordo::masterdata
