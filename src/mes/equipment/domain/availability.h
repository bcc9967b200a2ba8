// A work unit's availability for new operations (issue 12, section 1, last bullet): a
// unit whose machine has been `down` for longer than its threshold (master data
// down_block_seconds, default 600) is blocked until it leaves down or a supervisor
// overrides the block with a reason. Pure: the current state, the threshold, the clock
// and the override arrive as values.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/equipment/domain/state.h"

namespace ordo::equipment {

// The default block threshold of a work unit: 600 seconds.
inline constexpr TimeMicros kDefaultDownBlockMicros = 600LL * 1'000'000;

// The work unit's current machine state: the latest change by device time. `since_us`
// of a down state is the start of the down spell: the first of the trailing run of down
// changes (a down change with another reason code does not restart it); `reason_code`
// is the latest down change's code ("" = unassigned).
struct CurrentState {
  State state = State::kOffline;
  std::string reason_code;
  TimeMicros since_us = 0;
};

// What a start, the dispatch list and the terminal need to know.
struct Availability {
  bool blocked = false;     // down longer than the threshold and not overridden
  bool overridden = false;  // down longer than the threshold, a supervisor let starts through
  std::string reason_code;  // of the down spell ("" = unassigned)
  TimeMicros since_us = 0;  // the down spell's start (device time); 0 when not down
  TimeMicros threshold_us = kDefaultDownBlockMicros;
};

// Decides the availability of a work unit at `now` (server time):
// - no machine data (`current` nullopt), or a state other than down: not blocked;
// - down for `threshold_us` or less (now - since): not blocked;
// - down for longer: blocked, unless `override_since_us` (the spell start an override
//   was given for) equals the spell's start: then overridden. An override ends with its
//   spell: once the unit leaves down, a new down spell is blocked again after the
//   threshold.
Availability DecideAvailability(const std::optional<CurrentState>& current, TimeMicros now,
                                TimeMicros threshold_us,
                                std::optional<TimeMicros> override_since_us);

// The equipment.availability_overridden event that lets starts through on `work_unit`
// until it leaves the current down spell. Refusals: invalid_argument (field reason) when
// `reason` is empty (after trimming) or longer than 1000 characters; conflict not_blocked
// (field id) when `availability` is not blocked (already overridden included).
Result<ledger::Event> DecideOverride(const std::string& work_unit, const Availability& availability,
                                     const std::string& reason);

}  // namespace ordo::equipment
