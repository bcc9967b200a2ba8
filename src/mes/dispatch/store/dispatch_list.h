// The dispatch list of a work unit and the work unit picker, computed from the orders'
// open operations (orders/orders.h) and the equipment master data in force
// (masterdata/in_force.h) with the pure rules of domain/sequencing.h. Reads only; not
// thread-safe per storage::Database, like every query.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mes/dispatch/domain/sequencing.h"
#include "mes/equipment/domain/availability.h"
#include "storage/database.h"

namespace ordo::dispatch {

// A work unit in force (equipment at level work_unit) as the terminal's picker shows it.
// JSON `equipment_block`: null, or {state: "down", reason_code, since, down_block_seconds,
// overridden} when the unit is down for longer than its threshold (overridden: a
// supervisor let starts through for this down spell).
struct WorkUnit {
  std::string id, name, work_center, equipment_class, work_center_class, status, calibration_due,
      cleaning_status, cleaning_due;
  std::vector<std::string> capabilities;
  Rule rule = kDefaultRule;  // its work center's dispatch_rule
  // The operation in progress or paused on it ("" when none).
  std::string running_order, running_operation, running_state;
  // Its machine's availability (equipment/availability.h): blocked when down for longer
  // than down_block_seconds (threshold_us) and not overridden; a start is then refused
  // equipment_down.
  equipment::Availability availability;
};

// The work unit `id` in force at `now`: not_found (field `id`) when there is no equipment
// `id` in force at level work_unit.
Result<WorkUnit> FindWorkUnit(storage::Database& db, const std::string& id, TimeMicros now);
// Every work unit in force at `now`, by id, with what runs on it.
Result<std::vector<WorkUnit>> AllWorkUnits(storage::Database& db, TimeMicros now);

// One entry of a list: the sequencing entry plus what the terminal shows of the operation.
struct ListEntry {
  Entry entry;
  std::string name, product, state, due_date;
  double planned_quantity = 0;
  std::string unit;       // of planned_quantity: the product material's base unit
  std::string work_unit;  // where it started ("" while pending)
};

struct DispatchList {
  WorkUnit unit;
  std::vector<ListEntry> entries;
};

// The eligible operations of the unit `id` sequenced by its work center's rule and the
// supervisors' moves (of that work center). not_found (field `id`) for an unknown unit.
Result<DispatchList> ComputeDispatchList(storage::Database& db, const std::string& id,
                                         TimeMicros now);

// The `equipment_block` of a work unit and of its dispatch list (see WorkUnit).
Json BlockJson(const equipment::Availability& availability);
Json ToJson(const WorkUnit& unit);
Json ToJson(const DispatchList& list);

}  // namespace ordo::dispatch
