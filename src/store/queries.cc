// SQL read queries over users and credentials.
#include "store/queries.h"

#include <functional>

#include "core/clock.h"

namespace ordo::store {

namespace {

constexpr const char* kUserColumns = "id, name, display_name, roles, disabled, version";

access::User UserFromRow(const storage::Statement& s) {
  access::User u;
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

Result<std::optional<access::User>> FindUserWhere(
    storage::Database& db, const std::string& where,
    const std::function<void(storage::Statement&)>& bind) {
  auto st = db.Prepare(std::string("SELECT ") + kUserColumns + " FROM app_user WHERE " + where);
  if (!st.ok()) return st.error();
  bind(**st);
  auto row = (*st)->Step();
  if (!row.ok()) return row.error();
  std::optional<access::User> out;
  if (*row) out = UserFromRow(**st);
  (*st)->Reset();
  return out;
}

}  // namespace

Result<std::optional<access::User>> FindUserByName(storage::Database& db, const std::string& name) {
  return FindUserWhere(db, "name = ?", [&](storage::Statement& s) { s.Bind(1, name); });
}

Result<std::optional<access::User>> FindUserById(storage::Database& db, std::int64_t id) {
  return FindUserWhere(db, "id = ?", [&](storage::Statement& s) { s.Bind(1, id); });
}

Result<std::vector<access::User>> ListUsers(storage::Database& db) {
  auto st = db.Prepare(std::string("SELECT ") + kUserColumns + " FROM app_user ORDER BY id");
  if (!st.ok()) return st.error();
  std::vector<access::User> out;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(UserFromRow(**st));
  }
  (*st)->Reset();
  return out;
}

Result<std::int64_t> NextUserId(storage::Database& db) {
  auto st = db.Prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM app_user");
  if (!st.ok()) return st.error();
  auto row = (*st)->Step();
  if (!row.ok()) return row.error();
  std::int64_t id = (*st)->Int(0);
  (*st)->Reset();
  return id;
}

Result<std::optional<std::string>> GetPasswordHash(storage::Database& db, std::int64_t user_id) {
  auto st = db.Prepare("SELECT password_hash FROM credential WHERE user_id = ?");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, user_id);
  auto row = (*st)->Step();
  if (!row.ok()) return row.error();
  std::optional<std::string> out;
  if (*row) out = (*st)->Text(0);
  (*st)->Reset();
  return out;
}

Status SetPasswordHash(storage::Database& db, std::int64_t user_id, const std::string& hash,
                       std::int64_t seq) {
  auto st = db.Prepare(
      "INSERT OR REPLACE INTO credential(user_id, password_hash, set_seq) VALUES(?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, user_id).Bind(2, hash).Bind(3, seq);
  return (*st)->Run();
}

Json ToJson(const access::User& u) {
  return Json{{"id", u.id},
              {"name", u.name},
              {"display_name", u.display_name},
              {"roles", u.roles},
              {"disabled", u.disabled}};
}

}  // namespace ordo::store
