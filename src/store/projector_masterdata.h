// Projectors of master data, change control, signatures, site settings, personnel and
// attachment events (each registered by its capability; payload already upcast).
#pragma once

#include "ledger/entry.h"
#include "storage/database.h"

namespace ordo::store {

Status UserCreated(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status UserDisabled(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status Opened(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status DraftSaved(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status DraftWithdrawn(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status Submitted(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status Approved(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status Rejected(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status Withdrawn(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status SettingsChanged(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);
Status Renamed(storage::Database& db, const ledger::LedgerEntry& e, const Json& p);

}  // namespace ordo::store
