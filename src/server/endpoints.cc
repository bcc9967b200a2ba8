// The one declarative table of API endpoints: path, method, permission, request schema
// and audit category. Routing, permission checks and the OpenAPI document derive from it.
#include "domain/access/roles.h"
#include "server/api.h"

namespace ordo::server {

namespace {
using F = FieldType;
namespace perm = access::permission;
}  // namespace

const std::vector<Endpoint>& Api::Endpoints() {
  static const std::vector<Endpoint> table = {
      {"GET", "/api/v1/health", "", {}, "public", "Liveness and ledger head", &Api::Health},
      {"GET", "/api/v1/openapi.json", "", {}, "public", "This API as OpenAPI 3", &Api::OpenApi},
      {"POST",
       "/api/v1/session",
       "",
       {{{"user", F::kString, true, 64, "login name"},
         {"password", F::kString, true, 1024, "password"}}},
       "auth",
       "Sign in; returns a bearer token",
       &Api::Login},
      {"GET",
       "/api/v1/session",
       perm::kLogbookRead,
       {},
       "read",
       "The current session",
       &Api::CurrentSession},
      {"DELETE", "/api/v1/session", perm::kLogbookRead, {}, "auth", "Sign out", &Api::Logout},
      {"POST",
       "/api/v1/logbook",
       perm::kLogbookWrite,
       {{{"subject", F::kString, true, 64, "equipment or area id"},
         {"category", F::kString, true, 32,
          "use, cleaning, maintenance, calibration, shift_handover, deviation_note, other"},
         {"text", F::kString, true, 4000, "what happened"},
         {"corrects", F::kInteger, false, 0, "seq of the entry this corrects"},
         {"reason", F::kString, false, 1000, "why (required with corrects)"}}},
       "command",
       "Record a logbook entry or a correction",
       &Api::RecordLogbook},
      {"GET",
       "/api/v1/logbook",
       perm::kLogbookRead,
       {},
       "read",
       "List logbook entries (?subject=&before=&limit=)",
       &Api::ListLogbook},
      {"GET",
       "/api/v1/ledger",
       perm::kAuditRead,
       {},
       "read",
       "Ledger feed (?after=&limit=&wait=&type=&actor=&subject=&from=&to=), or newest "
       "first with ?before=SEQ (0 = from the head)",
       &Api::ReadLedger},
      {"GET",
       "/api/v1/ledger/stream",
       perm::kAuditRead,
       {},
       "read",
       "Ledger feed as server-sent events (?after=)",
       &Api::StreamLedger},
      {"GET",
       "/api/v1/ledger/verify",
       perm::kLedgerVerify,
       {},
       "read",
       "Verify the hash chain and checkpoints",
       &Api::VerifyLedger},
      {"POST",
       "/api/v1/ledger/checkpoint",
       perm::kLedgerVerify,
       {},
       "command",
       "Sign the ledger head now",
       &Api::CheckpointLedger},
      {"GET", "/api/v1/users", perm::kUserManage, {}, "read", "List users", &Api::ListUsers},
      {"POST",
       "/api/v1/users",
       perm::kUserManage,
       {{{"name", F::kString, true, 64, "login name"},
         {"display_name", F::kString, true, 200, "printed name"},
         {"roles", F::kStringArray, true, 5, "operator, supervisor, quality, engineer, admin"},
         {"password", F::kString, true, 1024, "initial password (at least 8 characters)"}}},
       "command",
       "Create a user",
       &Api::CreateUser},
      {"POST",
       "/api/v1/users/{id}/disable",
       perm::kUserManage,
       {{{"reason", F::kString, true, 1000, "why"}}},
       "command",
       "Disable a user",
       &Api::DisableUser},
  };
  return table;
}

Json Api::OpenApiDocument() {
  Json paths = Json::object();
  for (const auto& e : Endpoints()) {
    std::string method = e.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Json op{{"summary", e.summary},
            {"x-ordo-audit-category", e.audit},
            {"responses",
             {{"200", {{"description", "success"}}},
              {"4XX",
               {{"description", "problem+json with a stable code"},
                {"content",
                 {{"application/problem+json",
                   {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}}}}}};
    if (!e.permission.empty()) {
      op["security"] = Json::array({{{"bearer", Json::array()}}});
      op["x-ordo-permission"] = e.permission;
    } else {
      op["security"] = Json::array();
    }
    if (!e.schema.empty())
      op["requestBody"] = {
          {"required", true},
          {"content", {{"application/json", {{"schema", SchemaToOpenApi(e.schema)}}}}}};
    if (e.path.find("{id}") != std::string::npos)
      op["parameters"] = Json::array({{{"name", "id"},
                                       {"in", "path"},
                                       {"required", true},
                                       {"schema", {{"type", "integer"}}}}});
    paths[e.path][method] = op;
  }
  return Json{{"openapi", "3.0.3"},
              {"info", {{"title", "ordo MES API"}, {"version", "0.1.0"}}},
              {"paths", paths},
              {"components",
               {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
                {"schemas",
                 {{"Problem",
                   {{"type", "object"},
                    {"properties",
                     {{"type", {{"type", "string"}}},
                      {"title", {{"type", "string"}}},
                      {"status", {{"type", "integer"}}},
                      {"detail", {{"type", "string"}}},
                      {"code", {{"type", "string"}}},
                      {"field", {{"type", "string"}}}}}}}}}}}};
}

}  // namespace ordo::server
