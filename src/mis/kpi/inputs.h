// The KPI engine's inputs: plain values mirroring the MIS import kinds (issue 13 section
// 5) and the MES ledger events, each with the SourceRef it came from. Times are UTC
// microseconds; intervals are half-open [start, end). The engine never reads storage:
// whoever loads these (the ledger consumer, the importer) fills an Inputs value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mis/kpi/source_ref.h"

namespace ordo::mis {

// The MES state vocabulary (docs/equipment-states.md); wire names as in the MES.
enum class MachineState { kRunning, kIdle, kSetup, kDown, kPlannedStop, kOffline };
const char* MachineStateName(MachineState state);
// invalid_argument on `field` (reason invalid_state) naming the six states.
Result<MachineState> ParseMachineState(std::string_view text, const std::string& field);

// `states`: work_unit,start,end,state,reason. `open`: the interval is the unit's current
// state and `end` is only the time the data was read up to (never a micro-stop).
struct StateInterval {
  std::string work_unit;
  TimeMicros start = 0;
  TimeMicros end = 0;
  MachineState state = MachineState::kRunning;
  std::string reason;  // idle: starved|blocked|no_order; planned_stop: maintenance|break|
                       // cleaning|no_demand; down: a downtime code or ""
  bool open = false;
  SourceRef source;
};

// `counts`: work_unit,start,end,product,order,total,good,scrap,rework. A count belongs
// to the window that holds its last instant (an instantaneous count has start == end):
// a count of 06:00-14:00 is in the 06:00-14:00 shift.
struct Count {
  std::string work_unit;
  TimeMicros start = 0;
  TimeMicros end = 0;
  std::string product;
  std::string order;
  double total = 0;   // PQ
  double good = 0;    // GQ
  double scrap = 0;   // SQ
  double rework = 0;  // RQ
  SourceRef source;
};

enum class CalendarKind { kShift, kBreak, kPlannedMaintenance, kNoDemand, kHoliday };
const char* CalendarKindName(CalendarKind kind);
// invalid_argument on `field` (reason invalid_kind).
Result<CalendarKind> ParseCalendarKind(std::string_view text, const std::string& field);

// `calendar`: scope,start,end,kind,label. `scope` is an equipment node (it applies to
// every work unit below it) or "" for the whole plant.
struct CalendarEntry {
  std::string scope;
  TimeMicros start = 0;
  TimeMicros end = 0;
  CalendarKind kind = CalendarKind::kShift;
  std::string label;
  SourceRef source;
};

// `ideal_cycle_times`: work_unit,product,ideal_cycle_time_s (policy cycle_time=ideal).
struct CycleTime {
  std::string work_unit;
  std::string product;
  double ideal_cycle_time_s = 0;
  SourceRef source;
};

// `planned_cycle_times`: work_unit,product,planned_cycle_time_s (policy
// cycle_time=planned): the planned (standard) cycle time, never the ideal one.
struct PlannedCycleTime {
  std::string work_unit;
  std::string product;
  double planned_cycle_time_s = 0;
  SourceRef source;
};

// `orders`: order_id,customer,product,quantity,unit,due_date.
struct Order {
  std::string order_id;
  std::string customer;
  std::string product;
  double quantity = 0;
  std::string unit;
  TimeMicros due = 0;
  SourceRef source;
};

// `shipments`: order_id,shipped_at,quantity.
struct Shipment {
  std::string order_id;
  TimeMicros shipped_at = 0;
  double quantity = 0;
  SourceRef source;
};

// `maintenance`: work_unit,work_order,kind,failure_start,repair_start,repair_end,reason.
// kind `corrective` is a failure (it counts for MTBF, MTTR, MTTF); `preventive` and
// `predictive` are not.
enum class MaintenanceKind { kCorrective, kPreventive, kPredictive };
const char* MaintenanceKindName(MaintenanceKind kind);
Result<MaintenanceKind> ParseMaintenanceKind(std::string_view text, const std::string& field);

struct MaintenanceRecord {
  std::string work_unit;
  std::string work_order;
  MaintenanceKind kind = MaintenanceKind::kCorrective;
  TimeMicros failure_start = 0;
  TimeMicros repair_start = 0;
  TimeMicros repair_end = 0;
  std::string reason;
  SourceRef source;
};

// `quality_costs`: date,scope,category,amount,currency,reference.
enum class QualityCostCategory { kPrevention, kAppraisal, kInternalFailure, kExternalFailure };
const char* QualityCostCategoryName(QualityCostCategory category);
Result<QualityCostCategory> ParseQualityCostCategory(std::string_view text,
                                                     const std::string& field);

struct QualityCost {
  TimeMicros date = 0;
  std::string scope;
  QualityCostCategory category = QualityCostCategory::kPrevention;
  double amount = 0;
  std::string currency;
  std::string reference;
  SourceRef source;
};

// `sales`: period_start,period_end,scope,amount,currency. Spread evenly over its period.
struct Sales {
  TimeMicros period_start = 0;
  TimeMicros period_end = 0;
  std::string scope;
  double amount = 0;
  std::string currency;
  SourceRef source;
};

// `operation_yields`: order,operation,work_unit,completed_at,units_in,good_first_pass,
// reworked,scrapped.
struct OperationYield {
  std::string order;
  std::string operation;
  std::string work_unit;
  TimeMicros completed_at = 0;
  double units_in = 0;
  double good_first_pass = 0;
  double reworked = 0;
  double scrapped = 0;
  SourceRef source;
};

// `equipment`: id,name,parent,level (ISA-95: enterprise, site, area, line, work_unit...).
struct EquipmentNode {
  std::string id;
  std::string name;
  std::string parent;  // "" = a root
  std::string level;
  SourceRef source;
};

// A cost rate per hour of non-productive time for a scope (finance data), for npt_cost.
struct CostRate {
  std::string scope;  // "" = the plant
  double per_hour = 0;
  std::string currency;
  SourceRef source;
};

// Everything the engine reads. Any vector may be empty.
struct Inputs {
  std::vector<EquipmentNode> equipment;
  std::vector<CalendarEntry> calendar;
  std::vector<StateInterval> states;
  std::vector<Count> counts;
  std::vector<CycleTime> cycle_times;
  std::vector<PlannedCycleTime> planned_cycle_times;
  std::vector<Order> orders;
  std::vector<Shipment> shipments;
  std::vector<MaintenanceRecord> maintenance;
  std::vector<QualityCost> quality_costs;
  std::vector<Sales> sales;
  std::vector<OperationYield> operation_yields;
  std::vector<CostRate> cost_rates;
};

}  // namespace ordo::mis
