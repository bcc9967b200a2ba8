// SQL reads over app_user (the public ones of users.h) and the credential table.
#include "mes/access/store/access_store.h"
#include "storage/rows.h"

namespace ordo::access {

namespace {

constexpr const char* kSelectUser =
    "SELECT id, name, display_name, roles, disabled, version FROM app_user ";

User UserFromRow(const storage::Statement& s) {
  User u;
  u.id = s.Int(0);
  u.name = s.Text(1);
  u.display_name = s.Text(2);
  Json roles = Json::parse(s.Text(3), nullptr, false);
  if (roles.is_array())
    for (const auto& r : roles)
      if (r.is_string()) u.roles.push_back(r.get<std::string>());
  u.disabled = s.Int(4) != 0;
  u.version = s.Int(5);
  return u;
}

}  // namespace

Result<std::optional<User>> FindUserRowByName(storage::Database& db, const std::string& name) {
  return storage::FirstRow<User>(
      db, std::string(kSelectUser) + "WHERE name = ?",
      [&](storage::Statement& s) { s.Bind(1, name); }, UserFromRow);
}

Result<std::optional<User>> FindUserRowById(storage::Database& db, std::int64_t id) {
  return storage::FirstRow<User>(
      db, std::string(kSelectUser) + "WHERE id = ?", [&](storage::Statement& s) { s.Bind(1, id); },
      UserFromRow);
}

Result<std::vector<User>> ListUsers(storage::Database& db) {
  return storage::Rows<User>(db, std::string(kSelectUser) + "ORDER BY id", storage::NoBind,
                             UserFromRow);
}

Json ToJson(const User& u) {
  return Json{{"id", u.id},
              {"name", u.name},
              {"display_name", u.display_name},
              {"roles", u.roles},
              {"disabled", u.disabled}};
}

Result<std::int64_t> NextUserId(storage::Database& db) {
  auto id = storage::FirstRow<std::int64_t>(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM app_user",
                                            storage::NoBind,
                                            [](const storage::Statement& s) { return s.Int(0); });
  if (!id.ok()) return id.error();
  return id->value_or(1);
}

Result<std::optional<std::string>> GetPasswordHash(storage::Database& db, std::int64_t user_id) {
  return storage::FirstRow<std::string>(
      db, "SELECT password_hash FROM credential WHERE user_id = ?",
      [&](storage::Statement& s) { s.Bind(1, user_id); },
      [](const storage::Statement& s) { return s.Text(0); });
}

Status SetPasswordHash(storage::Database& db, std::int64_t user_id, const std::string& hash,
                       std::int64_t seq) {
  auto st = db.Prepare(
      "INSERT OR REPLACE INTO credential(user_id, password_hash, set_seq) VALUES(?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, user_id).Bind(2, hash).Bind(3, seq);
  return (*st)->Run();
}

}  // namespace ordo::access
