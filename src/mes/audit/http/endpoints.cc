// The audit endpoint table: the ledger feed, verification, checkpoints, security events.
#include "mes/audit/http/audit_http.h"
#include "mes/audit/permissions.h"

namespace ordo::audit {

std::vector<server::Endpoint> Endpoints() {
  server::Endpoint read{
      "GET",
      "/api/v1/ledger",
      kAuditRead,
      {},
      "read",
      "Ledger feed (?after=&limit=&wait=&type=&actor=&subject=&from=&to=), or newest "
      "first with ?before=SEQ (0 = from the head)",
      &ReadLedger};
  server::Endpoint stream{"GET",        "/api/v1/ledger/stream",
                          kAuditRead,   {},
                          "read",       "Ledger feed as server-sent events (?after=)",
                          &StreamLedger};
  server::Endpoint verify{"GET",         "/api/v1/ledger/verify",
                          kLedgerVerify, {},
                          "read",        "Verify the hash chain and checkpoints",
                          &VerifyLedger};
  server::Endpoint checkpoint{"POST",    "/api/v1/ledger/checkpoint", kLedgerVerify,    {},
                              "command", "Sign the ledger head now",  &CheckpointLedger};
  server::Endpoint security{
      "GET",          "/api/v1/security/events",
      kAuditRead,     {},
      "read",         "Failed sign-ins and signings, newest first (?before=&limit=)",
      &SecurityEvents};
  return {read, stream, verify, checkpoint, security};
}

}  // namespace ordo::audit
