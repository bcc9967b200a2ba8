// The audit endpoint table (handlers in http/ and, until they move, src/server).
#include "mes/audit/http/endpoints.h"

#include "mes/audit/permissions.h"
#include "server/legacy_handlers.h"

namespace ordo::audit {

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  std::vector<server::Endpoint> table;
  {
    server::Endpoint e{
        "GET",
        "/api/v1/ledger",
        kAuditRead,
        {},
        "read",
        "Ledger feed (?after=&limit=&wait=&type=&actor=&subject=&from=&to=), or newest "
        "first with ?before=SEQ (0 = from the head)",
        &server::ReadLedger};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/ledger/stream",
                       kAuditRead,
                       {},
                       "read",
                       "Ledger feed as server-sent events (?after=)",
                       &server::StreamLedger};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/ledger/verify",
                       kLedgerVerify,
                       {},
                       "read",
                       "Verify the hash chain and checkpoints",
                       &server::VerifyLedger};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"POST",
                       "/api/v1/ledger/checkpoint",
                       kLedgerVerify,
                       {},
                       "command",
                       "Sign the ledger head now",
                       &server::CheckpointLedger};
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/security/events",
                       kAuditRead,
                       {},
                       "read",
                       "Failed sign-ins and signings, newest first (?before=&limit=)",
                       &server::SecurityEvents};
    table.push_back(std::move(e));
  }
  return table;
}

}  // namespace ordo::audit
