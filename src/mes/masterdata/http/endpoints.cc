// The masterdata endpoint table (handlers in http/ and, until they move, src/server).
#include "mes/masterdata/http/endpoints.h"

#include "mes/masterdata/permissions.h"
#include "server/legacy_handlers.h"

namespace ordo::masterdata {

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  std::vector<server::Endpoint> table;
  {
    // Master data and change control (docs/masterdata.md).
    server::Endpoint e{"GET",  "/api/v1/masterdata/kinds",    kMasterdataRead,         {},
                       "read", "The master data kinds table", &server::MasterdataKinds};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/masterdata/validate",
                       kMasterdataRead,
                       {{{"kind", F::kString, true, 64, "master data kind"},
                         {"content", F::kObject, true, 0, "the content to check"}}},
                       "read",
                       "Validate content without changing anything",
                       &server::ValidateMasterdata};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",  "/api/v1/masterdata/{kind}", kMasterdataRead,        {},
                       "read", "Objects of a kind (?q=)",   &server::ListMasterdata};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/masterdata/{kind}/{id}",
                       kMasterdataRead,
                       {},
                       "read",
                       "An object with every version and signature",
                       &server::GetMasterdataObject};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/masterdata/{kind}/{id}/versions/{version}",
                       kMasterdataRead,
                       {},
                       "read",
                       "One version",
                       &server::GetMasterdataVersion};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{
        "GET",  "/api/v1/masterdata/{kind}/{id}/diff",     kMasterdataRead,        {},
        "read", "Field-by-field differences (?from=&to=)", &server::DiffMasterdata};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/change-requests",
                       kMasterdataRead,
                       {},
                       "read",
                       "Change requests, newest first (?state=)",
                       &server::ListChangeRequests};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/change-requests",
                       kMasterdataEdit,
                       {{{"title", F::kString, true, 200, "title"},
                         {"description", F::kString, true, 4000, "what changes"},
                         {"reason", F::kString, true, 1000, "why"},
                         {"impact", F::kString, false, 4000, "impact assessment"},
                         {"effective_from", F::kString, false, 40, "ISO 8601 date and time"}}},
                       "command",
                       "Open a change request",
                       &server::OpenChangeRequest};
    e.success_status = 201;
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/change-requests/{id}",
                       kMasterdataRead,
                       {},
                       "read",
                       "A change request with items, diffs, signatures and history",
                       &server::GetChangeRequest};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"PUT",
                       "/api/v1/change-requests/{id}/items/{kind}/{object}",
                       kMasterdataEdit,
                       {{{"content", F::kObject, true, 0, "the object's content"},
                         {"action", F::kString, false, 16, "define (default) or obsolete"}}},
                       "command",
                       "Create or change a draft in the change request",
                       &server::SaveDraft};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"DELETE",
                       "/api/v1/change-requests/{id}/items/{kind}/{object}",
                       kMasterdataEdit,
                       {},
                       "command",
                       "Withdraw a draft",
                       &server::WithdrawDraft};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/change-requests/{id}/submit",
                       kMasterdataEdit,
                       {{{"signature", F::kObject, true, 0, "{user, password, meaning, comment}"}}},
                       "command",
                       "Submit for review (signed: authored)",
                       &server::SubmitChangeRequest};
    e.signature_meaning = "authored";
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/change-requests/{id}/review",
                       kMasterdataApprove,
                       {{{"signature", F::kObject, true, 0, "{user, password, meaning, comment}"}}},
                       "command",
                       "Record a review (signed: reviewed)",
                       &server::ReviewChangeRequest};
    e.signature_meaning = "reviewed";
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/change-requests/{id}/approve",
                       kMasterdataApprove,
                       {{{"signature", F::kObject, true, 0, "{user, password, meaning, comment}"}}},
                       "command",
                       "Approve (signed: approved)",
                       &server::ApproveChangeRequest};
    e.signature_meaning = "approved";
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/change-requests/{id}/reject",
                       kMasterdataApprove,
                       {{{"signature", F::kObject, true, 0, "{user, password, meaning, comment}"}}},
                       "command",
                       "Reject (signed: rejected; comment required)",
                       &server::RejectChangeRequest};
    e.signature_meaning = "rejected";
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/change-requests/{id}/withdraw",
                       kMasterdataEdit,
                       {{{"reason", F::kString, true, 1000, "why"}}},
                       "command",
                       "Withdraw a change request",
                       &server::WithdrawChangeRequest};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/plant/export",
                       kMasterdataRead,
                       {},
                       "read",
                       "The effective plant as YAML files",
                       &server::ExportPlant};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/plant/apply",
                       kMasterdataEdit,
                       {{{"files", F::kObjectArray, true, 2000, "[{path, text}]"},
                         {"title", F::kString, false, 200, "change request title"},
                         {"reason", F::kString, false, 1000, "change request reason"}}},
                       "command",
                       "Create drafts in one change request for everything that differs",
                       &server::ApplyPlant};
    e.success_status = 201;
    table.push_back(std::move(e));
  }
  return table;
}

}  // namespace ordo::masterdata
