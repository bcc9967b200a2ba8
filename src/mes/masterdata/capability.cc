// Registration of the masterdata capability.
#include "mes/masterdata/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/masterdata/events.h"
#include "mes/masterdata/http/endpoints.h"
#include "mes/masterdata/http/worklist_source.h"
#include "mes/masterdata/permissions.h"
#include "mes/masterdata/store/masterdata_store.h"

namespace ordo::masterdata {

void Register() {
  ledger::RegisterEventType<ChangeRequestOpened>("masterdata", "A change request was opened");
  ledger::RegisterEventType<ChangeRequestSubmitted>(
      "masterdata", "A change request was submitted for review (signed)");
  ledger::RegisterEventType<ChangeRequestReviewed>("masterdata",
                                                   "A change request was reviewed (signed)");
  ledger::RegisterEventType<ApprovalSigned>("masterdata", "An approval was signed");
  ledger::RegisterEventType<ChangeRequestApproved>(
      "masterdata", "A change request was approved; its versions take effect");
  ledger::RegisterEventType<ChangeRequestRejected>("masterdata",
                                                   "A change request was rejected (signed)");
  ledger::RegisterEventType<ChangeRequestWithdrawn>("masterdata", "A change request was withdrawn");
  ledger::RegisterEventType<DraftSaved>("masterdata",
                                        "A draft version was saved in a change request");
  ledger::RegisterEventType<DraftWithdrawn>("masterdata",
                                            "A draft was withdrawn from a change request");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterGuards();
  RegisterPermission({kMasterdataRead,
                      "read master data, change requests and the signature policy",
                      {"operator", "supervisor", "quality", "engineer", "admin"}});
  RegisterPermission(
      {kMasterdataEdit, "draft and submit master data changes, store attachments", {"engineer"}});
  RegisterPermission(
      {kMasterdataApprove, "review, approve and reject change requests", {"quality"}});
  server::RegisterEndpoints("masterdata", Endpoints());
  RegisterWorklistSources();
}

}  // namespace ordo::masterdata
