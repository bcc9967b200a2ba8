// The projector of site settings events, still moving into src/mes/site (issue 7;
// registered by its capability; payload already upcast).
#pragma once

#include "ledger/entry.h"
#include "storage/database.h"

namespace ordo::store {

Status SettingsChanged(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);

}  // namespace ordo::store
