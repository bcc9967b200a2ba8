// Response schemas of the dispatch endpoints (as store/dispatch_list.cc writes them).
#include "mes/dispatch/http/schemas.h"

#include "server/response_schema.h"

namespace ordo::dispatch {

using namespace server::schema;

namespace {

Json Number(const std::string& description) {
  return Json{{"type", "number"}, {"description", description}};
}

const std::vector<std::string> kRules = {"priority_due_date", "fifo", "shortest_processing_time",
                                         "critical_ratio"};

}  // namespace

namespace {

// A work unit's machine block (store/dispatch_list.h, BlockJson).
Json BlockSchema() {
  return Nullable(Object(
      {{"state", Enum(String("the machine state that blocks"), {"down"})},
       {"reason_code", Nullable(String("the down spell's DOWNTIME code; null = unassigned"))},
       {"since", Time("the down spell's start (device time)")},
       {"down_block_seconds", Integer("the work unit's threshold")},
       {"overridden", Boolean("a supervisor let starts through until the unit leaves down")}}));
}

}  // namespace

Json WorkUnitSchema() {
  Json running = Object({{"order_id", String()},
                         {"operation", String()},
                         {"state", Enum(String(), {"in_progress", "paused"})}});
  return Object(
      {{"id", String("equipment id (level work_unit)")},
       {"name", String()},
       {"work_center", String("the parent work center")},
       {"equipment_class", Nullable(String("the unit's own class"))},
       {"work_center_class", Nullable(String("its work center's class: what routings name"))},
       {"capabilities", Array(String("operation class it can run"))},
       {"status", Nullable(Enum(String(), {"available", "in_maintenance", "out_of_service"}))},
       {"calibration_due", Nullable(String("YYYY-MM-DD"))},
       {"cleaning_status", Nullable(Enum(String(), {"clean", "dirty", "not_applicable"}))},
       {"cleaning_due", Nullable(String("YYYY-MM-DD"))},
       {"rule", Enum(String("its work center's dispatch rule"), kRules)},
       {"running", Nullable(running)},
       {"equipment_block", BlockSchema()}});
}

Json DispatchListSchema() {
  Json move = Object({{"direction", Enum(String(), {"up", "down", "position"})},
                      {"to_position", Nullable(Integer("direction position: 1-based"))},
                      {"reason", String("why (recorded)")},
                      {"by", String("the supervisor")},
                      {"seq", Integer("ledger seq of the move")}});
  Json keys =
      Object({{"priority", Integer("the order's, 1 most urgent")},
              {"due", Nullable(Time("the order's due time"))},
              {"created_seq", Integer("seq that created the order (fifo)")},
              {"ready", Nullable(Time("when the operation became ready"))},
              {"processing_minutes", Number("planned setup + run minutes")},
              {"remaining_order_minutes", Number("planned minutes left in the order from here")},
              {"critical_ratio", Nullable(Number("(due - now) / remaining minutes"))},
              {"past_due", Boolean()}});
  Json entry =
      Object({{"position", Integer("1-based")},
              {"order_id", String()},
              {"operation", String()},
              {"name", String()},
              {"product", String()},
              {"priority", Integer("1 (most urgent) .. 9")},
              {"due_date", String("ISO 8601 as given")},
              {"state", Enum(String(), {"pending", "in_progress", "paused"})},
              {"planned_quantity", Number("in unit")},
              {"unit", String("the product material's base unit")},
              {"work_unit", Nullable(String("where it started (this unit); null while pending"))},
              {"reason", String("why it is where it is")},
              {"moved", Boolean("placed by a supervisor's move")},
              {"move", Nullable(move)},
              {"keys", keys}});
  return Object({{"work_unit", String()},
                 {"work_center", String()},
                 {"rule", Enum(String(), kRules)},
                 {"equipment_block", BlockSchema()},
                 {"entries", Array(entry)}});
}

}  // namespace ordo::dispatch
