// The recall report (IND-10), the genealogy capability's public read API for it: given a
// suspect lot, every finished lot and serial that contains it, from a forward trace
// (genealogy.h) with each lot's status, quantity, location and producing order. Its CSV
// and HTML renderings are pure (domain/recall_format.h). Implemented in
// store/recall_read.cc. Not thread-safe per storage::Database.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "mes/genealogy/domain/recall_format.h"
#include "mes/genealogy/domain/trace.h"
#include "storage/database.h"

namespace ordo::genealogy {

// The recall report of `suspect`, a node id ("lot:X", or "serial:X" for a suspect
// serial), at `now`: the nodes of its forward trace within `limits` whose material is of
// class `finished` (the suspect itself when it is finished), lots and serials only, by
// depth then node id. A material's class comes from its version in force at `now`, or,
// when it is obsolete now, from its newest approved version effective by `now` (the
// retired definition): lots of a discontinued product are still recalled. A material
// never approved is not counted as finished. A lot's location and producing order come
// from lots (lots.h); a serial's order from its produced edge.
Result<RecallReport> Recall(storage::Database& db, const std::string& suspect, TimeMicros now,
                            const TraceLimits& limits = {});

}  // namespace ordo::genealogy
