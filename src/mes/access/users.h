// The access capability's public read API: users by id or name, for other capabilities'
// decisions and views (implemented in store/user_queries.cc). Not thread-safe per
// storage::Database, like every query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "mes/access/domain/user.h"
#include "storage/database.h"

namespace ordo::access {

// The user with login `name`, or nullopt. Both lookups check the row against its seal
// (store/row_seal.h) and refuse a row changed outside ordo with integrity_violation.
Result<std::optional<User>> FindUserByName(storage::Database& db, const std::string& name);
// The user with `id`, or nullopt.
Result<std::optional<User>> FindUserById(storage::Database& db, std::int64_t id);
// Every user (disabled ones too), by id.
Result<std::vector<User>> ListUsers(storage::Database& db);
// {id, name, display_name, roles, disabled}: a user as the API shows it.
Json ToJson(const User& user);

}  // namespace ordo::access
