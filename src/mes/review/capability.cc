// Registration of the review capability.
#include "mes/review/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/review/events.h"
#include "mes/review/http/review_http.h"
#include "mes/review/permissions.h"
#include "mes/review/store/review_store.h"

namespace ordo::review {

void Register() {
  ledger::RegisterEventType<AuditTrailReviewed>(
      "review", "Quality signed (meaning reviewed) that it reviewed a period of the audit trail");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterPermission({kAuditReview,
                      "sign a review of a period of the audit trail (meaning reviewed)",
                      {"quality"}});
  server::RegisterEndpoints("review", Endpoints());
}

}  // namespace ordo::review
