// Registration of the audit capability.
#include "mes/audit/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/audit/events.h"
#include "mes/audit/http/audit_http.h"
#include "mes/audit/permissions.h"
#include "store/row_seal.h"

namespace ordo::audit {

void Register() {
  RegisterPermission({kAuditRead,
                      "read audit-trail reviews and security events",
                      {"supervisor", "quality", "engineer", "admin"}});
  RegisterPermission(
      {kLedgerFeed,
       "read the ledger feed (entries, stream, span, checkpoints); feed_reader, the role "
       "of another system's feed account (the MIS), holds only this",
       {"supervisor", "quality", "engineer", "admin", "feed_reader"}});
  RegisterPermission(
      {kLedgerVerify, "verify the ledger and sign its head on demand", {"quality", "admin"}});
  RegisterPermission({kSecurityMonitor, "receive security events live", {"admin"}});
  ledger::RegisterEventType<IntegrityViolationFound>(
      "audit", "A record failed its integrity check and was not used, or the audit found it");
  store::RegisterIntegrityViolationEvent([](const store::IntegrityViolation& v) {
    return ledger::MakeEvent(IntegrityViolationFound{v.table, v.key, v.detail, v.found_by},
                             "record", v.table + " " + v.key);
  });
  server::RegisterEndpoints("audit", Endpoints());
  RegisterWorklistSources();
}

}  // namespace ordo::audit
