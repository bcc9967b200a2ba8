// The credential tables beside app_user: password_state (one-time or chosen, when set;
// written with the hash, like the credential table, never derived from the ledger) and
// account_lock (the projection of UserLocked / UserUnlocked). Owner "credentials", its
// own migrations. Not thread-safe per storage::Database, like every query.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "mes/access/domain/credential.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::access {

// Tables password_state and account_lock (projection, by user_id).
store::TableSet CredentialTables();
// Registers the projectors of UserLocked and UserUnlocked.
void RegisterCredentialProjectors();

// The user's credential state; a user without a row has a chosen password set at 0.
Result<CredentialState> GetCredentialState(storage::Database& db, std::int64_t user_id);

// Sets the user's hash (credential table) and its state, in the transaction of entry
// `seq` (call from a command's after_append).
Status SetCredential(storage::Database& db, std::int64_t user_id, const std::string& hash,
                     bool must_change, TimeMicros set_at_us, std::int64_t seq);

}  // namespace ordo::access
