// The app_user and credential tables: their migration and the user projectors.
#include "mes/access/store/access_store.h"

#include "core/canonical_json.h"
#include "mes/access/events.h"
#include "store/projector.h"

namespace ordo::access {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS credential(
  user_id INTEGER PRIMARY KEY,
  password_hash TEXT NOT NULL,
  set_seq INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS app_user(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_seq INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL);
)sql";

using ledger::LedgerEntry;

Status ProjectCreated(storage::Database& db, const LedgerEntry& e, const UserCreated& p) {
  auto st = db.Prepare(
      "INSERT INTO app_user(id, name, display_name, roles, disabled, version, created_seq, "
      "updated_seq) VALUES(?,?,?,?,0,?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, p.user_id).Bind(2, p.name).Bind(3, p.display_name);
  (*st)->Bind(4, CanonicalJson(Json(p.roles)));
  (*st)->Bind(5, e.subject.version).Bind(6, e.seq).Bind(7, e.seq);
  return (*st)->Run();
}

Status ProjectDisabled(storage::Database& db, const LedgerEntry& e, const UserDisabled& p) {
  auto st =
      db.Prepare("UPDATE app_user SET disabled = 1, version = ?, updated_seq = ? WHERE id = ?");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, e.subject.version).Bind(2, e.seq).Bind(3, p.user_id);
  return (*st)->Run();
}

Status ProjectRenamed(storage::Database& db, const LedgerEntry& e, const UserRenamed& p) {
  auto st =
      db.Prepare("UPDATE app_user SET display_name = ?, version = ?, updated_seq = ? WHERE id = ?");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, p.new_name).Bind(2, e.subject.version).Bind(3, e.seq).Bind(4, p.user_id);
  return (*st)->Run();
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"access", {store::Migration{1, kTablesV1}}, {{"app_user", "id"}}};
}

void RegisterProjectors() {
  store::RegisterProjector<UserCreated>(&ProjectCreated);
  store::RegisterProjector<UserDisabled>(&ProjectDisabled);
  store::RegisterProjector<UserRenamed>(&ProjectRenamed);
}

}  // namespace ordo::access
