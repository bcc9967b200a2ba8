// The qualification_grant and training_record tables: migration, projectors and read
// queries.
#include "mes/personnel/store/personnel_store.h"

#include "mes/access/users.h"
#include "mes/personnel/events.h"
#include "storage/rows.h"
#include "store/projector.h"
#include "store/row_seal.h"

namespace ordo::personnel {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS training_record(
  seq INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  course TEXT NOT NULL,
  completed TEXT NOT NULL,
  trainer TEXT,
  recorded_by TEXT NOT NULL,
  time_us INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS qualification_grant(
  seq INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  qualification TEXT NOT NULL,
  expires TEXT,
  granted_by TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  revoked_seq INTEGER);
)sql";

Status ProjectGrant(storage::Database& db, const ledger::LedgerEntry& e,
                    const QualificationGranted& p) {
  auto st = db.Prepare(
      "INSERT INTO qualification_grant(seq, user_id, qualification, expires, granted_by, "
      "time_us) VALUES(?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, e.seq).Bind(2, p.user_id).Bind(3, p.qualification).Bind(4, p.expires);
  (*st)->Bind(5, e.actor).Bind(6, e.time_us);
  return (*st)->Run();
}

Status ProjectRevocation(storage::Database& db, const ledger::LedgerEntry& e,
                         const QualificationRevoked& p) {
  auto st = db.Prepare(
      "UPDATE qualification_grant SET revoked_seq = ? WHERE seq = ? AND revoked_seq IS NULL");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, e.seq).Bind(2, p.grant);
  return (*st)->Run();
}

Status ProjectTraining(storage::Database& db, const ledger::LedgerEntry& e,
                       const TrainingRecorded& p) {
  auto st = db.Prepare(
      "INSERT INTO training_record(seq, user_id, course, completed, trainer, recorded_by, "
      "time_us) VALUES(?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, e.seq).Bind(2, p.user_id).Bind(3, p.course).Bind(4, p.completed);
  (*st)->Bind(5, p.trainer).Bind(6, e.actor).Bind(7, e.time_us);
  return (*st)->Run();
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"personnel",
                         {store::Migration{1, kTablesV1}},
                         {{"qualification_grant", "seq"}, {"training_record", "seq"}}};
}

void RegisterProjectors() {
  store::RegisterProjector<QualificationGranted>(&ProjectGrant);
  store::RegisterProjector<QualificationRevoked>(&ProjectRevocation);
  store::RegisterProjector<TrainingRecorded>(&ProjectTraining);
}

Result<std::vector<GrantRow>> ListGrantRows(storage::Database& db, std::int64_t user_id) {
  return storage::Rows<GrantRow>(
      db,
      "SELECT seq, user_id, qualification, expires, granted_by, time_us, revoked_seq FROM "
      "qualification_grant WHERE (? = 0 OR user_id = ?) ORDER BY user_id, qualification, seq",
      [&](storage::Statement& s) { s.Bind(1, user_id).Bind(2, user_id); },
      [](const storage::Statement& s) {
        GrantRow g;
        g.seq = s.Int(0);
        g.user_id = s.Int(1);
        g.qualification = s.Text(2);
        if (!s.IsNull(3)) g.expires = s.Text(3);
        g.granted_by = s.Text(4);
        g.time_us = s.Int(5);
        g.revoked = !s.IsNull(6);
        return g;
      });
}

Result<std::optional<Grant>> FindGrant(storage::Database& db, std::int64_t seq) {
  auto grant = storage::FirstRow<Grant>(
      db,
      "SELECT seq, user_id, qualification, expires, revoked_seq FROM qualification_grant WHERE "
      "seq = ?",
      [&](storage::Statement& s) { s.Bind(1, seq); },
      [](const storage::Statement& s) {
        Grant g;
        g.seq = s.Int(0);
        g.user_id = s.Int(1);
        g.qualification = s.Text(2);
        if (!s.IsNull(3)) g.expires = s.Text(3);
        g.revoked = !s.IsNull(4);
        return g;
      });
  if (!grant.ok() || !*grant) return grant;
  // The revocation decides on this row: it must match its seal.
  ORDO_TRY(store::CheckSealedRow(db, "qualification_grant", {std::to_string(seq)}));
  auto user = access::FindUserById(db, (*grant)->user_id);
  if (!user.ok()) return user.error();
  if (*user) (*grant)->user = (*user)->name;
  return grant;
}

Result<std::vector<TrainingRow>> ListTraining(storage::Database& db, std::int64_t user_id) {
  return storage::Rows<TrainingRow>(
      db,
      "SELECT seq, user_id, course, completed, trainer, recorded_by FROM training_record WHERE "
      "(? = 0 OR user_id = ?) ORDER BY seq DESC",
      [&](storage::Statement& s) { s.Bind(1, user_id).Bind(2, user_id); },
      [](const storage::Statement& s) {
        TrainingRow t;
        t.seq = s.Int(0);
        t.user_id = s.Int(1);
        t.course = s.Text(2);
        t.completed = s.Text(3);
        if (!s.IsNull(4)) t.trainer = s.Text(4);
        t.recorded_by = s.Text(5);
        return t;
      });
}

}  // namespace ordo::personnel
