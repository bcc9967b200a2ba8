// Registration of the personnel capability.
#include "mes/personnel/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/personnel/events.h"
#include "mes/personnel/http/personnel_http.h"
#include "mes/personnel/permissions.h"
#include "mes/personnel/store/personnel_store.h"

namespace ordo::personnel {

void Register() {
  ledger::RegisterEventType<QualificationGranted>("personnel",
                                                  "A qualification was granted to a user");
  ledger::RegisterEventType<QualificationRevoked>("personnel", "A qualification grant was revoked");
  ledger::RegisterEventType<TrainingRecorded>("personnel", "A training was recorded");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterGuards();
  RegisterPermission({kPersonnelManage,
                      "grant and revoke qualifications and record training (not for oneself)",
                      {"supervisor", "quality"}});
  server::RegisterEndpoints("personnel", Endpoints());
}

}  // namespace ordo::personnel
