// SQL read queries over users, credentials and the logbook.
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

constexpr const char* kLogbookSelect =
    "SELECT l.seq, l.subject, l.category, l.text, l.actor, l.role, l.time_us, l.corrects, "
    "l.reason, (SELECT group_concat(c.seq) FROM logbook_entry c WHERE c.corrects = l.seq) "
    "FROM logbook_entry l ";

LogbookRow LogbookFromRow(const storage::Statement& s) {
  LogbookRow r;
  r.seq = s.Int(0);
  r.subject = s.Text(1);
  r.category = s.Text(2);
  r.text = s.Text(3);
  r.actor = s.Text(4);
  r.role = s.Text(5);
  r.time_us = s.Int(6);
  if (!s.IsNull(7)) r.corrects = s.Int(7);
  if (!s.IsNull(8)) r.reason = s.Text(8);
  if (!s.IsNull(9)) {
    std::string list = s.Text(9);
    std::size_t pos = 0;
    while (pos < list.size()) {
      std::size_t comma = list.find(',', pos);
      if (comma == std::string::npos) comma = list.size();
      r.corrected_by.push_back(std::stoll(list.substr(pos, comma - pos)));
      pos = comma + 1;
    }
  }
  return r;
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

Result<std::optional<logbook::EntryState>> FindLogbookEntry(storage::Database& db,
                                                            std::int64_t seq) {
  auto st = db.Prepare("SELECT seq, subject FROM logbook_entry WHERE seq = ?");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, seq);
  auto row = (*st)->Step();
  if (!row.ok()) return row.error();
  std::optional<logbook::EntryState> out;
  if (*row) out = logbook::EntryState{(*st)->Int(0), (*st)->Text(1)};
  (*st)->Reset();
  return out;
}

Result<std::vector<LogbookRow>> ListLogbook(storage::Database& db, const std::string& subject,
                                            std::int64_t before, std::int64_t limit) {
  std::string sql = std::string(kLogbookSelect) + "WHERE l.seq < ?1";
  if (!subject.empty()) sql += " AND l.subject = ?2";
  sql += " ORDER BY l.seq DESC LIMIT ?3";
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  (*st)->Bind(1, before > 0 ? before : INT64_MAX);
  if (!subject.empty()) (*st)->Bind(2, subject);
  (*st)->Bind(3, limit);
  std::vector<LogbookRow> out;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(LogbookFromRow(**st));
  }
  (*st)->Reset();
  return out;
}

Json ToJson(const LogbookRow& r) {
  return Json{{"seq", r.seq},
              {"subject", r.subject},
              {"category", r.category},
              {"text", r.text},
              {"actor", r.actor},
              {"role", r.role},
              {"time", FormatUtcMicros(r.time_us)},
              {"corrects", r.corrects ? Json(*r.corrects) : Json(nullptr)},
              {"reason", r.reason ? Json(*r.reason) : Json(nullptr)},
              {"corrected_by", r.corrected_by}};
}

Json ToJson(const access::User& u) {
  return Json{{"id", u.id},
              {"name", u.name},
              {"display_name", u.display_name},
              {"roles", u.roles},
              {"disabled", u.disabled}};
}

}  // namespace ordo::store
