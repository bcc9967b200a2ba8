// Event -> projection rows for master data, change requests, signatures, the signature
// policy, site settings and personnel qualifications (docs/masterdata.md section 7).
#include "store/projector_masterdata.h"

namespace ordo::store {

namespace {

using ledger::LedgerEntry;

Result<std::int64_t> UserIdByName(storage::Database& db, const std::string& name) {
  auto st = db.Prepare("SELECT id FROM app_user WHERE name = ?");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, name);
  auto row = (*st)->Step();
  if (!row.ok()) return row.error();
  std::int64_t id = *row ? (*st)->Int(0) : 0;
  (*st)->Reset();
  return id;
}

Status Run(storage::Database& db, const std::string& sql,
           const std::function<void(storage::Statement&)>& bind) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  bind(**st);
  return (*st)->Run();
}

void BindOptionalInt(storage::Statement& s, int index, const Json& value) {
  if (value.is_number_integer())
    s.Bind(index, value.get<std::int64_t>());
  else
    s.BindNull(index);
}

Status BumpRevision(storage::Database& db, const std::string& cr, std::int64_t seq) {
  return Run(db, "UPDATE change_request SET revision = revision + 1, updated_seq = ? WHERE id = ?",
             [&](storage::Statement& s) { s.Bind(1, seq).Bind(2, cr); });
}

Status AddParticipant(storage::Database& db, const std::string& cr, std::int64_t user_id) {
  return Run(db, "INSERT OR IGNORE INTO cr_participant(change_request, user_id) VALUES(?,?)",
             [&](storage::Statement& s) { s.Bind(1, cr).Bind(2, user_id); });
}

Status SetCrState(storage::Database& db, const std::string& cr, const char* state,
                  std::int64_t seq) {
  return Run(db, "UPDATE change_request SET state = ?, updated_seq = ? WHERE id = ?",
             [&](storage::Statement& s) { s.Bind(1, state).Bind(2, seq).Bind(3, cr); });
}

