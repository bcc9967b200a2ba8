// Registration of the deviations capability.
#include "mes/deviations/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/deviations/events.h"
#include "mes/deviations/http/deviations_http.h"
#include "mes/deviations/permissions.h"
#include "mes/deviations/store/deviations_store.h"

namespace ordo::deviations {

void Register() {
  ledger::RegisterEventType<DeviationOpened>(
      "deviations", "A deviation was opened, by hand or from an execution exception");
  ledger::RegisterEventType<DeviationUpdated>(
      "deviations", "A deviation was classified or investigated (notes are appended)");
  ledger::RegisterEventType<DispositionSigned>(
      "deviations", "Quality signed a disposition of a deviation (meaning dispositioned)");
  ledger::RegisterEventType<DeviationClosed>(
      "deviations", "A deviation closed: every disposition it needs is signed");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterGuards();
  RegisterPermission({kDeviationsRead,
                      "see deviations, their investigation and dispositions",
                      {"operator", "supervisor", "quality", "engineer", "admin"}});
  RegisterPermission(
      {kDeviationsOpen, "open a deviation by hand", {"operator", "supervisor", "quality"}});
  RegisterPermission({kDeviationsManage,
                      "classify and investigate deviations (notes, root cause, CAPA)",
                      {"quality"}});
  RegisterPermission({kDeviationsDisposition,
                      "sign the disposition of a deviation (signed, meaning dispositioned)",
                      {"quality"}});
  server::RegisterEndpoints("deviations", Endpoints());
  RegisterWorklistSources();
}

}  // namespace ordo::deviations
