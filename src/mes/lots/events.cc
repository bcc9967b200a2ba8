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

void to_json(Json& j, const LotProduced& e) {
  j = Json{{"lot", e.lot},
           {"material", e.material},
           {"quantity", e.quantity},
           {"unit", e.unit},
           {"base_quantity", e.base_quantity},
           {"base_unit", e.base_unit},
           {"order_id", e.order_id},
           {"operation", e.operation},
           {"work_unit", e.work_unit},
           {"expiry", e.expiry},
           {"location", e.location}};
}

void from_json(const Json& j, LotProduced& e) {
  j.at("lot").get_to(e.lot);
  j.at("material").get_to(e.material);
  j.at("quantity").get_to(e.quantity);
  j.at("unit").get_to(e.unit);
  j.at("base_quantity").get_to(e.base_quantity);
  j.at("base_unit").get_to(e.base_unit);
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("work_unit").get_to(e.work_unit);
  j.at("expiry").get_to(e.expiry);
  j.at("location").get_to(e.location);
}

void to_json(Json& j, const LotSplit& e) {
  j = Json{{"lot", e.lot},
           {"sublot", e.sublot},
           {"base_quantity", e.base_quantity},
           {"location", e.location},
           {"reason", e.reason}};
}

void from_json(const Json& j, LotSplit& e) {
  j.at("lot").get_to(e.lot);
  j.at("sublot").get_to(e.sublot);
  j.at("base_quantity").get_to(e.base_quantity);
  j.at("location").get_to(e.location);
  j.at("reason").get_to(e.reason);
}

void to_json(Json& j, const LotsMerged& e) {
  Json from = Json::array();
  for (const auto& f : e.from) from.push_back({{"lot", f.lot}, {"base_quantity", f.base_quantity}});
  j = Json{{"into", e.into}, {"from", from}, {"reason", e.reason}};
}

void from_json(const Json& j, LotsMerged& e) {
  j.at("into").get_to(e.into);
  e.from.clear();
  for (const auto& f : j.at("from"))
    e.from.push_back({f.at("lot").get<std::string>(), f.at("base_quantity").get<double>()});
  j.at("reason").get_to(e.reason);
}

void to_json(Json& j, const LotMoved& e) {
  j = Json{{"lot", e.lot},
           {"from_location", e.from_location},
           {"to_location", e.to_location},
           {"reason", e.reason}};
}

void from_json(const Json& j, LotMoved& e) {
  j.at("lot").get_to(e.lot);
  j.at("from_location").get_to(e.from_location);
  j.at("to_location").get_to(e.to_location);
  j.at("reason").get_to(e.reason);
}

void to_json(Json& j, const SerialProduced& e) {
  j = Json{{"serial", e.serial},       {"material", e.material},   {"order_id", e.order_id},
           {"operation", e.operation}, {"work_unit", e.work_unit}, {"source", e.source},
           {"stem", e.stem},           {"number", e.number}};
}

void from_json(const Json& j, SerialProduced& e) {
  j.at("serial").get_to(e.serial);
  j.at("material").get_to(e.material);
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("work_unit").get_to(e.work_unit);
  j.at("source").get_to(e.source);
  j.at("stem").get_to(e.stem);
  j.at("number").get_to(e.number);
}

void to_json(Json& j, const SerialConsumed& e) {
  j = Json{{"serial", e.serial},       {"material", e.material},   {"order_id", e.order_id},
           {"operation", e.operation}, {"work_unit", e.work_unit}, {"bom_material", e.bom_material},
           {"alternate", e.alternate}, {"user_id", e.user_id}};
  if (e.over_consumption) j["over_consumption"] = true;
}

void from_json(const Json& j, SerialConsumed& e) {
  j.at("serial").get_to(e.serial);
  j.at("material").get_to(e.material);
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("work_unit").get_to(e.work_unit);
  j.at("bom_material").get_to(e.bom_material);
  j.at("alternate").get_to(e.alternate);
  j.at("user_id").get_to(e.user_id);
  e.over_consumption = j.value("over_consumption", false);
}

void to_json(Json& j, const SerialsReleased& e) {
  j = Json{{"order_id", e.order_id}, {"serials", e.serials}};
}

void from_json(const Json& j, SerialsReleased& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("serials").get_to(e.serials);
}

void to_json(Json& j, const SerialHeld& e) { j = Json{{"serial", e.serial}, {"reason", e.reason}}; }

void from_json(const Json& j, SerialHeld& e) {
  j.at("serial").get_to(e.serial);
  j.at("reason").get_to(e.reason);
}

void to_json(Json& j, const SerialHoldLifted& e) {
  j = Json{{"serial", e.serial}, {"reason", e.reason}};
}

void from_json(const Json& j, SerialHoldLifted& e) {
  j.at("serial").get_to(e.serial);
  j.at("reason").get_to(e.reason);
}

void to_json(Json& j, const SerialRejected& e) {
  j = Json{{"serial", e.serial}, {"reason", e.reason}};
}

void from_json(const Json& j, SerialRejected& e) {
  j.at("serial").get_to(e.serial);
  j.at("reason").get_to(e.reason);
}

void to_json(Json& j, const SerialReleased& e) { j = Json{{"serial", e.serial}}; }

void from_json(const Json& j, SerialReleased& e) { j.at("serial").get_to(e.serial); }

void to_json(Json& j, const SerialsHeld& e) {
  j = Json{{"serials", e.serials}, {"reason", e.reason}};
}

void from_json(const Json& j, SerialsHeld& e) {
  j.at("serials").get_to(e.serials);
  j.at("reason").get_to(e.reason);
}

}  // namespace ordo::lots
