// Read queries over the projections (and credentials) used by command decisions on the
// writer connection and by the API's read endpoints on a reader connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "mes/access/domain/user.h"
#include "storage/database.h"

namespace ordo::store {

Result<std::optional<access::User>> FindUserByName(storage::Database& db, const std::string& name);
Result<std::optional<access::User>> FindUserById(storage::Database& db, std::int64_t id);
Result<std::vector<access::User>> ListUsers(storage::Database& db);
// max(id) + 1: ids are never reused because users are never deleted.
Result<std::int64_t> NextUserId(storage::Database& db);

Result<std::optional<std::string>> GetPasswordHash(storage::Database& db, std::int64_t user_id);
Status SetPasswordHash(storage::Database& db, std::int64_t user_id, const std::string& hash,
                       std::int64_t seq);

Json ToJson(const access::User& user);

}  // namespace ordo::store
