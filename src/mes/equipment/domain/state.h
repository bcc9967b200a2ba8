// The equipment state model (issue 12 section 1): the six states of a work unit, the
// sub-reasons of idle and planned_stop, and the rule that says which reason each state
// takes. Pure: the downtime reason codes arrive as a value (the DOWNTIME list in force).
// docs/equipment-states.md maps each state to the ISO 22400-2 time elements.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ordo::equipment {

// Wire names: running, idle, setup, down, planned_stop, offline.
enum class State { kRunning, kIdle, kSetup, kDown, kPlannedStop, kOffline };

const char* StateName(State state);
std::optional<State> ParseState(std::string_view name);
// "running, idle, setup, down, planned_stop, offline".
const char* StateNames();

// The sub-reasons of idle (starved, blocked, no_order) and planned_stop (maintenance,
// break, cleaning, no_demand), in display order.
const std::vector<std::string>& IdleReasons();
const std::vector<std::string>& PlannedStopReasons();

// True for the states a micro-stop can be: down and idle (the machine stopped while it
// was meant to run).
bool IsStop(State state);

// The codes of the versioned downtime reason list (master data reason_codes `DOWNTIME`,
// category downtime) in force: `version` 0 when none is in force.
struct DowntimeCodes {
  std::int64_t version = 0;
  std::set<std::string> unplanned;  // codes a `down` state may carry
  std::set<std::string> planned;    // planned codes: not a reason for `down`
};

// A state as reported, with its one `reason` field split by state: the sub-reason of
// idle and planned_stop, the downtime reason code of down.
struct StateReason {
  std::string sub_reason;   // idle, planned_stop
  std::string reason_code;  // down ("" = unassigned: a person assigns it later)
};

// Which reason `state` takes from the reported `reason` (nullopt = none given):
// - idle: required, one of IdleReasons();
// - planned_stop: required, one of PlannedStopReasons();
// - down: optional (unassigned downtime); when given, an unplanned code of `codes`;
// - running, setup, offline: none.
// Refusals are invalid_argument on field `field` with reason invalid_reason (a wrong or
// missing reason; the message lists what was expected, or says a planned code belongs
// to planned_stop or setup).
Result<StateReason> CheckReason(State state, const std::optional<std::string>& reason,
                                const DowntimeCodes& codes, const std::string& field);

}  // namespace ordo::equipment
