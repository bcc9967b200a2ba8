// Glue from the other capabilities' public readers to execution's facts (facts_loader.h).
#include "mes/execution/commands/facts_loader.h"

#include <algorithm>

#include "core/json_fields.h"
#include "mes/equipment/availability.h"
#include "mes/execution/store/execution_store.h"
#include "mes/lots/lots.h"
#include "mes/masterdata/in_force.h"
#include "mes/orders/orders.h"
#include "mes/personnel/qualifications.h"

namespace ordo::execution {
namespace {

Error Missing(const std::string& field, const std::string& what) {
  return Error{ErrorCode::kNotFound, what, field, field + "_missing"};
}

bool NeedsVerification(const Json& spec) {
  auto it = spec.find("second_person_verification");
  return it != spec.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

Result<OperationFacts> LoadOperation(storage::Database& db, const std::string& order_id,
                                     const std::string& operation) {
  auto order = orders::FindOrder(db, order_id);
  if (!order.ok()) return order.error();
  if (!*order) return Missing("order_id", "there is no order '" + order_id + "'");
  auto ops = orders::OperationsOf(db, order_id);
  if (!ops.ok()) return ops.error();
  auto it = std::find_if(ops->begin(), ops->end(), [&](const orders::PinnedOperation& o) {
    return o.operation == operation;
  });
  if (it == ops->end()) {
    if (ops->empty())
      return Error{ErrorCode::kFailedPrecondition,
                   "order " + order_id + " is " + (*order)->state +
                       ": it has no operations before it is released",
                   "order_id", "invalid_transition"};
    return Missing("operation", "order " + order_id + " has no operation '" + operation + "'");
  }
  OperationFacts f;
  f.order_id = order_id;
  f.order_state = (*order)->state;
  f.operation = it->operation;
  f.name = it->name;
  f.state = it->state;
  f.operation_class = it->operation_class;
  f.work_center_class = it->work_center_class;
  f.work_unit = it->work_unit;
  f.routing_version = (*order)->routing_version;
  f.started_us = it->started_us;
  auto spec = SpecFromJson(it->spec);
  if (!spec.ok()) return spec.error();
  f.spec = std::move(*spec);
  for (const auto& other : *ops) {
    if (other.operation == operation) continue;
    OperationStatus s{other.operation, other.state, NeedsVerification(other.spec)};
    f.other_operations.push_back(s);
    if (std::find(it->predecessors.begin(), it->predecessors.end(), other.operation) !=
        it->predecessors.end())
      f.predecessors.push_back(s);
  }
  auto recorders = RecordersOf(db, order_id, operation);
  if (!recorders.ok()) return recorders.error();
  f.performer_ids = std::move(*recorders);
  // Who started, consumed for and completed it are performers too.
  std::vector<std::int64_t> others{it->started_by_id, it->completed_by_id};
  auto consumed = lots::ConsumedByOrder(db, order_id);
  if (!consumed.ok()) return consumed.error();
  for (const auto& c : *consumed)
    if (c.operation == operation) others.push_back(c.user_id);
  for (std::int64_t id : others)
    if (id > 0 &&
        std::find(f.performer_ids.begin(), f.performer_ids.end(), id) == f.performer_ids.end())
      f.performer_ids.push_back(id);
  return f;
}

Result<OperatorFacts> LoadOperator(storage::Database& db, std::int64_t user_id,
                                   const std::string& name) {
  OperatorFacts person;
  person.user_id = user_id;
  person.user = name;
  auto grants = personnel::GrantsOfUser(db, user_id);
  if (!grants.ok()) return grants.error();
  for (const auto& g : *grants)
    person.qualifications.push_back(
        HeldQualification{g.qualification, g.expires.value_or(""), g.revoked, g.grant_id});
  return person;
}

Result<EquipmentFacts> LoadWorkUnit(storage::Database& db, const std::string& work_unit,
                                    TimeMicros now, const std::string& except_order,
                                    const std::string& except_operation) {
  auto unit = masterdata::InForce(db, "equipment", work_unit, now);
  if (!unit.ok()) return unit.error();
  if (!*unit) return Missing("work_unit", "there is no equipment '" + work_unit + "' in force");
  const Json& c = (*unit)->content;
  EquipmentFacts e;
  e.work_unit = work_unit;
  e.level = TextField(c, "level");
  e.equipment_class = TextField(c, "equipment_class");
  e.work_center = TextField(c, "parent");
  e.capabilities = TextsField(c, "capabilities");
  e.status = TextField(c, "status");
  e.calibration_due = TextField(c, "calibration_due");
  e.cleaning_status = TextField(c, "cleaning_status");
  e.cleaning_due = TextField(c, "cleaning_due");
  if (!e.work_center.empty()) {
    auto parent = masterdata::InForce(db, "equipment", e.work_center, now);
    if (!parent.ok()) return parent.error();
    if (*parent) e.work_center_class = TextField((*parent)->content, "equipment_class");
  }
  auto availability =
      equipment::AvailabilityOf(db, work_unit, now, equipment::DownBlockThreshold(c));
  if (!availability.ok()) return availability.error();
  e.down_blocked = availability->blocked;
  e.down_reason_code = availability->reason_code;
  e.down_since_us = availability->since_us;
  e.down_block_seconds = availability->threshold_us / 1'000'000;
  auto running = orders::RunningOnWorkUnit(db, work_unit);
  if (!running.ok()) return running.error();
  for (const auto& op : *running) {
    if (op.order_id == except_order && op.operation == except_operation) continue;
    e.busy_with = op.order_id + "/" + op.operation;
    break;
  }
  return e;
}

Result<LotFacts> LoadLot(storage::Database& db, const std::string& lot, TimeMicros now) {
  auto found = lots::FindLot(db, lot);
  if (!found.ok()) return found.error();
  if (!*found) return Missing("lot", "there is no lot '" + lot + "'");
  const lots::Lot& l = **found;
  LotFacts f;
  f.lot = l.lot;
  f.material = l.material;
  f.status = lots::EffectiveLotStatus(l, now);
  f.expiry = l.expiry;
  f.retest = l.retest;
  f.quantity = l.quantity;
  f.base_unit = l.base_unit;
  return f;
}

Result<std::vector<BomFacts>> LoadBom(storage::Database& db, const std::string& order_id) {
  auto bom = orders::BomOf(db, order_id);
  if (!bom.ok()) return bom.error();
  auto consumed = lots::ConsumedByOrder(db, order_id);
  if (!consumed.ok()) return consumed.error();
  auto serials = lots::SerialsConsumedInto(db, order_id);
  if (!serials.ok()) return serials.error();
  std::vector<BomFacts> out;
  for (const auto& item : *bom) {
    BomFacts b;
    b.material = item.material;
    b.alternates = item.alternates;
    b.base_quantity = item.base_quantity;
    b.base_unit = item.base_unit;
    b.scrap_factor = item.scrap_factor;
    b.operation = item.operation;
    for (const auto& c : *consumed)
      if (c.bom_material == item.material) b.consumed += c.base_quantity;
    // A serial counts one unit of its item (in the item's base unit).
    for (const auto& u : *serials)
      if (u.consumed_bom_material == item.material) b.consumed += 1;
    out.push_back(std::move(b));
  }
  return out;
}

Result<ReasonCodes> LoadReasonCodes(storage::Database& db, TimeMicros now) {
  auto all = masterdata::InForceOfKind(db, "reason_codes", now);
  if (!all.ok()) return all.error();
  ReasonCodes codes;
  for (const auto& v : *all) {
    const std::string category = TextField(v.content, "category");
    std::vector<std::string>* into = category == "scrap"    ? &codes.scrap
                                     : category == "rework" ? &codes.rework
                                                            : nullptr;
    if (!into) continue;
    auto it = v.content.find("codes");
    if (it == v.content.end() || !it->is_array()) continue;
    for (const auto& code : *it)
      if (code.contains("code") && code["code"].is_string())
        into->push_back(code["code"].get<std::string>());
  }
  return codes;
}

}  // namespace ordo::execution
