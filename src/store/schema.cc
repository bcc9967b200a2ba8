// DDL for the ordo store.
#include "store/schema.h"

namespace ordo::store {

namespace {

constexpr const char* kDdl = R"sql(
CREATE TABLE IF NOT EXISTS meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS ledger(
  seq INTEGER PRIMARY KEY,
  time_us INTEGER NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  subject_version INTEGER NOT NULL,
  payload TEXT NOT NULL,
  reason TEXT,
  signatures TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ledger_by_type ON ledger(type, seq);
CREATE INDEX IF NOT EXISTS ledger_by_actor ON ledger(actor, seq);
CREATE INDEX IF NOT EXISTS ledger_by_subject ON ledger(subject_id, seq);
CREATE INDEX IF NOT EXISTS ledger_by_time ON ledger(time_us);
CREATE TRIGGER IF NOT EXISTS ledger_no_update BEFORE UPDATE ON ledger
  BEGIN SELECT RAISE(ABORT, 'ledger is append-only: UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS ledger_no_delete BEFORE DELETE ON ledger
  BEGIN SELECT RAISE(ABORT, 'ledger is append-only: DELETE refused'); END;
-- Also closes INSERT OR REPLACE (which deletes without firing DELETE triggers) and gaps.
CREATE TRIGGER IF NOT EXISTS ledger_append_only BEFORE INSERT ON ledger
  WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM ledger)
  BEGIN SELECT RAISE(ABORT, 'ledger is append-only: a new entry must take the next seq'); END;

CREATE TABLE IF NOT EXISTS checkpoint(
  seq INTEGER PRIMARY KEY,
  head_hash TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  public_key TEXT NOT NULL,
  signature TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS checkpoint_no_update BEFORE UPDATE ON checkpoint
  BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS checkpoint_no_delete BEFORE DELETE ON checkpoint
  BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: DELETE refused'); END;
CREATE TRIGGER IF NOT EXISTS checkpoint_append_only BEFORE INSERT ON checkpoint
  WHEN NEW.seq <= (SELECT COALESCE(MAX(seq), 0) FROM checkpoint)
  BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: a new one must sign a later head'); END;

CREATE TABLE IF NOT EXISTS credential(
  user_id INTEGER PRIMARY KEY,
  password_hash TEXT NOT NULL,
  set_seq INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS idempotency(
  actor_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  response TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY(actor_id, key));

CREATE TABLE IF NOT EXISTS app_user(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_seq INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS logbook_entry(
  seq INTEGER PRIMARY KEY,
  subject TEXT NOT NULL,
  category TEXT NOT NULL,
  text TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  corrects INTEGER,
  reason TEXT);
CREATE INDEX IF NOT EXISTS logbook_by_subject ON logbook_entry(subject, seq);
CREATE INDEX IF NOT EXISTS logbook_by_corrects ON logbook_entry(corrects);

CREATE TABLE IF NOT EXISTS change_request(
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  reason TEXT NOT NULL,
  impact TEXT NOT NULL,
  state TEXT NOT NULL,
  revision INTEGER NOT NULL,
  author_id INTEGER NOT NULL,
  author TEXT NOT NULL,
  created_seq INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL,
  effective_from_us INTEGER,
  approvals_required INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS md_version(
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  action TEXT NOT NULL,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  change_request TEXT NOT NULL,
  author_id INTEGER NOT NULL,
  author TEXT NOT NULL,
  created_seq INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL,
  effective_from_us INTEGER,
  PRIMARY KEY(kind, id, version));
CREATE INDEX IF NOT EXISTS md_version_by_cr ON md_version(change_request);

CREATE TABLE IF NOT EXISTS cr_participant(
  change_request TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  PRIMARY KEY(change_request, user_id));

CREATE TABLE IF NOT EXISTS signature(
  id INTEGER PRIMARY KEY,
  signer_id INTEGER NOT NULL,
  signer TEXT NOT NULL,
  printed_name TEXT NOT NULL,
  meaning TEXT NOT NULL,
  comment TEXT,
  time_us INTEGER NOT NULL,
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  record_version INTEGER NOT NULL,
  content_hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS signature_by_record ON signature(record_kind, record_id);

CREATE TABLE IF NOT EXISTS signature_policy(
  version INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time_us INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS policy_acknowledgement(
  user_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  time_us INTEGER NOT NULL,
  PRIMARY KEY(user_id, version));

CREATE TABLE IF NOT EXISTS site_setting(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_seq INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS attachment(
  sha256 TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  seq INTEGER NOT NULL);

-- The bytes of attachments (not derived from the ledger, which holds their SHA-256).
CREATE TABLE IF NOT EXISTS attachment_data(
  sha256 TEXT PRIMARY KEY,
  data BLOB NOT NULL);

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

}  // namespace

Status CreateSchema(storage::Database& db) {
  ORDO_TRY(db.Exec(kDdl));
  return db.Exec("INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '" +
                 std::to_string(kSchemaVersion) + "')");
}

const std::vector<ProjectionTable>& ProjectionTables() {
  static const std::vector<ProjectionTable> tables = {
      {"app_user", "id"},
      {"logbook_entry", "seq"},
      {"change_request", "id"},
      {"md_version", "kind, id, version"},
      {"cr_participant", "change_request, user_id"},
      {"signature", "id"},
      {"signature_policy", "version"},
      {"policy_acknowledgement", "user_id, version"},
      {"site_setting", "key"},
      {"qualification_grant", "seq"},
      {"attachment", "sha256"},
      {"training_record", "seq"},
  };
  return tables;
}

}  // namespace ordo::store
