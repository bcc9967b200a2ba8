// The work unit picker and the dispatch list: facts from orders and master data, decisions
// from domain/sequencing.h.
#include "mes/dispatch/store/dispatch_list.h"

#include <map>
#include <unordered_map>

#include "mes/dispatch/store/dispatch_store.h"
#include "mes/masterdata/in_force.h"
#include "mes/orders/domain/states.h"
#include "mes/orders/orders.h"

namespace ordo::dispatch {

namespace {

std::string Text(const Json& c, const char* name) {
  auto it = c.find(name);
  return it != c.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> Texts(const Json& c, const char* name) {
  std::vector<std::string> out;
  auto it = c.find(name);
  if (it != c.end() && it->is_array())
    for (const auto& v : *it)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

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
  u.work_center = Text(c, "parent");
  u.equipment_class = Text(c, "equipment_class");
  u.capabilities = Texts(c, "capabilities");
  u.status = Text(c, "status");
  u.calibration_due = Text(c, "calibration_due");
  u.cleaning_status = Text(c, "cleaning_status");
  u.cleaning_due = Text(c, "cleaning_due");
  if (center) {
    u.work_center_class = Text(*center, "equipment_class");
    auto rule = ParseRule(Text(*center, "dispatch_rule"));
    u.rule = rule.ok() ? *rule : kDefaultRule;  // the master data check allows no other
  }
  return u;
}

void MarkRunning(WorkUnit& u, const std::vector<orders::PinnedOperation>& open) {
  for (const auto& op : open) {
    if (op.work_unit != u.id || (op.state != "in_progress" && op.state != "paused")) continue;
    u.running_order = op.order_id;
    u.running_operation = op.operation;
    u.running_state = op.state;
    return;
  }
}

bool NeedsVerification(const orders::PinnedOperation& op) {
  auto it = op.spec.find("second_person_verification");
  return it != op.spec.end() && it->is_boolean() && it->get<bool>();
}

bool Done(const orders::PinnedOperation& op) {
  auto state = orders::ParseOperationState(op.state);
  return state && orders::OperationDone(*state, NeedsVerification(op));
}

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// The unit without what runs on it.
Result<WorkUnit> UnitInForce(storage::Database& db, const std::string& id, TimeMicros now) {
  auto row = masterdata::InForce(db, "equipment", id, now);
  if (!row.ok()) return row.error();
  if (!*row || Text((*row)->content, "level") != "work_unit") return UnitNotFound(id);
  std::optional<masterdata::VersionRow> center;
  if (std::string parent = Text((*row)->content, "parent"); !parent.empty()) {
    auto found = masterdata::InForce(db, "equipment", parent, now);
    if (!found.ok()) return found.error();
    center = std::move(*found);
  }
  return UnitFrom(**row, center ? &center->content : nullptr);
}

}  // namespace

Result<WorkUnit> FindWorkUnit(storage::Database& db, const std::string& id, TimeMicros now) {
  auto unit = UnitInForce(db, id, now);
  if (!unit.ok()) return unit.error();
  auto open = orders::OpenOperations(db);
  if (!open.ok()) return open.error();
  MarkRunning(*unit, *open);
  return unit;
}

Result<std::vector<WorkUnit>> AllWorkUnits(storage::Database& db, TimeMicros now) {
  auto all = masterdata::AllInForce(db, now);
  if (!all.ok()) return all.error();
  std::map<std::string, const masterdata::VersionRow*> equipment;
  for (const auto& row : *all)
    if (row.kind == "equipment") equipment[row.id] = &row;
  auto open = orders::OpenOperations(db);
  if (!open.ok()) return open.error();
  std::vector<WorkUnit> out;
  for (const auto& [id, row] : equipment) {
    if (Text(row->content, "level") != "work_unit") continue;
    auto center = equipment.find(Text(row->content, "parent"));
    WorkUnit u = UnitFrom(*row, center == equipment.end() ? nullptr : &center->second->content);
    MarkRunning(u, *open);
    out.push_back(std::move(u));
  }
  return out;
}

Result<DispatchList> ComputeDispatchList(storage::Database& db, const std::string& id,
                                         TimeMicros now) {
  auto unit = UnitInForce(db, id, now);
  if (!unit.ok()) return unit.error();
  auto open = orders::OpenOperations(db);
  if (!open.ok()) return open.error();
  MarkRunning(*unit, *open);

  // The open operations by order (OpenOperations gives them by order id and position).
  std::unordered_map<std::string, std::vector<const orders::PinnedOperation*>> by_order;
  for (const auto& op : *open) by_order[op.order_id].push_back(&op);

  WorkUnitFacts facts{unit->id, unit->work_center_class, unit->capabilities};
  std::vector<Candidate> candidates;
  std::map<std::pair<std::string, std::string>, ListEntry> shown;
  for (const auto& [order_id, ops] : by_order) {
    std::optional<orders::Order> order;
    std::vector<std::string> done;
    std::vector<OperationTimes> times;
    for (const auto* op : ops) {
      const bool is_done = Done(*op);
      if (is_done) done.push_back(op->operation);
      times.push_back(OperationTimes{op->operation, op->position, op->setup_minutes,
                                     op->run_minutes, is_done, op->completed_us});
    }
    for (const auto* op : ops) {
      OperationFacts f{
          order_id,
          "released",  // OpenOperations gives open orders only; checked below
          op->operation,   op->state, op->work_unit, op->operation_class, op->work_center_class,
          op->predecessors};
      if (!IsEligible(f, done, facts).eligible) continue;
      // The order is read only for operations the unit may run (a sealed read each).
      if (!order) {
        auto found = orders::FindOrder(db, order_id);
        if (!found.ok()) return found.error();
        if (!*found) break;  // cannot happen: the operation's order is open
        order = std::move(**found);
      }
      f.order_state = order->state;
      if (!IsEligible(f, done, facts).eligible) continue;
      Candidate c;
      c.order_id = order_id;
      c.operation = op->operation;
      c.priority = order->priority;
      c.due_us = order->due_us;
      c.created_seq = order->created_seq;
      c.ready_us = ReadyTime(order->released_us, op->predecessors, times);
      c.processing_minutes = op->setup_minutes + op->run_minutes;
      c.remaining_order_minutes = RemainingOrderMinutes(times, op->operation);
      candidates.push_back(std::move(c));
      ListEntry e;
      e.name = op->name;
      e.product = order->product;
      e.state = op->state;
      e.due_date = order->due_date;
      e.planned_quantity = op->planned_quantity;
      e.unit = order->base_unit;
      e.work_unit = op->work_unit;
      shown.emplace(std::make_pair(order_id, op->operation), std::move(e));
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
              {"running", running}};
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
              {"entries", entries}};
}

}  // namespace ordo::dispatch
