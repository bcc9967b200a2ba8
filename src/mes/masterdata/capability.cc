// Registration of the masterdata capability.
#include "mes/masterdata/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/masterdata/http/endpoints.h"
#include "mes/masterdata/permissions.h"
#include "store/projector.h"
#include "store/projector_masterdata.h"
#include "store/schema.h"

namespace ordo::masterdata {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS change_request(
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  reason TEXT NOT NULL,
  impact TEXT NOT NULL,
  state TEXT NOT NULL,
  revision INTEGER NOT NULL,
  author_id INTEGER NOT NULL,
  author TEXT NOT NULL,
  created_seq INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL,
  effective_from_us INTEGER,
  approvals_required INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS md_version(
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  action TEXT NOT NULL,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  change_request TEXT NOT NULL,
  author_id INTEGER NOT NULL,
  author TEXT NOT NULL,
  created_seq INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL,
  effective_from_us INTEGER,
  PRIMARY KEY(kind, id, version));
CREATE INDEX IF NOT EXISTS md_version_by_cr ON md_version(change_request);

CREATE TABLE IF NOT EXISTS cr_participant(
  change_request TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  PRIMARY KEY(change_request, user_id));
)sql";

}  // namespace

void Register() {
  ledger::RegisterEventType(
      {"change_request.opened", 1, "masterdata", "A change request was opened"});
  ledger::RegisterEventType({"change_request.submitted", 1, "masterdata",
                             "A change request was submitted for review (signed)"});
  ledger::RegisterEventType(
      {"change_request.reviewed", 1, "masterdata", "A change request was reviewed (signed)"});
  ledger::RegisterEventType(
      {"change_request.approval_signed", 1, "masterdata", "An approval was signed"});
  ledger::RegisterEventType({"change_request.approved", 1, "masterdata",
                             "A change request was approved; its versions take effect"});
  ledger::RegisterEventType(
      {"change_request.rejected", 1, "masterdata", "A change request was rejected (signed)"});
  ledger::RegisterEventType(
      {"change_request.withdrawn", 1, "masterdata", "A change request was withdrawn"});
  ledger::RegisterEventType(
      {"masterdata.draft_saved", 1, "masterdata", "A draft version was saved in a change request"});
  ledger::RegisterEventType({"masterdata.draft_withdrawn", 1, "masterdata",
                             "A draft was withdrawn from a change request"});
  store::RegisterTables(store::TableSet{"masterdata",
                                        {store::Migration{1, kTablesV1}},
                                        {{"change_request", "id"},
                                         {"md_version", "kind, id, version"},
                                         {"cr_participant", "change_request, user_id"}}});
  store::RegisterProjector("change_request.opened", &store::Opened);
  store::RegisterProjector("masterdata.draft_saved", &store::DraftSaved);
  store::RegisterProjector("masterdata.draft_withdrawn", &store::DraftWithdrawn);
  store::RegisterProjector("change_request.submitted", &store::Submitted);
  store::RegisterProjector("change_request.approved", &store::Approved);
  store::RegisterProjector("change_request.rejected", &store::Rejected);
  store::RegisterProjector("change_request.withdrawn", &store::Withdrawn);
  RegisterPermission({kMasterdataRead,
                      "read master data, change requests and the signature policy",
                      {"operator", "supervisor", "quality", "engineer", "admin"}});
  RegisterPermission(
      {kMasterdataEdit, "draft and submit master data changes, store attachments", {"engineer"}});
  RegisterPermission(
      {kMasterdataApprove, "review, approve and reject change requests", {"quality"}});
  server::RegisterEndpoints("masterdata", Endpoints());
}

}  // namespace ordo::masterdata
