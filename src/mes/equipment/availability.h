// The equipment capability's public read of a work unit's availability for new
// operations: blocked when its machine has been `down` for longer than the unit's
// down_block_seconds (master data, default 600) and no supervisor has overridden the
// block for that down spell (domain/availability.h decides). For execution (a start is
// refused equipment_down) and the dispatch list and terminal (they show the block).
// Implemented in store/availability_read.cc; reads eq_state_change and the sealed
// eq_availability_override. Not thread-safe per storage::Database.
#pragma once

#include <string>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mes/equipment/domain/availability.h"
#include "storage/database.h"

namespace ordo::equipment {

// The block threshold of a work unit from its equipment master data content: the
// integer down_block_seconds, else kDefaultDownBlockMicros.
TimeMicros DownBlockThreshold(const Json& equipment_content);

// The availability of `work_unit` at `now` with the threshold `threshold_us`: its
// current machine state (the latest state change by device time, and the start of its
// down spell) and the override of that spell, if any. A unit with no machine data is
// available. integrity_violation when the override row fails its seal.
Result<Availability> AvailabilityOf(storage::Database& db, const std::string& work_unit,
                                    TimeMicros now, TimeMicros threshold_us);

// The same with the threshold of the work unit in force at `now` (the default when
// `work_unit` is no equipment in force).
Result<Availability> AvailabilityOf(storage::Database& db, const std::string& work_unit,
                                    TimeMicros now);

}  // namespace ordo::equipment
