// JSON views of orders.
#include "mes/orders/commands/views.h"

namespace ordo::orders {

namespace {

Json TimeOrNull(TimeMicros t) { return t > 0 ? Json(FormatUtcMicros(t)) : Json(nullptr); }

}  // namespace

Json ToJson(const Order& o) {
  const bool released = o.released_us > 0;
  return Json{{"order_id", o.order_id},
              {"product", o.product},
              {"quantity", o.quantity},
              {"unit", o.unit},
              {"base_quantity", o.base_quantity},
              {"base_unit", o.base_unit},
              {"due_date", o.due_date},
              {"due", FormatUtcMicros(o.due_us)},
              {"priority", o.priority},
              {"customer_order", o.customer_order},
              {"source", o.source},
              {"state", o.state},
              {"held_from", o.held_from.empty() ? Json(nullptr) : Json(o.held_from)},
              {"state_reason", o.state_reason.empty() ? Json(nullptr) : Json(o.state_reason)},
              {"created", FormatUtcMicros(o.created_us)},
              {"created_seq", o.created_seq},
              {"released", TimeOrNull(o.released_us)},
              {"product_version", released ? Json(o.product_version) : Json(nullptr)},
              {"product_hash", released ? Json(o.product_hash) : Json(nullptr)},
              {"routing", released ? Json(o.routing) : Json(nullptr)},
              {"routing_version", released ? Json(o.routing_version) : Json(nullptr)},
              {"routing_hash", released ? Json(o.routing_hash) : Json(nullptr)},
              {"material", released ? Json(o.material) : Json(nullptr)},
              {"batch_size", released ? Json(o.batch_size) : Json(nullptr)},
              {"scale", released ? Json(o.scale) : Json(nullptr)}};
}

Json ToJson(const PinnedOperation& p) {
  return Json{{"operation", p.operation},
              {"position", p.position},
              {"name", p.name},
              {"operation_class", p.operation_class},
              {"work_center_class", p.work_center_class},
              {"predecessors", p.predecessors},
              {"planned_quantity", p.planned_quantity},
              {"setup_minutes", p.setup_minutes},
              {"run_minutes", p.run_minutes},
              {"ideal_cycle_seconds", p.ideal_cycle_seconds},
              {"state", p.state},
              {"work_unit", p.work_unit.empty() ? Json(nullptr) : Json(p.work_unit)},
              {"started", TimeOrNull(p.started_us)},
              {"completed", TimeOrNull(p.completed_us)},
              {"good", p.good},
              {"scrap", p.scrap},
              {"rework", p.rework},
              {"verified_by", p.verified_by.empty() ? Json(nullptr) : Json(p.verified_by)},
              {"spec", p.spec}};
}

Json ToJson(const PinnedBomItem& b) {
  return Json{{"material", b.material},
              {"quantity", b.quantity},
              {"unit", b.unit},
              {"base_quantity", b.base_quantity},
              {"base_unit", b.base_unit},
              {"scrap_factor", b.scrap_factor},
              {"alternates", b.alternates},
              {"operation", b.operation.empty() ? Json(nullptr) : Json(b.operation)}};
}

Error OrderNotFound(const std::string& order_id) {
  return Error{ErrorCode::kNotFound, "there is no order '" + order_id + "'", "id",
               "order_not_found"};
}

Result<Json> OrderDetail(storage::Database& db, const std::string& order_id) {
  auto order = FindOrder(db, order_id);
  if (!order.ok()) return order.error();
  if (!*order) return OrderNotFound(order_id);
  auto bom = BomOf(db, order_id);
  if (!bom.ok()) return bom.error();
  auto operations = OperationsOf(db, order_id);
  if (!operations.ok()) return operations.error();
  Json b = Json::array(), ops = Json::array();
  for (const auto& item : *bom) b.push_back(ToJson(item));
  for (const auto& op : *operations) ops.push_back(ToJson(op));
  return Json{{"order", ToJson(**order)}, {"bom", b}, {"operations", ops}};
}

}  // namespace ordo::orders
