// The access capability's tables (app_user, credential), projectors and the queries only
// its own commands and handlers use; the public user reads are in ../users.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "mes/access/users.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::access {

// Tables app_user (projection, by id) and credential (not derived from the ledger) as
// migrations.
store::TableSet Tables();
// Registers the projectors of UserCreated, UserDisabled and UserRenamed.
void RegisterProjectors();

// max(id) + 1: ids are never reused because users are never deleted.
Result<std::int64_t> NextUserId(storage::Database& db);

// The user's Argon2id hash, or nullopt when none is set.
Result<std::optional<std::string>> GetPasswordHash(storage::Database& db, std::int64_t user_id);
// Sets (or replaces) the hash; `seq` is the entry in whose transaction it is set.
Status SetPasswordHash(storage::Database& db, std::int64_t user_id, const std::string& hash,
                       std::int64_t seq);

}  // namespace ordo::access
