// The signatures endpoint table (handlers in http/ and, until they move, src/server).
#include "mes/signatures/http/endpoints.h"

#include "mes/masterdata/permissions.h"
#include "mes/site/permissions.h"
#include "server/legacy_handlers.h"

namespace ordo::signatures {

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  using masterdata::kMasterdataRead;
  using site::kSiteConfigure;
  std::vector<server::Endpoint> table;
  {
    server::Endpoint e{"GET",
                       "/api/v1/signature-policy",
                       kMasterdataRead,
                       {},
                       "read",
                       "The current signature policy",
                       &server::GetSignaturePolicy};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/signature-policy",
                       kSiteConfigure,
                       {{{"text", F::kString, true, 20000, "policy text"}}},
                       "command",
                       "Publish a new signature policy version",
                       &server::PublishSignaturePolicy};
    e.success_status = 201;
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/signature-policy/acknowledge",
                       kMasterdataRead,
                       {{{"version", F::kInteger, true, 0, "the policy version read"},
                         {"password", F::kString, true, 1024, "your password"}}},
                       "command",
                       "Acknowledge the signature policy (re-authenticated)",
                       &server::AcknowledgeSignaturePolicy};
    table.push_back(std::move(e));
  }
  return table;
}

}  // namespace ordo::signatures
