// A lot as the API shows it (GET /api/v1/lots and /api/v1/lots/{lot}, and the command
// replies): its effective status, quantity left in the base unit, and (one lot) its
// history, newest first, and the signatures of its release or rejection.
#pragma once

#include <string>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mes/lots/store/lots_store.h"
#include "storage/database.h"

namespace ordo::lots {

// {lot, material, supplier, supplier_lot, status, state, quantity, received_quantity,
// base_unit, received: {quantity, unit}, expiry, retest, use_by, source, reason,
// received_seq, received_us, received_at}. expiry/retest/use_by/reason are null when
// empty.
Json LotSummary(const LotRow& row, TimeMicros now);

// LotSummary plus, when `detail`, history [{seq, time, actor, role, event, state,
// quantity, change, reason, detail}] newest first and signatures [signatures::ToJson].
// Null when there is no such lot.
Result<Json> LotViewOf(storage::Database& db, const std::string& lot, TimeMicros now, bool detail);

}  // namespace ordo::lots
