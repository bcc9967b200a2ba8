// Registration of the lots capability.
#include "mes/lots/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/lots/events.h"
#include "mes/lots/http/lots_http.h"
#include "mes/lots/http/serials_http.h"
#include "mes/lots/permissions.h"
#include "mes/lots/store/lots_store.h"
#include "mes/lots/store/serials_store.h"

namespace ordo::lots {

void Register() {
  ledger::RegisterEventType<LotReceived>("lots", "A material lot was received (quarantined)");
  ledger::RegisterEventType<LotReleased>(
      "lots", "Quality released a quarantined lot (signed, meaning released)");
  ledger::RegisterEventType<LotRejected>(
      "lots", "Quality rejected a quarantined lot with a reason (signed, meaning rejected)");
  ledger::RegisterEventType<LotHeld>("lots", "A quarantined or released lot was put on hold");
  ledger::RegisterEventType<LotHoldLifted>(
      "lots", "A lot's hold was lifted; it returned to the state it was held from");
  ledger::RegisterEventType<MaterialConsumed>(
      "lots", "Execution consumed a quantity of a lot for an operation of an order");
  ledger::RegisterEventType<LotProduced>(
      "lots", "Execution produced an output lot of the order's product (born quarantined)");
  ledger::RegisterEventType<LotSplit>(
      "lots", "A sublot was split off a lot; it inherits material, expiry and status");
  ledger::RegisterEventType<LotsMerged>(
      "lots", "Lots of the same material and status were merged into one lot");
  ledger::RegisterEventType<LotMoved>("lots", "A lot was moved to another location");
  ledger::RegisterEventType<SerialProduced>(
      "lots", "Execution produced a serialized unit of the order's product (generated or scanned)");
  ledger::RegisterEventType<SerialConsumed>(
      "lots", "Execution consumed a component serial into an operation of an order");
  ledger::RegisterEventType<SerialsReleased>(
      "lots", "The batch release of an order released its quarantined serials (one entry)");
  ledger::RegisterEventType<SerialHeld>("lots", "A quarantined or released serial was put on hold");
  ledger::RegisterEventType<SerialHoldLifted>(
      "lots", "A serial's hold was lifted; it returned to the state it was held from");
  ledger::RegisterEventType<SerialRejected>(
      "lots", "Quality rejected a quarantined serial with a reason (signed, meaning rejected)");
  ledger::RegisterEventType<SerialReleased>(
      "lots",
      "Quality released one quarantined serial on its own after its batch release (signed, "
      "meaning released)");
  ledger::RegisterEventType<SerialsHeld>(
      "lots", "A list of serials was put on hold in one entry (all or none)");
  store::RegisterTables(Tables());
  store::RegisterTables(SerialTables());
  RegisterProjectors();
  RegisterSerialProjectors();
  RegisterGuards();
  RegisterSerialGuards();
  RegisterPermission({kLotsRead,
                      "see material lots, their status, quantity and history",
                      {"operator", "supervisor", "quality", "engineer", "admin"}});
  RegisterPermission(
      {kLotsReceive, "receive material lots (API and CSV import)", {"supervisor", "quality"}});
  RegisterPermission(
      {kLotsRelease,
       "release or reject a lot or a serial with a signature; put a lot or serials on hold "
       "and lift it",
       {"quality"}});
  RegisterPermission({kLotsManage,
                      "split, merge and move lots (no signature: the lot's status is unchanged)",
                      {"supervisor", "quality"}});
  server::RegisterEndpoints("lots", Endpoints());
  server::RegisterEndpoints("lots", SerialEndpoints());
  RegisterWorklistSources();
}

}  // namespace ordo::lots
