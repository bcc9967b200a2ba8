// The work unit picker and the dispatch list: facts from orders and master data, decisions
// from domain/sequencing.h.
#include "mes/dispatch/store/dispatch_list.h"

#include <map>

#include "core/json_fields.h"
#include "mes/dispatch/store/dispatch_store.h"
#include "mes/equipment/availability.h"
#include "mes/execution/domain/facts.h"
#include "mes/masterdata/in_force.h"
#include "mes/orders/orders.h"

namespace ordo::dispatch {

namespace {

Error UnitNotFound(const std::string& id) {
  return Error{ErrorCode::kNotFound, "there is no work unit '" + id + "' in force", "id",
               "not_found"};
}

// The unit's own fields; the work center's (class, rule) come from `center`.
WorkUnit UnitFrom(const masterdata::VersionRow& row, const Json* center) {
  const Json& c = row.content;
  WorkUnit u;
  u.id = row.id;
  u.name = row.name;
  u.work_center = TextField(c, "parent");
  u.equipment_class = TextField(c, "equipment_class");
  u.capabilities = TextsField(c, "capabilities");
  u.status = TextField(c, "status");
  u.calibration_due = TextField(c, "calibration_due");
  u.cleaning_status = TextField(c, "cleaning_status");
  u.cleaning_due = TextField(c, "cleaning_due");
  u.availability.threshold_us = equipment::DownBlockThreshold(c);
  if (center) {
    u.work_center_class = TextField(*center, "equipment_class");
    auto rule = ParseRule(TextField(*center, "dispatch_rule"));
    u.rule = rule.ok() ? *rule : kDefaultRule;  // the master data check allows no other
  }
  return u;
}

// What runs on the unit: the first operation in progress or paused on it (by order and
// position), whatever its order's state, as execution's busy check sees it.
Status MarkRunning(storage::Database& db, WorkUnit& u) {
  auto running = orders::RunningOnWorkUnit(db, u.id);
  if (!running.ok()) return running.error();
  if (running->empty()) return Ok();
  const auto& op = running->front();
  u.running_order = op.order_id;
  u.running_operation = op.operation;
  u.running_state = op.state;
  return Ok();
}

// The machine's availability at `now` (equipment's public read).
Status MarkAvailability(storage::Database& db, WorkUnit& u, TimeMicros now) {
  auto a = equipment::AvailabilityOf(db, u.id, now, u.availability.threshold_us);
  if (!a.ok()) return a.error();
  u.availability = *a;
  return Ok();
}

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// The unit without what runs on it.
Result<WorkUnit> UnitInForce(storage::Database& db, const std::string& id, TimeMicros now) {
  auto row = masterdata::InForce(db, "equipment", id, now);
  if (!row.ok()) return row.error();
  if (!*row || TextField((*row)->content, "level") != "work_unit") return UnitNotFound(id);
  std::optional<masterdata::VersionRow> center;
  if (std::string parent = TextField((*row)->content, "parent"); !parent.empty()) {
    auto found = masterdata::InForce(db, "equipment", parent, now);
    if (!found.ok()) return found.error();
    center = std::move(*found);
  }
  return UnitFrom(**row, center ? &center->content : nullptr);
}

}  // namespace

Json BlockJson(const equipment::Availability& a) {
  if (!a.blocked && !a.overridden) return nullptr;
  return Json{{"state", "down"},
              {"reason_code", OrNull(a.reason_code)},
              {"since", FormatUtcMicros(a.since_us)},
              {"down_block_seconds", a.threshold_us / 1'000'000},
              {"overridden", a.overridden}};
}

Result<WorkUnit> FindWorkUnit(storage::Database& db, const std::string& id, TimeMicros now) {
  auto unit = UnitInForce(db, id, now);
  if (!unit.ok()) return unit.error();
  ORDO_TRY(MarkRunning(db, *unit));
  ORDO_TRY(MarkAvailability(db, *unit, now));
  return unit;
}

Result<std::vector<WorkUnit>> AllWorkUnits(storage::Database& db, TimeMicros now) {
  auto all = masterdata::InForceOfKind(db, "equipment", now);
  if (!all.ok()) return all.error();
  std::map<std::string, const masterdata::VersionRow*> equipment;
  for (const auto& row : *all) equipment[row.id] = &row;
  std::vector<WorkUnit> out;
  for (const auto& [id, row] : equipment) {
    if (TextField(row->content, "level") != "work_unit") continue;
    auto center = equipment.find(TextField(row->content, "parent"));
    WorkUnit u = UnitFrom(*row, center == equipment.end() ? nullptr : &center->second->content);
    ORDO_TRY(MarkRunning(db, u));
    ORDO_TRY(MarkAvailability(db, u, now));
    out.push_back(std::move(u));
  }
  return out;
}

Result<DispatchList> ComputeDispatchList(storage::Database& db, const std::string& id,
                                         TimeMicros now) {
  auto unit = UnitInForce(db, id, now);
  if (!unit.ok()) return unit.error();
  ORDO_TRY(MarkRunning(db, *unit));
  ORDO_TRY(MarkAvailability(db, *unit, now));
  // The open orders with work for the unit's class, each with all its operations: one
  // read, every order and operation row seal-checked.
  auto work = orders::OpenWorkForClass(db, unit->work_center_class);
  if (!work.ok()) return work.error();

  WorkUnitFacts facts{unit->id, unit->work_center_class, unit->capabilities};
  std::vector<Candidate> candidates;
  std::map<std::pair<std::string, std::string>, ListEntry> shown;
  for (const auto& [order, ops] : *work) {
    std::vector<std::string> done;
    std::vector<OperationTimes> times;
    for (const auto& op : ops) {
      const bool is_done = execution::OperationDone(op.state, op.needs_verification);
      if (is_done) done.push_back(op.operation);
      times.push_back(OperationTimes{op.operation, op.position, op.setup_minutes, op.run_minutes,
                                     is_done, op.completed_us});
    }
    for (const auto& op : ops) {
      OperationFacts f{order.order_id, order.state,        op.operation,         op.state,
                       op.work_unit,   op.operation_class, op.work_center_class, op.predecessors};
      if (!IsEligible(f, done, facts).eligible) continue;
      Candidate c;
      c.order_id = order.order_id;
      c.operation = op.operation;
      c.priority = order.priority;
      c.due_us = order.due_us;
      c.created_seq = order.created_seq;
      c.ready_us = ReadyTime(order.released_us, op.predecessors, times);
      c.processing_minutes = op.setup_minutes + op.run_minutes;
      c.remaining_order_minutes = RemainingOrderMinutes(times, op.operation);
      candidates.push_back(std::move(c));
      ListEntry e;
      e.name = op.name;
      e.product = order.product;
      e.state = op.state;
      e.due_date = order.due_date;
      e.planned_quantity = op.planned_quantity;
      e.unit = order.base_unit;
      e.work_unit = op.work_unit;
      shown.emplace(std::make_pair(order.order_id, op.operation), std::move(e));
    }
  }
  auto moves = MovesOf(db, unit->work_center);
  if (!moves.ok()) return moves.error();
  DispatchList list;
  list.unit = std::move(*unit);
  for (auto& entry : Sequence(std::move(candidates), list.unit.rule, now, std::move(*moves))) {
    auto it = shown.find({entry.candidate.order_id, entry.candidate.operation});
    ListEntry e = it == shown.end() ? ListEntry{} : std::move(it->second);
    e.entry = std::move(entry);
    list.entries.push_back(std::move(e));
  }
  return list;
}

Json ToJson(const WorkUnit& u) {
  Json running = nullptr;
  if (!u.running_order.empty())
    running = Json{{"order_id", u.running_order},
                   {"operation", u.running_operation},
                   {"state", u.running_state}};
  return Json{{"id", u.id},
              {"name", u.name},
              {"work_center", u.work_center},
              {"equipment_class", OrNull(u.equipment_class)},
              {"work_center_class", OrNull(u.work_center_class)},
              {"capabilities", u.capabilities},
              {"status", OrNull(u.status)},
              {"calibration_due", OrNull(u.calibration_due)},
              {"cleaning_status", OrNull(u.cleaning_status)},
              {"cleaning_due", OrNull(u.cleaning_due)},
              {"rule", std::string(RuleName(u.rule))},
              {"running", running},
              {"equipment_block", BlockJson(u.availability)}};
}

Json ToJson(const DispatchList& list) {
  Json entries = Json::array();
  for (const auto& e : list.entries) {
    const Entry& x = e.entry;
    Json move = nullptr;
    if (x.move)
      move =
          Json{{"direction", std::string(DirectionName(x.move->direction))},
               {"to_position", x.move->direction == Direction::kPosition ? Json(x.move->to_position)
                                                                         : Json(nullptr)},
               {"reason", x.move->reason},
               {"by", x.move->by},
               {"seq", x.move->seq}};
    Json keys{
        {"priority", x.keys.priority},
        {"due", x.keys.due_us > 0 ? Json(FormatUtcMicros(x.keys.due_us)) : Json(nullptr)},
        {"created_seq", x.keys.created_seq},
        {"ready", x.keys.ready_us > 0 ? Json(FormatUtcMicros(x.keys.ready_us)) : Json(nullptr)},
        {"processing_minutes", x.keys.processing_minutes},
        {"remaining_order_minutes", x.keys.remaining_order_minutes},
        {"critical_ratio", x.keys.critical_ratio ? Json(*x.keys.critical_ratio) : Json(nullptr)},
        {"past_due", x.keys.past_due}};
    entries.push_back(Json{{"position", x.position},
                           {"order_id", x.candidate.order_id},
                           {"operation", x.candidate.operation},
                           {"name", e.name},
                           {"product", e.product},
                           {"priority", x.candidate.priority},
                           {"due_date", e.due_date},
                           {"state", e.state},
                           {"planned_quantity", e.planned_quantity},
                           {"unit", e.unit},
                           {"work_unit", OrNull(e.work_unit)},
                           {"reason", x.reason},
                           {"moved", x.moved},
                           {"move", move},
                           {"keys", keys}});
  }
  return Json{{"work_unit", list.unit.id},
              {"work_center", list.unit.work_center},
              {"rule", std::string(RuleName(list.unit.rule))},
              {"equipment_block", BlockJson(list.unit.availability)},
              {"entries", entries}};
}

}  // namespace ordo::dispatch
