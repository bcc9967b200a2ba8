// JSON of the orders events (the stored payload shape; docs/event-schema.md). Every field
// is written and every field is required when read: a stored event is checked when written.
#include "mes/orders/events.h"

namespace ordo::orders {

// to_json and from_json of a payload struct, field by field, under the fields' own names.
#define ORDO_ORDERS_JSON(Type, ...)                                            \
  void to_json(Json& nlohmann_json_j, const Type& nlohmann_json_t) {           \
    nlohmann_json_j = Json::object();                                          \
    NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(NLOHMANN_JSON_TO, __VA_ARGS__))   \
  }                                                                            \
  void from_json(const Json& nlohmann_json_j, Type& nlohmann_json_t) {         \
    NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(NLOHMANN_JSON_FROM, __VA_ARGS__)) \
  }

ORDO_ORDERS_JSON(OrderCreated, order_id, product, quantity, unit, base_quantity, base_unit,
                 due_date, due_us, priority, customer_order, source)
ORDO_ORDERS_JSON(PinnedOperationLine, operation, position, name, operation_class, work_center_class,
                 predecessors, planned_quantity, setup_minutes, run_minutes, ideal_cycle_seconds,
                 spec)
ORDO_ORDERS_JSON(OrderReleased, order_id, product, product_version, product_hash, routing,
                 routing_version, routing_hash, material, base_unit, batch_size, scale, bom,
                 operations)
ORDO_ORDERS_JSON(OrderHeld, order_id, reason)
ORDO_ORDERS_JSON(OrderResumed, order_id, reason)
ORDO_ORDERS_JSON(OrderClosed, order_id, reason)
ORDO_ORDERS_JSON(OrderStarted, order_id, operation)
ORDO_ORDERS_JSON(OrderCompleted, order_id)
ORDO_ORDERS_JSON(QualificationAtStart, qualification, grant_id, valid_until)
ORDO_ORDERS_JSON(OperationPaused, order_id, operation, reason)
ORDO_ORDERS_JSON(OperationResumed, order_id, operation)
ORDO_ORDERS_JSON(ReasonQuantity, code, quantity)
ORDO_ORDERS_JSON(OperationCompleted, order_id, operation, work_unit, unit, good, scrap, rework,
                 scrap_reasons, rework_reasons, user_id)
ORDO_ORDERS_JSON(OperationVerified, order_id, operation, verifier_id, verifier)

#undef ORDO_ORDERS_JSON

// Fields added after the first release are optional when read (old events stay readable).
void to_json(Json& j, const OrderCancelled& e) {
  j = Json{{"order_id", e.order_id}, {"reason", e.reason}, {"operations", e.operations}};
}
void to_json(Json& j, const PinnedBomLine& e) {
  j = Json{{"material", e.material},
           {"quantity", e.quantity},
           {"unit", e.unit},
           {"base_quantity", e.base_quantity},
           {"base_unit", e.base_unit},
           {"scrap_factor", e.scrap_factor},
           {"alternates", e.alternates}};
  if (!e.operation.empty()) j["operation"] = e.operation;
}
void from_json(const Json& j, PinnedBomLine& e) {
  j.at("material").get_to(e.material);
  j.at("quantity").get_to(e.quantity);
  j.at("unit").get_to(e.unit);
  j.at("base_quantity").get_to(e.base_quantity);
  j.at("base_unit").get_to(e.base_unit);
  j.at("scrap_factor").get_to(e.scrap_factor);
  j.at("alternates").get_to(e.alternates);
  e.operation.clear();
  if (auto it = j.find("operation"); it != j.end()) it->get_to(e.operation);
}
void to_json(Json& j, const OperationStarted& e) {
  j = Json{{"order_id", e.order_id},
           {"operation", e.operation},
           {"work_unit", e.work_unit},
           {"user_id", e.user_id},
           {"qualifications", e.qualifications}};
}
void from_json(const Json& j, OperationStarted& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("work_unit").get_to(e.work_unit);
  j.at("user_id").get_to(e.user_id);
  e.qualifications.clear();
  if (auto it = j.find("qualifications"); it != j.end()) it->get_to(e.qualifications);
}
void from_json(const Json& j, OrderCancelled& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("reason").get_to(e.reason);
  e.operations.clear();
  if (auto it = j.find("operations"); it != j.end()) it->get_to(e.operations);
}

}  // namespace ordo::orders
