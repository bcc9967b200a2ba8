// The supervisor's override of an availability block (glue): load the work unit's
// availability (availability.h), call DecideOverride, reply.
#pragma once

#include <string>

#include "engine/engine.h"

namespace ordo::equipment {

// Lets starts through on `work_unit` until it leaves its current down spell, with
// `reason`. not_found unknown_work_unit when it is no work unit in force; the refusals of
// DecideOverride (not_blocked, reason). Reply {"override": {work_unit, down_since,
// reason_code, reason, by, at}}.
engine::Command OverrideAvailabilityCommand(engine::Actor actor, std::string work_unit,
                                            std::string reason);

}  // namespace ordo::equipment
