// Event -> projection row updates.
#include "store/projector.h"

#include "ledger/event_schema.h"
#include "store/projector_masterdata.h"

namespace ordo::store {

namespace {

Status ApplyUserCreated(storage::Database& db, const ledger::LedgerEntry& e, const Json& p) {
  auto st = db.Prepare(
      "INSERT INTO app_user(id, name, display_name, roles, disabled, version, created_seq, "
      "updated_seq) VALUES(?,?,?,?,0,?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, p.at("user_id").get<std::int64_t>()).Bind(2, p.at("name").get<std::string>());
  (*st)->Bind(3, p.at("display_name").get<std::string>()).Bind(4, CanonicalJson(p.at("roles")));
  (*st)->Bind(5, e.subject.version).Bind(6, e.seq).Bind(7, e.seq);
  return (*st)->Run();
}

Status ApplyUserDisabled(storage::Database& db, const ledger::LedgerEntry& e, const Json& p) {
  auto st =
      db.Prepare("UPDATE app_user SET disabled = 1, version = ?, updated_seq = ? WHERE id = ?");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, e.subject.version).Bind(2, e.seq).Bind(3, p.at("user_id").get<std::int64_t>());
  return (*st)->Run();
}

Status ApplyLogbook(storage::Database& db, const ledger::LedgerEntry& e, const Json& p) {
  auto st = db.Prepare(
      "INSERT INTO logbook_entry(seq, subject, category, text, actor, role, time_us, corrects, "
      "reason) VALUES(?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, e.seq).Bind(2, p.at("subject").get<std::string>());
  s.Bind(3, p.at("category").get<std::string>()).Bind(4, p.at("text").get<std::string>());
  s.Bind(5, e.actor).Bind(6, e.role).Bind(7, e.time_us);
  if (p.contains("corrects"))
    s.Bind(8, p["corrects"].get<std::int64_t>());
  else
    s.BindNull(8);
  s.Bind(9, e.reason);
  return s.Run();
}

}  // namespace

Status ApplyToProjections(storage::Database& db, const ledger::LedgerEntry& e) {
  // Current-version payloads (all that the writer produces) are used as they are;
  // older ones are upcast first.
  const bool current = e.schema_version == ledger::CurrentSchemaVersion(e.type);
  Result<Json> upcast = Json();
  if (!current) {
    upcast = ledger::Upcast(e.type, e.schema_version, e.payload);
    if (!upcast.ok()) return upcast.error();
  }
  const Json& p = current ? e.payload : *upcast;
  try {
    if (e.type == "user.created") return ApplyUserCreated(db, e, p);
    if (e.type == "user.disabled") return ApplyUserDisabled(db, e, p);
    if (e.type == "logbook.entry_recorded" || e.type == "logbook.entry_corrected")
      return ApplyLogbook(db, e, p);
    bool handled = false;
    Status s = ApplyMasterdataProjection(db, e, p, &handled);
    if (handled) return s;
  } catch (const Json::exception& ex) {
    return Error::Make(ErrorCode::kInternal,
                       "seq " + std::to_string(e.seq) + " (" + e.type +
                           "): payload does not fit its schema: " + ex.what());
  }
  return Ok();
}

}  // namespace ordo::store