Status SetItemStates(storage::Database& db, const std::string& cr, const char* from, const char* to,
                     std::int64_t seq) {
  return Run(db,
             "UPDATE md_version SET state = ?, updated_seq = ? WHERE change_request = ? AND "
             "state = ?",
             [&](storage::Statement& s) { s.Bind(1, to).Bind(2, seq).Bind(3, cr).Bind(4, from); });
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

Status Opened(storage::Database& db, const LedgerEntry& e, const Json& p) {
  auto author_id = UserIdByName(db, e.actor);
  if (!author_id.ok()) return author_id.error();
  ORDO_TRY(Run(db,
               "INSERT INTO change_request(id, title, description, reason, impact, state, "
               "revision, author_id, author, created_seq, created_us, updated_seq, "
               "effective_from_us, approvals_required) VALUES(?,?,?,?,?,'open',1,?,?,?,?,?,?,1)",
               [&](storage::Statement& s) {
                 s.Bind(1, e.subject.id).Bind(2, p.at("title").get<std::string>());
                 s.Bind(3, p.at("description").get<std::string>());
                 s.Bind(4, p.at("reason").get<std::string>());
                 s.Bind(5, p.at("impact").get<std::string>()).Bind(6, *author_id);
                 s.Bind(7, e.actor).Bind(8, e.seq).Bind(9, e.time_us).Bind(10, e.seq);
                 BindOptionalInt(s, 11, p.at("effective_from_us"));
               }));
  return AddParticipant(db, e.subject.id, *author_id);
}

Status DraftSaved(storage::Database& db, const LedgerEntry& e, const Json& p) {
  auto author_id = UserIdByName(db, e.actor);
  if (!author_id.ok()) return author_id.error();
  const std::string cr = p.at("change_request").get<std::string>();
  const Json& content = p.at("content");
  const std::string name = content.value("name", std::string());
  ORDO_TRY(
      Run(db,
          "INSERT INTO md_version(kind, id, version, state, action, name, content, content_hash, "
          "change_request, author_id, author, created_seq, created_us, updated_seq) "
          "VALUES(?,?,?,'draft',?,?,?,?,?,?,?,?,?,?) ON CONFLICT(kind, id, version) DO UPDATE SET "
          "action = excluded.action, name = excluded.name, content = excluded.content, "
          "content_hash = excluded.content_hash, author_id = excluded.author_id, "
          "author = excluded.author, updated_seq = excluded.updated_seq",
          [&](storage::Statement& s) {
            s.Bind(1, e.subject.kind).Bind(2, e.subject.id).Bind(3, e.subject.version);
            s.Bind(4, p.at("action").get<std::string>()).Bind(5, name);
            s.Bind(6, CanonicalJson(content)).Bind(7, p.at("content_hash").get<std::string>());
            s.Bind(8, cr).Bind(9, *author_id).Bind(10, e.actor).Bind(11, e.seq);
            s.Bind(12, e.time_us).Bind(13, e.seq);
          }));
  ORDO_TRY(AddParticipant(db, cr, *author_id));
  return BumpRevision(db, cr, e.seq);
}

Status DraftWithdrawn(storage::Database& db, const LedgerEntry& e, const Json& p) {
  const std::string cr = p.at("change_request").get<std::string>();
  auto actor_id = UserIdByName(db, e.actor);
  if (!actor_id.ok()) return actor_id.error();
  ORDO_TRY(AddParticipant(db, cr, *actor_id));  // changing what is approved is taking part
  ORDO_TRY(Run(db,
               "UPDATE md_version SET state = 'withdrawn', updated_seq = ? WHERE kind = ? AND "
               "id = ? AND version = ?",
               [&](storage::Statement& s) {
                 s.Bind(1, e.seq).Bind(2, e.subject.kind).Bind(3, e.subject.id);
                 s.Bind(4, e.subject.version);
               }));
  return BumpRevision(db, cr, e.seq);
}

Status Submitted(storage::Database& db, const LedgerEntry& e, const Json& p) {
  auto actor_id = UserIdByName(db, e.actor);
  if (!actor_id.ok()) return actor_id.error();
  ORDO_TRY(AddParticipant(db, e.subject.id, *actor_id));  // the author signature
  ORDO_TRY(Run(db,
               "UPDATE change_request SET state = 'in_review', approvals_required = ?, "
               "updated_seq = ? WHERE id = ?",
               [&](storage::Statement& s) {
                 s.Bind(1, p.at("approvals_required").get<std::int64_t>()).Bind(2, e.seq);
                 s.Bind(3, e.subject.id);
               }));
  return SetItemStates(db, e.subject.id, "draft", "in_review", e.seq);
}

Status Approved(storage::Database& db, const LedgerEntry& e, const Json& p) {
  ORDO_TRY(SetCrState(db, e.subject.id, "approved", e.seq));
  return Run(db,
             "UPDATE md_version SET state = 'approved', effective_from_us = ?, updated_seq = ? "
             "WHERE change_request = ? AND state = 'in_review'",
             [&](storage::Statement& s) {
               s.Bind(1, p.at("effective_from_us").get<std::int64_t>()).Bind(2, e.seq);
               s.Bind(3, e.subject.id);
             });
}

Status Rejected(storage::Database& db, const LedgerEntry& e, const Json&) {
  ORDO_TRY(SetCrState(db, e.subject.id, "rejected", e.seq));
  ORDO_TRY(SetItemStates(db, e.subject.id, "in_review", "draft", e.seq));
  return BumpRevision(db, e.subject.id, e.seq);
}

Status Withdrawn(storage::Database& db, const LedgerEntry& e, const Json&) {
  ORDO_TRY(SetCrState(db, e.subject.id, "withdrawn", e.seq));
  ORDO_TRY(SetItemStates(db, e.subject.id, "draft", "withdrawn", e.seq));
  return SetItemStates(db, e.subject.id, "in_review", "withdrawn", e.seq);
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
