// The plant kinds: equipment, calendar, states, counts, ideal_cycle_times,
// planned_cycle_times.
#include <algorithm>

#include "mis/imports/domain/detail/kinds.h"

namespace ordo::mis::imports::detail {

namespace {

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string Joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& item : list) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void CheckEquipment(const RowView& row, int line, std::vector<RowError>* errors) {
  const std::string parent = row.Text("parent");
  const std::string level = row.Text("level");
  if (!parent.empty() && parent == row.Text("id")) {
    errors->push_back({line, "parent", "self_parent", "parent must name another equipment"});
  } else if (level == "enterprise" && !parent.empty()) {
    errors->push_back(
        {line, "parent", "parent_forbidden", "parent must be empty for level enterprise"});
  } else if (!level.empty() && level != "enterprise" && parent.empty()) {
    errors->push_back({line, "parent", "missing_value",
                       "parent is required below enterprise (the equipment one level up)"});
  }
}

void CheckCalendar(const RowView& row, int line, std::vector<RowError>* errors) {
  CheckEndAfterStart(row, line, "start", "end", false, errors);
}

const std::vector<std::string>& IdleReasons() {
  static const std::vector<std::string> reasons{"starved", "blocked", "no_order"};
  return reasons;
}
const std::vector<std::string>& PlannedStopReasons() {
  static const std::vector<std::string> reasons{"maintenance", "break", "cleaning", "no_demand"};
  return reasons;
}

// The MES rule (docs/equipment-states.md): idle and planned_stop need their sub-reason,
// down takes an optional downtime code, running, setup and offline take none.
void CheckStates(const RowView& row, int line, std::vector<RowError>* errors) {
  CheckEndAfterStart(row, line, "start", "end", false, errors);
  const std::string state = row.Text("state");
  const std::string reason = row.Text("reason");
  const std::vector<std::string>* allowed = state == "idle"           ? &IdleReasons()
                                            : state == "planned_stop" ? &PlannedStopReasons()
                                                                      : nullptr;
  if (allowed) {
    if (reason.empty())
      errors->push_back({line, "reason", "missing_value",
                         "reason is required for state " + state + ": one of " + Joined(*allowed)});
    else if (!Contains(*allowed, reason))
      errors->push_back({line, "reason", "bad_reason",
                         "reason of state " + state + " must be one of " + Joined(*allowed) +
                             ", not '" + reason + "'"});
  } else if (state != "down" && !reason.empty()) {
    errors->push_back(
        {line, "reason", "reason_not_allowed",
         "state " + state + " takes no reason (only idle, planned_stop and down do)"});
  }
}

void CheckCounts(const RowView& row, int line, std::vector<RowError>* errors) {
  CheckEndAfterStart(row, line, "start", "end", false, errors);
  CheckPartsWithinTotal(row, line, {"good", "scrap", "rework"}, "total", errors);
}

}  // namespace

KindSpec EquipmentKind() {
  return {"equipment",
          "import_equipment",
          "The equipment hierarchy (ISA-95): enterprise > site > area > work center > work unit.",
          {Text("id", true, "equipment id, as the other kinds name it (scope, work_unit)"),
           Text("name", false, "display name"),
           Text("parent", false,
                "id of the equipment one level up: required below enterprise, empty for it"),
           Enum("level", true, {"enterprise", "site", "area", "work_center", "work_unit"},
                "hierarchy level")},
          {"id"},
          CheckEquipment};
}

KindSpec CalendarKind() {
  return {"calendar",
          "import_calendar",
          "The plan: shifts, breaks, planned maintenance and time without demand, per scope.",
          {Text("scope", true, "equipment id the entry applies to (and everything below it)"),
           Time("start", true, "start of the entry"), Time("end", true, "end (exclusive)"),
           Enum("kind", true, {"shift", "break", "planned_maintenance", "no_demand", "holiday"},
                "what the time is"),
           Text("label", false, "e.g. the shift's name")},
          {"scope", "kind", "start"},
          CheckCalendar};
}

KindSpec StatesKind() {
  return {"states",
          "import_states",
          "Equipment state intervals in the MES's state vocabulary (docs/equipment-states.md).",
          {Text("work_unit", true, "work unit id"), Time("start", true, "start of the interval"),
           Time("end", true, "end of the interval (exclusive)"),
           Enum("state", true, {"running", "idle", "setup", "down", "planned_stop", "offline"},
                "the state"),
           Text("reason", false,
                "idle: starved, blocked or no_order; planned_stop: maintenance, break, "
                "cleaning or no_demand; down: a downtime code (optional); others: empty")},
          {"work_unit", "start"},
          CheckStates};
}

KindSpec CountsKind() {
  return {"counts",
          "import_counts",
          "Produced quantities of a work unit in an interval (ISO 22400 PQ, GQ, SQ, RQ).",
          {Text("work_unit", true, "work unit id"), Time("start", true, "start of the interval"),
           Time("end", true, "end of the interval (exclusive)"),
           Text("product", false, "product (material) id"), Text("order", false, "order id"),
           Count("total", true, false, "produced quantity (PQ), units"),
           Count("good", true, false, "good quantity (GQ), units"),
           Count("scrap", false, true, "scrap quantity (SQ), units; empty = 0"),
           Count("rework", false, true, "rework quantity (RQ), units; empty = 0")},
          {"work_unit", "start", "end", "product", "order"},
          CheckCounts};
}

KindSpec IdealCycleTimesKind() {
  return {"ideal_cycle_times",
          "import_ideal_cycle_times",
          "The ideal cycle time of a product on a work unit.",
          {Text("work_unit", true, "work unit id"), Text("product", true, "product id"),
           Number("ideal_cycle_time_s", true, true, "seconds per unit, > 0")},
          {"work_unit", "product"},
          nullptr};
}

KindSpec PlannedCycleTimesKind() {
  return {"planned_cycle_times",
          "import_planned_cycle_times",
          "The planned (standard) cycle time of a product on a work unit, for policy "
          "cycle_time=planned.",
          {Text("work_unit", true, "work unit id"), Text("product", true, "product id"),
           Number("planned_cycle_time_s", true, true, "seconds per unit, > 0")},
          {"work_unit", "product"},
          nullptr};
}

}  // namespace ordo::mis::imports::detail
