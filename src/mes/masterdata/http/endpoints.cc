// The masterdata endpoint table: master data reads, change control, configuration as
// code (docs/masterdata.md section 5). Handlers are in handlers.h.
#include "mes/masterdata/http/endpoints.h"

#include "mes/masterdata/http/handlers.h"
#include "mes/masterdata/http/schemas.h"
#include "mes/masterdata/permissions.h"
#include "server/response_schema.h"

namespace ordo::masterdata {

namespace {

using F = server::FieldType;
namespace schema = server::schema;

// A signed change request step: its body is the signature, stated with `meaning`.
server::Endpoint Signed(std::string path, std::string permission, std::string summary,
                        server::Handler handler, std::string meaning) {
  server::Endpoint e{"POST",
                     std::move(path),
                     std::move(permission),
                     {{{"signature", F::kObject, true, 0, "{user, password, meaning, comment}"}}},
                     "command",
                     std::move(summary),
                     handler};
  e.signature_meaning = std::move(meaning);
  e.response_schema = http::ChangeRequestReplySchema();
  return e;
}

std::vector<server::Endpoint> MasterdataReads() {
  server::Endpoint kinds{"GET",  "/api/v1/masterdata/kinds",    kMasterdataRead,       {},
                         "read", "The master data kinds table", &http::MasterdataKinds};
  server::Endpoint validate{"POST",
                            "/api/v1/masterdata/validate",
                            kMasterdataRead,
                            {{{"kind", F::kString, true, 64, "master data kind"},
                              {"content", F::kObject, true, 0, "the content to check"}}},
                            "read",
                            "Validate content without changing anything",
                            &http::ValidateMasterdata};
  server::Endpoint list{"GET",  "/api/v1/masterdata/{kind}", kMasterdataRead,      {},
                        "read", "Objects of a kind (?q=)",   &http::ListMasterdata};
  server::Endpoint object{"GET",
                          "/api/v1/masterdata/{kind}/{id}",
                          kMasterdataRead,
                          {},
                          "read",
                          "An object with every version and signature",
                          &http::GetMasterdataObject};
  server::Endpoint version{"GET",
                           "/api/v1/masterdata/{kind}/{id}/versions/{version}",
                           kMasterdataRead,
                           {},
                           "read",
                           "One version",
                           &http::GetMasterdataVersion};
  server::Endpoint diff{"GET",  "/api/v1/masterdata/{kind}/{id}/diff",     kMasterdataRead,      {},
                        "read", "Field-by-field differences (?from=&to=)", &http::DiffMasterdata};
  kinds.response_schema = schema::Object({{"kinds", schema::Array(http::KindSchema())}});
  validate.response_schema = schema::Object(
      {{"errors", schema::Array(http::FieldErrorSchema())}});  // empty: the content is valid
  list.response_schema = schema::Object({{"objects", schema::Array(http::ObjectRowSchema())}});
  object.response_schema =
      schema::Object({{"object", http::ObjectRowSchema()},
                      {"versions", schema::Array(http::VersionSchema())}});  // newest first
  version.response_schema = schema::Object({{"version", http::VersionSchema()}});
  diff.response_schema =
      schema::Object({{"from", schema::Integer("the version compared from (0: nothing)")},
                      {"to", schema::Integer("the version compared to")},
                      {"changes", schema::Array(http::ChangeSchema())}});
  return {kinds, validate, list, object, version, diff};
}

std::vector<server::Endpoint> ChangeRequests() {
  server::Endpoint list{"GET",
                        "/api/v1/change-requests",
                        kMasterdataRead,
                        {},
                        "read",
                        "Change requests, newest first (?state=)",
                        &http::ListChangeRequests};
  server::Endpoint open{"POST",
                        "/api/v1/change-requests",
                        kMasterdataEdit,
                        {{{"title", F::kString, true, 200, "title"},
                          {"description", F::kString, true, 4000, "what changes"},
                          {"reason", F::kString, true, 1000, "why"},
                          {"impact", F::kString, false, 4000, "impact assessment"},
                          {"effective_from", F::kString, false, 40, "ISO 8601 date and time"}}},
                        "command",
                        "Open a change request",
                        &http::OpenChangeRequest};
  open.success_status = 201;
  server::Endpoint get{"GET",
                       "/api/v1/change-requests/{id}",
                       kMasterdataRead,
                       {},
                       "read",
                       "A change request with items, diffs, signatures and history",
                       &http::GetChangeRequest};
  server::Endpoint save{"PUT",
                        "/api/v1/change-requests/{id}/items/{kind}/{object}",
                        kMasterdataEdit,
                        {{{"content", F::kObject, true, 0, "the object's content"},
                          {"action", F::kString, false, 16, "define (default) or obsolete"}}},
                        "command",
                        "Create or change a draft in the change request",
                        &http::SaveDraft};
  server::Endpoint withdraw_draft{"DELETE",
                                  "/api/v1/change-requests/{id}/items/{kind}/{object}",
                                  kMasterdataEdit,
                                  {},
                                  "command",
                                  "Withdraw a draft",
                                  &http::WithdrawDraft};
  server::Endpoint submit =
      Signed("/api/v1/change-requests/{id}/submit", kMasterdataEdit,
             "Submit for review (signed: authored)", &http::SubmitChangeRequest, "authored");
  server::Endpoint review =
      Signed("/api/v1/change-requests/{id}/review", kMasterdataApprove,
             "Record a review (signed: reviewed)", &http::ReviewChangeRequest, "reviewed");
  server::Endpoint approve =
      Signed("/api/v1/change-requests/{id}/approve", kMasterdataApprove,
             "Approve (signed: approved)", &http::ApproveChangeRequest, "approved");
  server::Endpoint reject =
      Signed("/api/v1/change-requests/{id}/reject", kMasterdataApprove,
             "Reject (signed: rejected; comment required)", &http::RejectChangeRequest, "rejected");
  server::Endpoint withdraw{"POST",
                            "/api/v1/change-requests/{id}/withdraw",
                            kMasterdataEdit,
                            {{{"reason", F::kString, true, 1000, "why"}}},
                            "command",
                            "Withdraw a change request",
                            &http::WithdrawChangeRequest};
  list.response_schema =
      schema::Object({{"change_requests", schema::Array(http::ChangeRequestSummarySchema())}});
  get.response_schema = http::ChangeRequestReplySchema();
  for (auto* command : {&open, &save, &withdraw_draft, &withdraw})
    command->response_schema = http::ChangeRequestReplySchema();
  return {list, open, get, save, withdraw_draft, submit, review, approve, reject, withdraw};
}

std::vector<server::Endpoint> Plant() {
  server::Endpoint export_plant{"GET",
                                "/api/v1/plant/export",
                                kMasterdataRead,
                                {},
                                "read",
                                "The effective plant as YAML files",
                                &http::ExportPlant};
  server::Endpoint apply{"POST",
                         "/api/v1/plant/apply",
                         kMasterdataEdit,
                         {{{"files", F::kObjectArray, true, 2000, "[{path, text}]"},
                           {"title", F::kString, false, 200, "change request title"},
                           {"reason", F::kString, false, 1000, "change request reason"}}},
                         "command",
                         "Create drafts in one change request for everything that differs",
                         &http::ApplyPlant};
  apply.success_status = 201;
  export_plant.response_schema = schema::Object(
      {{"files", schema::Array(schema::Object({{"path", schema::String("e.g. routings/X.yaml")},
                                               {"text", schema::String("the YAML text")}}))}});
  // 201 with the new change request; 200 with change_request null when nothing differs.
  apply.response_schema = schema::Object(
      {{"change_request", schema::Nullable(http::ChangeRequestSchema())},
       {"unchanged", schema::Integer("objects whose files match what is in force")}});
  return {export_plant, apply};
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  std::vector<server::Endpoint> table = MasterdataReads();
  for (auto part : {ChangeRequests(), Plant()}) table.insert(table.end(), part.begin(), part.end());
  return table;
}

}  // namespace ordo::masterdata
