// The platform's tables, the registry of every owner's tables, and schema upgrades.
#include "store/schema.h"

#include <map>

#include "core/assert.h"
#include "storage/rows.h"
#include "store/ledger_store.h"
#include "store/row_seal.h"

namespace ordo::store {

namespace {

constexpr const char* kPlatformDdl = R"sql(
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

CREATE TABLE IF NOT EXISTS idempotency(
  actor_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  response TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY(actor_id, key));

)sql";

// Release 0.2: every entry records the session and terminal it came from (DI-01).
constexpr const char* kLedgerOrigin = "ALTER TABLE ledger ADD COLUMN origin TEXT;";

std::vector<TableSet>& Registry() {
  static std::vector<TableSet> tables = {
      TableSet{"platform", {Migration{1, kPlatformDdl}, Migration{2, kLedgerOrigin}}, {}},
      RowSealTables(),  // row_seal (store/row_seal.h)
  };
  return tables;
}

std::string MigrationKey(const std::string& owner) { return "migration." + owner; }

// The store's migration records: owner -> number of its last applied migration.
Result<std::map<std::string, int>> Records(storage::Database& db) {
  auto rows = storage::Rows<std::pair<std::string, std::string>>(
      db, "SELECT key, value FROM meta WHERE key LIKE 'migration.%'", storage::NoBind,
      [](const storage::Statement& s) { return std::pair(s.Text(0), s.Text(1)); });
  if (!rows.ok()) return rows.error();
  std::map<std::string, int> out;
  for (const auto& [key, value] : *rows) out[key.substr(10)] = std::atoi(value.c_str());
  return out;
}

Status Record(storage::Database& db, const std::string& owner, int number) {
  return SetMeta(db, MigrationKey(owner), std::to_string(number));
}

}  // namespace

void RegisterTables(TableSet tables) {
  for (const auto& t : Registry()) ORDO_ASSERT(t.owner != tables.owner);
  for (std::size_t i = 0; i < tables.migrations.size(); ++i)
    ORDO_ASSERT(tables.migrations[i].number == static_cast<int>(i) + 1);
  Registry().push_back(std::move(tables));
}

const std::vector<TableSet>& RegisteredTables() { return Registry(); }

std::vector<ProjectionTable> ProjectionTables() {
  std::vector<ProjectionTable> out;
  for (const auto& t : Registry())
    out.insert(out.end(), t.projections.begin(), t.projections.end());
  return out;
}

Status CreateSchema(storage::Database& db) {
  // Migrations already recorded are skipped, so running this twice changes nothing
  // (a later migration such as ALTER TABLE cannot run twice).
  std::map<std::string, int> done;
  auto has_meta = storage::FirstRow<std::int64_t>(
      db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
      storage::NoBind, [](const storage::Statement& s) { return s.Int(0); });
  if (!has_meta.ok()) return has_meta.error();
  if (has_meta->value_or(0) > 0) {
    auto records = Records(db);
    if (!records.ok()) return records.error();
    done = std::move(*records);
  }
  for (const auto& t : Registry())
    for (const auto& m : t.migrations)
      if (m.number > done[t.owner]) ORDO_TRY(db.Exec(m.sql));
  ORDO_TRY(db.Exec("INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '" +
                   std::to_string(kSchemaVersion) + "')"));
  for (const auto& t : Registry())
    if (!t.migrations.empty()) ORDO_TRY(Record(db, t.owner, t.migrations.back().number));
  return Ok();
}

std::string SchemaPlan::Describe() const {
  if (!newer.empty()) return newer;
  if (pending.empty()) return "up to date";
  std::string out;
  for (const auto& step : pending)
    out += (out.empty() ? "" : ", ") + step.owner + " " + std::to_string(step.migration.number);
  return out;
}

Result<SchemaPlan> PlanSchemaUpgrade(storage::Database& db, const std::vector<TableSet>& tables) {
  SchemaPlan plan;
  auto version = GetMeta(db, "schema_version");
  if (!version.ok()) return version.error();
  if (!*version)
    return Error::Make(
        ErrorCode::kFailedPrecondition,
        "this is not an ordo store (no schema_version); run `ordo init` to make one");
  const int stored = std::atoi((*version)->c_str());
  if (stored > kSchemaVersion) {
    plan.newer = "the store has schema version " + **version + " but this release reads up to " +
                 std::to_string(kSchemaVersion) + "; it was written by a newer ordo: upgrade ordo";
    return plan;
  }
  auto records = Records(db);
  if (!records.ok()) return records.error();
  plan.recorded = *records;
  const std::map<std::string, int>& applied = plan.recorded;
  for (const auto& [owner, number] : applied) {
    const TableSet* known = nullptr;
    for (const auto& t : tables)
      if (t.owner == owner) known = &t;
    const int latest = known && !known->migrations.empty() ? known->migrations.back().number : 0;
    if (number > latest) {
      plan.newer = "the store holds " + owner + " schema " + std::to_string(number) +
                   (known ? " but this release knows up to " + std::to_string(latest)
                          : ", which this release does not know") +
                   "; it was written by a newer ordo: upgrade ordo";
      return plan;
    }
  }
  // A store of release 0.1.0 has no migration records: each owner's migration 1 is
  // idempotent, so it is simply run again and recorded.
  for (const auto& t : tables) {
    auto it = applied.find(t.owner);
    const int done = it == applied.end() ? 0 : it->second;
    for (const auto& m : t.migrations)
      if (m.number > done) plan.pending.push_back({t.owner, m});
  }
  return plan;
}

Result<SchemaPlan> PlanSchemaUpgrade(storage::Database& db) {
  return PlanSchemaUpgrade(db, Registry());
}

Status ApplySchemaUpgrade(storage::Database& db, const SchemaPlan& plan) {
  if (!plan.newer.empty()) return Error::Make(ErrorCode::kFailedPrecondition, plan.newer);
  if (plan.pending.empty()) return Ok();
  storage::Transaction tx(db);
  ORDO_TRY(tx.begin_status());
  // The plan was made on an earlier read; the write lock is held from here on.
  auto now = Records(db);
  if (!now.ok()) return now.error();
  if (*now != plan.recorded)
    return Error::Make(ErrorCode::kConflict,
                       "schema upgrade: the store's migration records changed since the upgrade "
                       "was planned; nothing was changed, run it again");
  for (const auto& step : plan.pending) {
    Status s = db.Exec(step.migration.sql);
    if (!s.ok())
      return Error::Make(ErrorCode::kInternal, "schema upgrade: " + step.owner + " migration " +
                                                   std::to_string(step.migration.number) +
                                                   " failed: " + s.error().message);
    ORDO_TRY(Record(db, step.owner, step.migration.number));
  }
  return tx.Commit();
}

}  // namespace ordo::store
