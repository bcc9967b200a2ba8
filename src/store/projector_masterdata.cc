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

Status SignatureApplied(storage::Database& db, const LedgerEntry& e, const Json& p) {
  return Run(db,
             "INSERT INTO signature(id, signer_id, signer, printed_name, meaning, comment, "
             "time_us, record_kind, record_id, record_version, content_hash) "
             "VALUES(?,?,?,?,?,?,?,?,?,?,?)",
             [&](storage::Statement& s) {
               s.Bind(1, e.seq).Bind(2, p.at("signer_id").get<std::int64_t>());
               s.Bind(3, p.at("signer").get<std::string>());
               s.Bind(4, p.at("printed_name").get<std::string>());
               s.Bind(5, p.at("meaning").get<std::string>());
               if (p.contains("comment"))
                 s.Bind(6, p["comment"].get<std::string>());
               else
                 s.BindNull(6);
               s.Bind(7, e.time_us).Bind(8, p.at("record_kind").get<std::string>());
               s.Bind(9, p.at("record_id").get<std::string>());
               s.Bind(10, p.at("record_version").get<std::int64_t>());
               s.Bind(11, p.at("content_hash").get<std::string>());
             });
}

Status PolicyPublished(storage::Database& db, const LedgerEntry& e, const Json& p) {
  return Run(
      db, "INSERT INTO signature_policy(version, text, seq, time_us) VALUES(?,?,?,?)",
      [&](storage::Statement& s) {
        s.Bind(1, p.at("version").get<std::int64_t>()).Bind(2, p.at("text").get<std::string>());
        s.Bind(3, e.seq).Bind(4, e.time_us);
      });
}

Status PolicyAcknowledged(storage::Database& db, const LedgerEntry& e, const Json& p) {
  return Run(db,
             "INSERT OR IGNORE INTO policy_acknowledgement(user_id, version, seq, time_us) "
             "VALUES(?,?,?,?)",
             [&](storage::Statement& s) {
               s.Bind(1, p.at("user_id").get<std::int64_t>());
               s.Bind(2, p.at("version").get<std::int64_t>()).Bind(3, e.seq).Bind(4, e.time_us);
             });
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

Status Granted(storage::Database& db, const LedgerEntry& e, const Json& p) {
  return Run(db,
             "INSERT INTO qualification_grant(seq, user_id, qualification, expires, granted_by, "
             "time_us) VALUES(?,?,?,?,?,?)",
             [&](storage::Statement& s) {
               s.Bind(1, e.seq).Bind(2, p.at("user_id").get<std::int64_t>());
               s.Bind(3, p.at("qualification").get<std::string>());
               if (p.contains("expires") && p["expires"].is_string())
                 s.Bind(4, p["expires"].get<std::string>());
               else
                 s.BindNull(4);
               s.Bind(5, e.actor).Bind(6, e.time_us);
             });
}

Status Revoked(storage::Database& db, const LedgerEntry& e, const Json& p) {
  return Run(
      db, "UPDATE qualification_grant SET revoked_seq = ? WHERE seq = ? AND revoked_seq IS NULL",
      [&](storage::Statement& s) { s.Bind(1, e.seq).Bind(2, p.at("grant").get<std::int64_t>()); });
}

Status AttachmentStored(storage::Database& db, const LedgerEntry& e, const Json& p) {
  return Run(
      db, "INSERT INTO attachment(sha256, name, media_type, size, seq) VALUES(?,?,?,?,?)",
      [&](storage::Statement& s) {
        s.Bind(1, p.at("sha256").get<std::string>()).Bind(2, p.at("name").get<std::string>());
        s.Bind(3, p.at("media_type").get<std::string>());
        s.Bind(4, p.at("size").get<std::int64_t>()).Bind(5, e.seq);
      });
}

Status TrainingRecorded(storage::Database& db, const LedgerEntry& e, const Json& p) {
  return Run(db,
             "INSERT INTO training_record(seq, user_id, course, completed, trainer, recorded_by, "
             "time_us) VALUES(?,?,?,?,?,?,?)",
             [&](storage::Statement& s) {
               s.Bind(1, e.seq).Bind(2, p.at("user_id").get<std::int64_t>());
               s.Bind(3, p.at("course").get<std::string>());
               s.Bind(4, p.at("completed").get<std::string>());
               if (p.contains("trainer") && p["trainer"].is_string())
                 s.Bind(5, p["trainer"].get<std::string>());
               else
                 s.BindNull(5);
               s.Bind(6, e.actor).Bind(7, e.time_us);
             });
}

}  // namespace ordo::store
