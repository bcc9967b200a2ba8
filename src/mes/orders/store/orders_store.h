// The orders capability's tables (ord_order, ord_operation, ord_bom: guarded), their
// projectors and the queries beyond the public readers of orders.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/orders/events.h"
#include "mes/orders/orders.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::orders {

// The three tables as migrations, projections ordered by their keys.
store::TableSet Tables();
// Registers the projectors of every orders event (events.h).
void RegisterProjectors();
// Registers ord_order, ord_operation and ord_bom as guarded (sealed) tables.
void RegisterGuards();

// Orders newest first (by the seq that created them); `state` and `product` "" = any;
// at most `limit`. Every row is checked against its seal.
Result<std::vector<Order>> ListOrders(storage::Database& db, const std::string& state,
                                      const std::string& product, std::int64_t limit);

// The order as its creation stated it (for import idempotency): the OrderCreated payload
// rebuilt from the row.
OrderCreated CreatedOf(const Order& order);

}  // namespace ordo::orders
