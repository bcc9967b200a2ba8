// Registration of the signatures capability.
#include "mes/signatures/capability.h"

#include "ledger/event_schema.h"
#include "mes/signatures/events.h"
#include "mes/signatures/http/signatures_http.h"
#include "mes/signatures/store/signatures_store.h"

namespace ordo::signatures {

void Register() {
  ledger::RegisterEventType<SignatureApplied>("signatures",
                                              "An electronic signature was applied to a record");
  ledger::RegisterEventType<SignatureFailed>("signatures", "A signing attempt failed");
  ledger::RegisterEventType<PolicyPublished>("signatures",
                                             "A signature policy version was published");
  ledger::RegisterEventType<PolicyAcknowledged>("signatures",
                                                "A user acknowledged the signature policy");
  store::RegisterTables(Tables());
  RegisterProjectors();
  server::RegisterEndpoints("signatures", Endpoints());
}

}  // namespace ordo::signatures
