// The password_state and account_lock tables: migration, projectors and reads.
#include "mes/access/store/credential_store.h"

#include "mes/access/events/credentials.h"
#include "mes/access/store/access_store.h"
#include "storage/rows.h"
#include "store/projector.h"

namespace ordo::access {

namespace {

// Users that exist before this migration keep a chosen password, set when their hash
// was (the time of entry credential.set_seq).
constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS password_state(
  user_id INTEGER PRIMARY KEY,
  must_change INTEGER NOT NULL,
  set_at_us INTEGER NOT NULL,
  set_seq INTEGER NOT NULL);

INSERT OR IGNORE INTO password_state(user_id, must_change, set_at_us, set_seq)
  SELECT c.user_id, 0, COALESCE((SELECT l.time_us FROM ledger l WHERE l.seq = c.set_seq), 0),
         c.set_seq
  FROM credential c;

CREATE TABLE IF NOT EXISTS account_lock(
  user_id INTEGER PRIMARY KEY,
  locked_until_us INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL);
)sql";

Status PutLock(storage::Database& db, std::int64_t user_id, TimeMicros until, std::int64_t seq) {
  auto st = db.Prepare(
      "INSERT INTO account_lock(user_id, locked_until_us, updated_seq) VALUES(?,?,?) "
      "ON CONFLICT(user_id) DO UPDATE SET locked_until_us = excluded.locked_until_us, "
      "updated_seq = excluded.updated_seq");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, user_id).Bind(2, until).Bind(3, seq);
  return (*st)->Run();
}

Status ProjectLocked(storage::Database& db, const ledger::LedgerEntry& e, const UserLocked& p) {
  return PutLock(db, p.user_id, p.locked_until_us, e.seq);
}

Status ProjectUnlocked(storage::Database& db, const ledger::LedgerEntry& e, const UserUnlocked& p) {
  return PutLock(db, p.user_id, 0, e.seq);
}

}  // namespace

store::TableSet CredentialTables() {
  return store::TableSet{
      "credentials", {store::Migration{1, kTablesV1}}, {{"account_lock", "user_id"}}};
}

void RegisterCredentialProjectors() {
  store::RegisterProjector<UserLocked>(&ProjectLocked);
  store::RegisterProjector<UserUnlocked>(&ProjectUnlocked);
}

Result<CredentialState> GetCredentialState(storage::Database& db, std::int64_t user_id) {
  CredentialState state;
  auto password = storage::FirstRow<std::pair<bool, TimeMicros>>(
      db, "SELECT must_change, set_at_us FROM password_state WHERE user_id = ?",
      [&](storage::Statement& s) { s.Bind(1, user_id); },
      [](const storage::Statement& s) { return std::make_pair(s.Int(0) != 0, s.Int(1)); });
  if (!password.ok()) return password.error();
  if (*password) {
    state.must_change = (*password)->first;
    state.set_at_us = (*password)->second;
  }
  auto lock = storage::FirstRow<TimeMicros>(
      db, "SELECT locked_until_us FROM account_lock WHERE user_id = ?",
      [&](storage::Statement& s) { s.Bind(1, user_id); },
      [](const storage::Statement& s) { return s.Int(0); });
  if (!lock.ok()) return lock.error();
  if (*lock) state.locked_until_us = **lock;
  return state;
}

Status SetCredential(storage::Database& db, std::int64_t user_id, const std::string& hash,
                     bool must_change, TimeMicros set_at_us, std::int64_t seq) {
  ORDO_TRY(SetPasswordHash(db, user_id, hash, seq));
  auto st = db.Prepare(
      "INSERT OR REPLACE INTO password_state(user_id, must_change, set_at_us, set_seq) "
      "VALUES(?,?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, user_id).Bind(2, must_change ? 1 : 0).Bind(3, set_at_us).Bind(4, seq);
  return (*st)->Run();
}

}  // namespace ordo::access
