// The glue of the batch release gate (domain/release_gate.h): reads the state of the
// lot's order's batch record and decides. Registered with lots by capability.cc.
#pragma once

#include "core/result.h"
#include "mes/lots/domain/lot.h"
#include "storage/database.h"

namespace ordo::batchrecord {

// Ok for a lot without order (reads nothing); otherwise gathers and assesses the order's
// record on `db` and fails as CheckBatchReleased, or with the error of a failed read
// (e.g. integrity_violation). Not thread-safe per storage::Database.
Status BatchReleaseGate(storage::Database& db, const lots::Lot& lot);

}  // namespace ordo::batchrecord
