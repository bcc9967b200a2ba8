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

// Registers app_user as a guarded (sealed) table (store/user_integrity.cc).
void RegisterGuards();
// The lookups of users.h without the seal check (user_queries.cc); FindUserByName and
// FindUserById are these plus CheckedUser (user_integrity.cc).
Result<std::optional<User>> FindUserRowByName(storage::Database& db, const std::string& name);
Result<std::optional<User>> FindUserRowById(storage::Database& db, std::int64_t id);
// `user` after checking its app_user row against its seal: integrity_violation (naming
// the row) when it fails; errors and "no user" pass through.
Result<std::optional<User>> CheckedUser(storage::Database& db, Result<std::optional<User>> user);

// max(id) + 1: ids are never reused because users are never deleted.
Result<std::int64_t> NextUserId(storage::Database& db);

// The user's Argon2id hash, or nullopt when none is set.
Result<std::optional<std::string>> GetPasswordHash(storage::Database& db, std::int64_t user_id);
// Sets (or replaces) the hash; `seq` is the entry in whose transaction it is set.
Status SetPasswordHash(storage::Database& db, std::int64_t user_id, const std::string& hash,
                       std::int64_t seq);

}  // namespace ordo::access
