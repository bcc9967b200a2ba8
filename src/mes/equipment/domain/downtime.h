// Assigning a downtime reason after the fact: the machine stopped without saying why, and
// an operator or supervisor picks the reason when it runs again. Pure.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/equipment/domain/state.h"

namespace ordo::equipment {

// The event that gives the down interval of `work_unit` starting at `start_us` the code
// `reason_code` with `comment` (at most 1000 characters). `interval_found`: a down change
// of that work unit begins at exactly that device time. Refusals: not_found
// interval_missing (field start) without one; invalid_reason (field reason_code) for a
// code that is no unplanned code of `codes` (CheckReason of down); invalid_argument on
// comment when too long.
Result<ledger::Event> DecideAssignReason(const std::string& work_unit, TimeMicros start_us,
                                         const std::string& reason_code, const std::string& comment,
                                         bool interval_found, const DowntimeCodes& codes);

}  // namespace ordo::equipment
