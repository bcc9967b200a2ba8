// Registration of the dispatch capability.
#include "mes/dispatch/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/dispatch/events.h"
#include "mes/dispatch/http/dispatch_http.h"
#include "mes/dispatch/permissions.h"
#include "mes/dispatch/store/dispatch_store.h"

namespace ordo::dispatch {

void Register() {
  ledger::RegisterEventType<OperationMoved>(
      "dispatch",
      "A supervisor moved an operation on a work center's dispatch list, with a reason");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterPermission({kDispatchResequence,
                      "move operations up or down a work unit's dispatch list, with a reason",
                      {"supervisor"}});
  server::RegisterEndpoints("dispatch", Endpoints());
}

}  // namespace ordo::dispatch
