// Opening a deviation inside a command of this or another capability (execution opens
// one in the same command that records an exception needing it). Implemented in
// opening.cc; runs on the writer's connection.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/deviations/events.h"
#include "storage/database.h"

namespace ordo::deviations {

// The deviations.deviation_opened event for `draft` with the next id (counted in the
// ledger): checks `draft` as ValidateOpen (domain/deviation.h), then that the order
// exists (not_found, field order_id, order_missing), its operation when one is named
// (not_found, field operation, operation_missing) and each of `lots`, a lot or a serial
// number (not_found, field lots[i], lot_missing). `draft.id` is ignored. `already`: deviations the
// same command opens before this one (their ids are taken).
Result<ledger::Event> OpenDeviationEvent(storage::Database& db, DeviationOpened draft,
                                         std::int64_t already = 0);

}  // namespace ordo::deviations
