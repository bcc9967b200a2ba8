// Projectors of user, signature, site settings, personnel and attachment events (each
// registered by its capability; payload already upcast). The change control projectors
// moved to src/mes/masterdata/store/.
#pragma once

#include "ledger/entry.h"
#include "storage/database.h"

namespace ordo::store {

Status UserCreated(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status UserDisabled(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status SettingsChanged(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status Renamed(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);

}  // namespace ordo::store
