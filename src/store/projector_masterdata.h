// Projections of master data, change control, signatures and personnel events.
#pragma once

#include "ledger/entry.h"
#include "storage/database.h"

namespace ordo::store {

// Applies `entry` (payload `payload`, already upcast) when its type is one of these;
// sets *handled to false for other types and changes nothing.
Status ApplyMasterdataProjection(storage::Database& db, const ledger::LedgerEntry& entry,
                                 const Json& payload, bool* handled);

}  // namespace ordo::store
