// Registration of the audit capability.
#include "mes/audit/capability.h"

#include "core/permissions.h"
#include "mes/audit/http/audit_http.h"
#include "mes/audit/permissions.h"

namespace ordo::audit {

void Register() {
  RegisterPermission({kAuditRead,
                      "read the audit trail (ledger feed) and security events",
                      {"supervisor", "quality", "engineer", "admin"}});
  RegisterPermission(
      {kLedgerVerify, "verify the ledger and sign its head on demand", {"quality", "admin"}});
  server::RegisterEndpoints("audit", Endpoints());
}

}  // namespace ordo::audit
