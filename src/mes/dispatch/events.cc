// JSON of the dispatch events (the stored payload shape).
#include "mes/dispatch/events.h"

namespace ordo::dispatch {

void to_json(Json& j, const OperationMoved& e) {
  j = Json{{"work_center", e.work_center}, {"order_id", e.order_id},
           {"operation", e.operation},     {"direction", e.direction},
           {"to_position", e.to_position}, {"reason", e.reason}};
}

void from_json(const Json& j, OperationMoved& e) {
  j.at("work_center").get_to(e.work_center);
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("direction").get_to(e.direction);
  j.at("to_position").get_to(e.to_position);
  j.at("reason").get_to(e.reason);
}

}  // namespace ordo::dispatch
