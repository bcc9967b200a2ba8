// The API's JSON of an order, its operations and its bill of materials (one mapping,
// used by the command replies and the read endpoints; schemas in http/schemas.cc).
#pragma once

#include <string>

#include "core/canonical_json.h"
#include "core/result.h"
#include "mes/orders/orders.h"
#include "storage/database.h"

namespace ordo::orders {

Json ToJson(const Order& order);
Json ToJson(const PinnedOperation& operation);
Json ToJson(const PinnedBomItem& item);
// {order, bom, operations} of `order_id` (seal-checked), or not_found (reason
// order_not_found, field id).
Result<Json> OrderDetail(storage::Database& db, const std::string& order_id);
// not_found naming the order.
Error OrderNotFound(const std::string& order_id);

}  // namespace ordo::orders
