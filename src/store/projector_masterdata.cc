// Event -> projection rows for users, signatures, the signature policy, site settings,
// personnel qualifications and attachments (docs/masterdata.md section 7).
#include "store/projector_masterdata.h"

namespace ordo::store {

namespace {

using ledger::LedgerEntry;

Status Run(storage::Database& db, const std::string& sql,
           const std::function<void(storage::Statement&)>& bind) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  bind(**st);
  return (*st)->Run();
}

}  // namespace

Status UserCreated(storage::Database& db, const LedgerEntry& e, const Json& p) {
  auto st = db.Prepare(
      "INSERT INTO app_user(id, name, display_name, roles, disabled, version, created_seq, "
      "updated_seq) VALUES(?,?,?,?,0,?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, p.at("user_id").get<std::int64_t>()).Bind(2, p.at("name").get<std::string>());
  (*st)->Bind(3, p.at("display_name").get<std::string>()).Bind(4, CanonicalJson(p.at("roles")));
  (*st)->Bind(5, e.subject.version).Bind(6, e.seq).Bind(7, e.seq);
  return (*st)->Run();
}

Status UserDisabled(storage::Database& db, const LedgerEntry& e, const Json& p) {
  auto st =
      db.Prepare("UPDATE app_user SET disabled = 1, version = ?, updated_seq = ? WHERE id = ?");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, e.subject.version).Bind(2, e.seq).Bind(3, p.at("user_id").get<std::int64_t>());
  return (*st)->Run();
}

Status SettingsChanged(storage::Database& db, const LedgerEntry& e, const Json& p) {
  for (const auto& [key, value] : p.at("settings").items())
    ORDO_TRY(Run(db,
                 "INSERT INTO site_setting(key, value, updated_seq) VALUES(?,?,?) ON "
                 "CONFLICT(key) DO UPDATE SET value = excluded.value, updated_seq = "
                 "excluded.updated_seq",
                 [&](storage::Statement& s) {
                   s.Bind(1, key).Bind(2, CanonicalJson(value)).Bind(3, e.seq);
                 }));
  return Ok();
}

Status Renamed(storage::Database& db, const LedgerEntry& e, const Json& p) {
  return Run(db, "UPDATE app_user SET display_name = ?, version = ?, updated_seq = ? WHERE id = ?",
             [&](storage::Statement& s) {
               s.Bind(1, p.at("new").get<std::string>()).Bind(2, e.subject.version);
               s.Bind(3, e.seq).Bind(4, p.at("user_id").get<std::int64_t>());
             });
}

}  // namespace ordo::store
