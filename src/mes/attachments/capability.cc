// Registration of the attachments capability.
#include "mes/attachments/capability.h"

#include "ledger/event_schema.h"
#include "mes/attachments/events.h"
#include "mes/attachments/http/attachments_http.h"
#include "mes/attachments/store/attachments_store.h"

namespace ordo::attachments {

void Register() {
  ledger::RegisterEventType<AttachmentStored>("attachments",
                                              "An attachment was stored (named by its SHA-256)");
  store::RegisterTables(Tables());
  RegisterProjectors();
  server::RegisterEndpoints("attachments", Endpoints());
}

}  // namespace ordo::attachments
