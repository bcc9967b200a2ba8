// Projections: current-state tables derived from ledger entries. The engine applies
// each entry in the same transaction that appends it; replay applies the whole ledger
// to a scratch store. Apply depends only on the entry, so both give the same rows.
#pragma once

#include "ledger/entry.h"
#include "storage/database.h"

namespace ordo::store {

// Updates the projection tables for `entry` (after upcasting its payload). Types with
// no projection are accepted and change nothing; an unknown type is an error.
Status ApplyToProjections(storage::Database& db, const ledger::LedgerEntry& entry);

}  // namespace ordo::store
