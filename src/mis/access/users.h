// The MIS's users (table mis_user, module "access"): login name, Argon2id hash, one
// role, enabled. Users are never deleted. Reads and writes through the storage driver on
// the caller's connection; hashing is the caller's job (core/crypto.h, off the io thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mis/store/migration.h"
#include "storage/database.h"

namespace ordo::mis::access {

struct MisUser {
  std::int64_t id = 0;
  std::string name;
  std::string role;
  bool enabled = true;
  std::string created_at;  // UTC, ISO 8601
  std::string created_by;  // the admin's name, or "ordo-mis init"
};

// The access module's migrations (the mis_user table).
std::vector<store::Migration> Migrations();

// A login name: 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter
// or digit (lower case only, so names never differ by case). invalid_argument on `field`
// (reason invalid_user_name) otherwise.
Status CheckUserName(const std::string& name, const std::string& field = "name");

// Adds an enabled user. `password_hash` is an Argon2id hash (core/crypto.h HashPassword).
// invalid_argument for a bad name or an unknown role (field role, reason unknown_role);
// conflict (reason name_taken) when the name exists.
Result<MisUser> CreateUser(storage::Database& db, const std::string& name, const std::string& role,
                           const std::string& password_hash, const std::string& created_by,
                           TimeMicros now);

Result<std::optional<MisUser>> FindUserByName(storage::Database& db, const std::string& name);
Result<std::optional<MisUser>> FindUserById(storage::Database& db, std::int64_t id);
// The stored Argon2id hash of user `id` (nullopt when there is no such user).
Result<std::optional<std::string>> PasswordHashOf(storage::Database& db, std::int64_t id);
// Every user, by id.
Result<std::vector<MisUser>> ListUsers(storage::Database& db);

// {id, name, role, enabled, created_at, created_by}: never the hash.
Json ToJson(const MisUser& user);

}  // namespace ordo::mis::access
