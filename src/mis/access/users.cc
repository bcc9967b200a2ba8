// The mis_user table.
#include "mis/access/users.h"

#include <algorithm>

#include "mis/access/roles.h"
#include "storage/rows.h"

namespace ordo::mis::access {

namespace {

constexpr const char* kColumns = "id, name, role, enabled, created_at, created_by";

MisUser ReadUser(const storage::Statement& s) {
  return MisUser{s.Int(0), s.Text(1), s.Text(2), s.Int(3) != 0, s.Text(4), s.Text(5)};
}

}  // namespace

std::vector<store::Migration> Migrations() {
  return {{"access", 1,
           "CREATE TABLE mis_user ("
           " id INTEGER PRIMARY KEY,"
           " name TEXT NOT NULL UNIQUE,"
           " password_hash TEXT NOT NULL,"
           " role TEXT NOT NULL CHECK (role IN ('mis_admin', 'mis_analyst', 'mis_viewer')),"
           " enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),"
           " created_at TEXT NOT NULL,"
           " created_by TEXT NOT NULL)"}};
}

Status CheckUserName(const std::string& name, const std::string& field) {
  auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  };
  const bool ok = !name.empty() && name.size() <= 64 &&
                  std::all_of(name.begin(), name.end(), allowed) && name[0] != '.' &&
                  name[0] != '_' && name[0] != '-';
  if (ok) return Ok();
  return Error::Invalid(field,
                        "a login name has 1 to 64 characters of a-z, 0-9, '.', '_' and '-' and "
                        "starts with a letter or digit",
                        "invalid_user_name");
}

Result<MisUser> CreateUser(storage::Database& db, const std::string& name, const std::string& role,
                           const std::string& password_hash, const std::string& created_by,
                           TimeMicros now) {
  ORDO_TRY(CheckUserName(name));
  if (!IsRole(role))
    return Error::Invalid("role", "role must be one of mis_admin, mis_analyst, mis_viewer",
                          "unknown_role");
  auto existing = FindUserByName(db, name);
  if (!existing.ok()) return existing.error();
  if (*existing)
    return Error{ErrorCode::kConflict, "a user named '" + name + "' exists already", "name",
                 "name_taken"};
  const std::string created_at = FormatUtcMicros(now);
  auto inserted = storage::FirstRow<std::int64_t>(
      db,
      "INSERT INTO mis_user (name, password_hash, role, enabled, created_at, created_by) "
      "VALUES (?1, ?2, ?3, 1, ?4, ?5) RETURNING id",
      [&](storage::Statement& s) {
        s.Bind(1, name);
        s.Bind(2, password_hash);
        s.Bind(3, role);
        s.Bind(4, created_at);
        s.Bind(5, created_by);
      },
      [](const storage::Statement& s) { return s.Int(0); });
  if (!inserted.ok()) return inserted.error();
  return MisUser{**inserted, name, role, true, created_at, created_by};
}

Result<std::optional<MisUser>> FindUserByName(storage::Database& db, const std::string& name) {
  return storage::FirstRow<MisUser>(
      db, std::string("SELECT ") + kColumns + " FROM mis_user WHERE name = ?1",
      [&](storage::Statement& s) { s.Bind(1, name); }, ReadUser);
}

Result<std::optional<MisUser>> FindUserById(storage::Database& db, std::int64_t id) {
  return storage::FirstRow<MisUser>(
      db, std::string("SELECT ") + kColumns + " FROM mis_user WHERE id = ?1",
      [&](storage::Statement& s) { s.Bind(1, id); }, ReadUser);
}

Result<std::optional<std::string>> PasswordHashOf(storage::Database& db, std::int64_t id) {
  return storage::FirstRow<std::string>(
      db, "SELECT password_hash FROM mis_user WHERE id = ?1",
      [&](storage::Statement& s) { s.Bind(1, id); },
      [](const storage::Statement& s) { return s.Text(0); });
}

Result<std::vector<MisUser>> ListUsers(storage::Database& db) {
  return storage::Rows<MisUser>(db,
                                std::string("SELECT ") + kColumns + " FROM mis_user ORDER BY id",
                                storage::NoBind, ReadUser);
}

Json ToJson(const MisUser& u) {
  return Json{{"id", u.id},
              {"name", u.name},
              {"role", u.role},
              {"enabled", u.enabled},
              {"created_at", u.created_at},
              {"created_by", u.created_by}};
}

}  // namespace ordo::mis::access
