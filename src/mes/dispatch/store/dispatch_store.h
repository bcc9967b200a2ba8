// The dispatch capability's table: dsp_move, the supervisors' moves (one row per
// dispatch.operation_moved entry), and its query. The lists themselves are computed
// (store/dispatch_list.h), never stored.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "mes/dispatch/domain/sequencing.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::dispatch {

store::TableSet Tables();
// Registers the projector of dispatch.operation_moved.
void RegisterProjectors();

// Every move recorded on `work_center`'s lists, in seq order (who: the entry's actor).
Result<std::vector<Move>> MovesOf(storage::Database& db, const std::string& work_center);

}  // namespace ordo::dispatch
