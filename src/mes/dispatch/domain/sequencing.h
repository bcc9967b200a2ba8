// Dispatch list sequencing, pure: which operations a work unit may run
// (IsEligible) and in what order they appear (Sequence): the work center's rule first,
// then the supervisor's moves on top, each entry with the reason it is where it is.
// No I/O, no clock: `now` and every fact arrive as arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace ordo::dispatch {

// The work center's `dispatch_rule` (master data; default priority_due_date).
enum class Rule {
  kPriorityDueDate,         // priority 1 first, then the earliest due date
  kFifo,                    // the order created first (its created seq), then ready first
  kShortestProcessingTime,  // the fewest planned minutes (setup + run) of this operation
  kCriticalRatio,           // past due first (most overdue first), then the smallest
                            // (due - now) / remaining processing time of the order
};
inline constexpr Rule kDefaultRule = Rule::kPriorityDueDate;

// "priority_due_date", "fifo", "shortest_processing_time", "critical_ratio".
std::string_view RuleName(Rule rule);
// The rule of a name; "" gives the default. invalid_argument (field `field`, reason
// unknown_dispatch_rule) for anything else.
Result<Rule> ParseRule(std::string_view name, const std::string& field = "dispatch_rule");

// One operation that may be sequenced (eligible: see IsEligible).
struct Candidate {
  std::string order_id;
  std::string operation;
  int priority = 5;                    // the order's, 1 (most urgent) .. 9
  TimeMicros due_us = 0;               // the order's due time; <= 0: no due date
  std::int64_t created_seq = 0;        // the ledger seq that created the order
  TimeMicros ready_us = 0;             // when the operation became ready
  double processing_minutes = 0;       // this operation: planned setup + run
  double remaining_order_minutes = 0;  // this operation and every later one of the order
};

// Building a candidate's times from an order's operations (the pinned routing).
struct OperationTimes {
  std::string operation;
  int position = 0;  // routing order
  double setup_minutes = 0;
  double run_minutes = 0;
  bool done = false;            // completed (and verified where required)
  TimeMicros completed_us = 0;  // when done
};

// Planned minutes of every operation of the order from `operation` on (by position, the
// operation itself included) that is not done: the critical ratio's denominator. 0 when
// `operation` is not among `ops`.
double RemainingOrderMinutes(const std::vector<OperationTimes>& ops, const std::string& operation);

// When an operation became ready: the latest of the order's release and its
// predecessors' completion (`ops` holds the order's operations; a predecessor not among
// them is ignored).
TimeMicros ReadyTime(TimeMicros released_us, const std::vector<std::string>& predecessors,
                     const std::vector<OperationTimes>& ops);

// A supervisor's re-sequencing (event dispatch.operation_moved), applied in seq order
// on top of the rule's order: `up` and `down` move the operation one place, `position`
// puts it at `to_position` (1-based, past the end: last). A move of an operation that is
// not in the list (done meanwhile, or on another unit) changes nothing.
enum class Direction { kUp, kDown, kPosition };
std::string_view DirectionName(Direction d);  // "up", "down", "position"
Result<Direction> ParseDirection(std::string_view name, const std::string& field = "direction");

struct Move {
  std::string order_id;
  std::string operation;
  Direction direction = Direction::kUp;
  int to_position = 0;  // kPosition only
  std::string reason;   // why (required)
  std::string by;       // who (login name)
  std::int64_t seq = 0;
};

// A move as a command takes it: order, operation and reason present, to_position >= 1
// for `position`. invalid_argument naming the field otherwise.
Status CheckMove(const Move& move);

// The values the rule compared, for display.
struct Keys {
  int priority = 5;
  TimeMicros due_us = 0;
  std::int64_t created_seq = 0;
  TimeMicros ready_us = 0;
  double processing_minutes = 0;
  double remaining_order_minutes = 0;
  // (due - now) in minutes / remaining_order_minutes; nullopt without a due date or
  // without remaining minutes.
  std::optional<double> critical_ratio;
  bool past_due = false;  // due before now
};

struct Entry {
  int position = 0;  // 1-based
  Candidate candidate;
  Keys keys;
  bool moved = false;  // placed by a supervisor move (the latest one is `move`)
  std::optional<Move> move;
  // Why it is where it is, e.g. "priority 2, due 2026-12-03: before ORD-9/20 (priority
  // 5)" or "moved up by ana: rush order for the clinical batch (by rule: priority 5,
  // due 2026-12-10)".
  std::string reason;
};

// The ordered list. Ties on every key of the rule: order id, then operation (so the
// same facts always give the same list). Moves apply in seq order.
std::vector<Entry> Sequence(std::vector<Candidate> candidates, Rule rule, TimeMicros now,
                            std::vector<Move> moves = {});

// --- Eligibility ----------------------------------------------------------------------

// The facts of one order operation, as the orders projection holds them.
struct OperationFacts {
  std::string order_id;
  std::string order_state;  // created, released, in_progress, on_hold, completed, ...
  std::string operation;
  std::string state;      // pending, in_progress, paused, completed, verified
  std::string work_unit;  // where it started ("" while pending)
  std::string operation_class;
  std::string work_center_class;  // "" = any work center
  std::vector<std::string> predecessors;
};

// The work unit asking for its list.
struct WorkUnitFacts {
  std::string id;
  std::string work_center_class;  // the equipment_class of its parent work center
  std::vector<std::string> capabilities;
};

// Why an operation is not on a unit's list ("" when it is): order_not_open,
// operation_not_ready (completed or verified), on_other_unit, predecessor_not_done,
// wrong_work_center_class, missing_capability.
struct Eligibility {
  bool eligible = false;
  std::string code;
  std::string message;
};

// An operation is on a work unit's list when:
// - its order is released or in_progress;
// - it is pending, or it is in_progress or paused on this very unit (so the operator
//   who started it finds it again; on another unit it is that unit's);
// - every predecessor is done (`done` tells, by operation id of the same order; a
//   predecessor it does not name is not done);
// - the unit's work center class equals the operation's work_center_class (when the
//   routing names one) and the unit's capabilities contain its operation_class.
Eligibility IsEligible(const OperationFacts& op, const std::vector<std::string>& done_operations,
                       const WorkUnitFacts& unit);

}  // namespace ordo::dispatch
