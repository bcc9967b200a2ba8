// The master data worklist source (http/worklist_source.h): reads the open, in-review
// and rejected change requests on the reader connection and asks the domain
// (domain/worklist.h) what each waits for from the caller.
#include "mes/masterdata/http/worklist_source.h"

#include "core/permissions.h"
#include "mes/masterdata/domain/worklist.h"
#include "mes/masterdata/permissions.h"
#include "mes/masterdata/store/queries.h"
#include "server/worklist.h"

namespace ordo::masterdata {

namespace {

// "quality" (or "quality or supervisor"): the roles that hold masterdata.approve.
std::string ApproverRoles() {
  std::string out;
  for (const auto& p : RegisteredPermissions()) {
    if (p.name != kMasterdataApprove) continue;
    for (const auto& role : p.roles) out += (out.empty() ? "" : " or ") + role;
  }
  return out.empty() ? "an approver" : out;
}

Result<std::vector<server::WorklistItem>> WorkOfCaller(storage::Database& db,
                                                       const server::Session& session, TimeMicros) {
  const WorklistViewer viewer{session.user_id, !RoleFor(session.roles, kMasterdataApprove).empty()};
  const std::string approver_roles = ApproverRoles();
  std::vector<server::WorklistItem> items;
  for (const char* state : {"in_review", "rejected", "open"}) {
    auto crs = ListChangeRequests(db, state);
    if (!crs.ok()) return crs.error();
    for (const auto& cr : *crs) {
      auto participants = Participants(db, cr.id);
      if (!participants.ok()) return participants.error();
      std::set<std::int64_t> approvers;
      if (cr.state == ChangeRequestState::kInReview) {
        auto signed_by = Approvers(db, cr.id, cr.revision);
        if (!signed_by.ok()) return signed_by.error();
        approvers = std::move(*signed_by);
      }
      auto work = WorkOf(cr, *participants, approvers, viewer, approver_roles);
      if (!work) continue;
      items.push_back({work->kind, cr.id, cr.title, work->state, work->your_turn,
                       "#/change-requests/" + cr.id, cr.created_us});
    }
  }
  return items;
}

}  // namespace

void RegisterWorklistSources() {
  server::RegisterWorklistSource(
      {"masterdata.change_requests", kMasterdataRead,
       "change requests to review and approve (approvers, not their own), and one's own "
       "drafts and submitted requests with what they wait for",
       &WorkOfCaller});
}

}  // namespace ordo::masterdata
