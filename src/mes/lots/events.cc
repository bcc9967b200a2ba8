// JSON of the lots capability's events (the stored payload shape; docs/event-schema.md).
#include "mes/lots/events.h"

namespace ordo::lots {

void to_json(Json& j, const LotReceived& e) {
  j = Json{{"lot", e.lot},
           {"material", e.material},
           {"supplier", e.supplier},
           {"supplier_lot", e.supplier_lot},
           {"quantity", e.quantity},
           {"unit", e.unit},
           {"base_quantity", e.base_quantity},
           {"base_unit", e.base_unit},
           {"expiry", e.expiry},
           {"retest", e.retest},
           {"source", e.source}};
}

void from_json(const Json& j, LotReceived& e) {
  j.at("lot").get_to(e.lot);
  j.at("material").get_to(e.material);
  j.at("supplier").get_to(e.supplier);
  j.at("supplier_lot").get_to(e.supplier_lot);
  j.at("quantity").get_to(e.quantity);
  j.at("unit").get_to(e.unit);
  j.at("base_quantity").get_to(e.base_quantity);
  j.at("base_unit").get_to(e.base_unit);
  j.at("expiry").get_to(e.expiry);
  j.at("retest").get_to(e.retest);
  j.at("source").get_to(e.source);
}

void to_json(Json& j, const LotReleased& e) { j = Json{{"lot", e.lot}}; }

void from_json(const Json& j, LotReleased& e) { j.at("lot").get_to(e.lot); }

void to_json(Json& j, const LotRejected& e) { j = Json{{"lot", e.lot}, {"reason", e.reason}}; }

void from_json(const Json& j, LotRejected& e) {
  j.at("lot").get_to(e.lot);
  j.at("reason").get_to(e.reason);
}

void to_json(Json& j, const LotHeld& e) { j = Json{{"lot", e.lot}, {"reason", e.reason}}; }

void from_json(const Json& j, LotHeld& e) {
  j.at("lot").get_to(e.lot);
  j.at("reason").get_to(e.reason);
}

void to_json(Json& j, const LotHoldLifted& e) { j = Json{{"lot", e.lot}, {"reason", e.reason}}; }

void from_json(const Json& j, LotHoldLifted& e) {
  j.at("lot").get_to(e.lot);
  j.at("reason").get_to(e.reason);
}

void to_json(Json& j, const MaterialConsumed& e) {
  j = Json{{"lot", e.lot},
           {"material", e.material},
           {"quantity", e.quantity},
           {"unit", e.unit},
           {"base_quantity", e.base_quantity},
           {"base_unit", e.base_unit},
           {"order_id", e.order_id},
           {"operation", e.operation},
           {"work_unit", e.work_unit},
           {"bom_material", e.bom_material},
           {"alternate", e.alternate},
           {"over_consumption", e.over_consumption},
           {"user_id", e.user_id}};
}

void from_json(const Json& j, MaterialConsumed& e) {
  j.at("lot").get_to(e.lot);
  j.at("material").get_to(e.material);
  j.at("quantity").get_to(e.quantity);
  j.at("unit").get_to(e.unit);
  j.at("base_quantity").get_to(e.base_quantity);
  j.at("base_unit").get_to(e.base_unit);
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("work_unit").get_to(e.work_unit);
  j.at("bom_material").get_to(e.bom_material);
  j.at("alternate").get_to(e.alternate);
  j.at("over_consumption").get_to(e.over_consumption);
  j.at("user_id").get_to(e.user_id);
}

}  // namespace ordo::lots
