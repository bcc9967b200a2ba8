// The orders capability's engine commands: load the state (orders' tables, master data in
// force at the command's time), call the pure decision (domain/), reply with the rows as
// written. Every refusal changes nothing.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"
#include "mes/orders/domain/import.h"
#include "mes/orders/domain/order_row.h"
#include "mes/orders/domain/states.h"

namespace ordo::orders {

// orders.order_created (source "api"), 201 {order}. Refuses as DecideCreateOrder (the
// first refusal, invalid_argument naming the field), with conflict (reason order_exists,
// field order_id) when the order id is taken, or with integrity_violation when a master
// data version it reads fails its seal.
engine::Command CreateOrderCommand(engine::Actor actor, CreateOrder order);

// One orders.order_created per row whose outcome is created, all in one transaction;
// 200 {created, unchanged, refused, rows: [{line, order_id, outcome, errors: [{field,
// message, reason}]}]} where refused counts refused and conflict rows. A row for an order
// that exists (or appeared earlier in the file) is unchanged when it is the same order
// and conflict when it differs (never applied). Fails as a whole only with
// integrity_violation.
engine::Command ImportOrdersCommand(engine::Actor actor, std::vector<ImportRow> rows);

// orders.order_released with the pinned definition (DecideRelease), 200 {order, bom,
// operations}. not_found (order_not_found) for an unknown order; otherwise refuses as
// DecideRelease, or with the integrity_violation of a master data version that fails its
// seal or content hash (masterdata::InForce).
engine::Command ReleaseOrderCommand(engine::Actor actor, std::string order_id);

// orders.order_held / _resumed / _cancelled / _closed (DecideStateCommand), 200 {order};
// a hold also pauses the operations in progress (orders.operation_paused, reason
// "order held: <reason>"), a cancel closes out those not completed.
// not_found for an unknown order, invalid_argument for a missing reason (hold, cancel),
// invalid_transition naming the current state.
engine::Command OrderStateCommand(engine::Actor actor, std::string order_id, OrderAction action,
                                  std::string reason);

}  // namespace ordo::orders
