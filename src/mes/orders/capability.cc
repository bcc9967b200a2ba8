// Registration of the orders capability.
#include "mes/orders/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/orders/events.h"
#include "mes/orders/http/orders_http.h"
#include "mes/orders/permissions.h"
#include "mes/orders/store/orders_store.h"

namespace ordo::orders {

void Register() {
  ledger::RegisterEventType<OrderCreated>("orders", "A work order was created (API or import)");
  ledger::RegisterEventType<OrderReleased>(
      "orders", "A work order was released with its pinned product definition and operations");
  ledger::RegisterEventType<OrderHeld>("orders", "A work order was put on hold");
  ledger::RegisterEventType<OrderResumed>("orders", "A work order on hold was resumed");
  ledger::RegisterEventType<OrderCancelled>("orders", "A work order was cancelled");
  ledger::RegisterEventType<OrderClosed>("orders", "A completed work order was closed");
  ledger::RegisterEventType<OrderStarted>("orders",
                                          "A work order's first operation started (execution)");
  ledger::RegisterEventType<OrderCompleted>("orders",
                                            "A work order's last operation was done (execution)");
  ledger::RegisterEventType<OperationStarted>("orders",
                                              "An order operation was started (execution)");
  ledger::RegisterEventType<OperationPaused>("orders", "An order operation was paused (execution)");
  ledger::RegisterEventType<OperationResumed>("orders",
                                              "A paused order operation was resumed (execution)");
  ledger::RegisterEventType<OperationCompleted>(
      "orders", "An order operation was completed with its quantities (execution)");
  ledger::RegisterEventType<OperationVerified>(
      "orders", "A second person verified an order operation (execution)");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterGuards();
  RegisterPermission({kOrdersRead,
                      "read work orders, their pinned definition and operations",
                      {"operator", "supervisor", "quality", "engineer", "admin"}});
  RegisterPermission({kOrdersManage,
                      "create, import, release, hold, resume, cancel and close work orders",
                      {"supervisor"}});
  server::RegisterEndpoints("orders", Endpoints());
}

}  // namespace ordo::orders
