// SQL for the ledger, checkpoint and meta tables.
#include "store/ledger_store.h"

#include "storage/rows.h"

namespace ordo::store {

namespace {
constexpr const char* kColumns =
    "seq, time_us, actor, role, type, schema_version, subject_kind, subject_id, "
    "subject_version, payload, reason, signatures, prev_hash, hash, origin";
}

Status AppendEntry(storage::Database& db, const ledger::LedgerEntry& e) {
  return AppendEntry(db, e, CanonicalJson(e.payload));
}

Status AppendEntry(storage::Database& db, const ledger::LedgerEntry& e,
                   const std::string& canonical_payload) {
  static const std::string kInsert =
      std::string("INSERT INTO ledger(") + kColumns + ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  auto st = db.Prepare(kInsert);
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, e.seq).Bind(2, e.time_us).Bind(3, e.actor).Bind(4, e.role).Bind(5, e.type);
  s.Bind(6, static_cast<std::int64_t>(e.schema_version)).Bind(7, e.subject.kind);
  s.Bind(8, e.subject.id).Bind(9, e.subject.version).Bind(10, canonical_payload);
  s.Bind(11, e.reason).Bind(12, CanonicalJson(e.signatures)).Bind(13, e.prev_hash);
  s.Bind(14, e.hash);
  s.Bind(15, e.origin ? std::optional<std::string>(CanonicalJson(ledger::ToJson(*e.origin)))
                      : std::optional<std::string>());
  return s.Run();
}

Result<ledger::LedgerEntry> EntryFromRow(const storage::Statement& r) {
  ledger::LedgerEntry e;
  e.seq = r.Int(0);
  e.time_us = r.Int(1);
  e.actor = r.Text(2);
  e.role = r.Text(3);
  e.type = r.Text(4);
  e.schema_version = static_cast<int>(r.Int(5));
  e.subject = ledger::Subject{r.Text(6), r.Text(7), r.Int(8)};
  const std::string payload_text = r.Text(9);
  e.payload = Json::parse(payload_text, nullptr, false);
  // The stored bytes must be exactly the canonical form that was hashed.
  if (e.payload.is_discarded() || CanonicalJson(e.payload) != payload_text)
    return Error::Make(ErrorCode::kInternal, "seq " + std::to_string(e.seq) +
                                                 ": payload is not the canonical JSON that was "
                                                 "written (the row was edited)");
  if (!r.IsNull(10)) e.reason = r.Text(10);
  const std::string signatures_text = r.Text(11);
  e.signatures = Json::parse(signatures_text, nullptr, false);
  if (e.signatures.is_discarded() || CanonicalJson(e.signatures) != signatures_text)
    return Error::Make(ErrorCode::kInternal,
                       "ledger seq " + std::to_string(e.seq) + ": signatures are not valid JSON");
  e.prev_hash = r.Text(12);
  e.hash = r.Text(13);
  if (!r.IsNull(14)) {
    const Json origin = Json::parse(r.Text(14), nullptr, false);
    auto parsed = ledger::OriginFromJson(origin);
    if (origin.is_discarded() || !parsed.ok())
      return Error::Make(ErrorCode::kInternal,
                         "ledger seq " + std::to_string(e.seq) + ": origin is not valid JSON");
    e.origin = std::move(*parsed);
  }
  return e;
}

Result<LedgerHead> ReadHead(storage::Database& db) {
  auto head = storage::FirstRow<LedgerHead>(
      db, "SELECT seq, hash, time_us FROM ledger ORDER BY seq DESC LIMIT 1", storage::NoBind,
      [](const storage::Statement& s) {
        return LedgerHead{s.Int(0), s.Text(1), s.Int(2)};
      });
  if (!head.ok()) return head.error();
  return head->value_or(LedgerHead{});
}

namespace {

// The WHERE clauses of the filters of `q` (parameters ?2..?6) and their binding: the one
// meaning of the feed's filters, shared by QueryEntries and SpanOf.
std::string FilterClauses(const LedgerQuery& q) {
  std::string sql;
  if (!q.type.empty()) sql += " AND type = ?2";
  if (!q.actor.empty()) sql += " AND actor = ?3";
  if (!q.subject.empty())
    sql += " AND (subject_id = ?4 OR json_extract(payload, '$.subject') = ?4)";
  if (q.from_us) sql += " AND time_us >= ?5";
  if (q.to_us) sql += " AND time_us < ?6";
  return sql;
}

void BindFilters(storage::Statement& s, const LedgerQuery& q) {
  if (!q.type.empty()) s.Bind(2, q.type);
  if (!q.actor.empty()) s.Bind(3, q.actor);
  if (!q.subject.empty()) s.Bind(4, q.subject);
  if (q.from_us) s.Bind(5, q.from_us);
  if (q.to_us) s.Bind(6, q.to_us);
}

}  // namespace

Result<std::vector<ledger::LedgerEntry>> QueryEntries(storage::Database& db, const LedgerQuery& q) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM ledger WHERE seq > ?1";
  sql += FilterClauses(q);
  if (q.newest_first) sql += " AND seq < ?8";
  sql += q.newest_first ? " ORDER BY seq DESC LIMIT ?7" : " ORDER BY seq LIMIT ?7";
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, q.after);
  BindFilters(s, q);
  s.Bind(7, q.limit);
  if (q.newest_first) s.Bind(8, q.before > 0 ? q.before : INT64_MAX);
  std::vector<ledger::LedgerEntry> out;
  while (true) {
    auto row = s.Step();
    if (!row.ok()) {
      s.Reset();
      return row.error();
    }
    if (!*row) break;
    auto e = EntryFromRow(s);
    if (!e.ok()) {
      s.Reset();
      return e.error();
    }
    out.push_back(std::move(*e));
  }
  s.Reset();
  return out;
}

Result<LedgerSpan> SpanOf(storage::Database& db, const LedgerQuery& q) {
  // ?1 is the lower seq bound in QueryEntries; here every seq counts.
  const std::string sql =
      "SELECT COUNT(*), COALESCE(MIN(seq), 0), COALESCE(MAX(seq), 0) FROM ledger WHERE seq > ?1" +
      FilterClauses(q);
  auto span = storage::FirstRow<LedgerSpan>(
      db, sql,
      [&](storage::Statement& s) {
        s.Bind(1, std::int64_t{0});
        BindFilters(s, q);
      },
      [](const storage::Statement& s) {
        return LedgerSpan{s.Int(0), s.Int(1), s.Int(2)};
      });
  if (!span.ok()) return span.error();
  return span->value_or(LedgerSpan{});
}

Status ForEachEntry(storage::Database& db,
                    const std::function<bool(const ledger::LedgerEntry&)>& visit) {
  // Verification, export and replay also read stores not yet upgraded (a backup, a
  // store of release 0.1): their ledger has no origin column.
  auto has_origin = storage::FirstRow<std::int64_t>(
      db, "SELECT COUNT(*) FROM pragma_table_info('ledger') WHERE name = 'origin'", storage::NoBind,
      [](const storage::Statement& s) { return s.Int(0); });
  if (!has_origin.ok()) return has_origin.error();
  std::string columns = kColumns;
  if (has_origin->value_or(0) == 0) columns.replace(columns.rfind("origin"), 6, "NULL");
  // A dedicated statement (not the cache) so that callers may query inside `visit`.
  auto statement = db.PrepareOwned("SELECT " + columns + " FROM ledger ORDER BY seq");
  if (!statement.ok()) return statement.error();
  storage::Statement& s = **statement;
  while (true) {
    auto row = s.Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto e = EntryFromRow(s);
    if (!e.ok()) return e.error();
    if (!visit(*e)) break;
  }
  return Ok();
}

Status AppendCheckpoint(storage::Database& db, const ledger::Checkpoint& c) {
  auto st = db.Prepare(
      "INSERT INTO checkpoint(seq, head_hash, time_us, public_key, signature) "
      "VALUES(?,?,?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, c.seq).Bind(2, c.head_hash).Bind(3, c.time_us).Bind(4, c.public_key);
  (*st)->Bind(5, c.signature);
  return (*st)->Run();
}

namespace {

// A row of SELECT seq, head_hash, time_us, public_key, signature FROM checkpoint.
ledger::Checkpoint CheckpointOf(const storage::Statement& s) {
  return ledger::Checkpoint{s.Int(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4)};
}

}  // namespace

Result<std::vector<ledger::Checkpoint>> ReadCheckpoints(storage::Database& db) {
  return storage::Rows<ledger::Checkpoint>(
      db, "SELECT seq, head_hash, time_us, public_key, signature FROM checkpoint ORDER BY seq",
      storage::NoBind, CheckpointOf);
}

Result<std::vector<ledger::Checkpoint>> ReadCheckpointsAfter(storage::Database& db,
                                                             std::int64_t after,
                                                             std::int64_t limit) {
  return storage::Rows<ledger::Checkpoint>(
      db,
      "SELECT seq, head_hash, time_us, public_key, signature FROM checkpoint WHERE seq > ? "
      "ORDER BY seq LIMIT ?",
      [&](storage::Statement& s) { s.Bind(1, after).Bind(2, limit); }, CheckpointOf);
}

Result<std::optional<std::string>> GetMeta(storage::Database& db, const std::string& key) {
  return storage::FirstRow<std::string>(
      db, "SELECT value FROM meta WHERE key = ?", [&](storage::Statement& s) { s.Bind(1, key); },
      [](const storage::Statement& s) { return s.Text(0); });
}

Status SetMeta(storage::Database& db, const std::string& key, const std::string& value) {
  auto st = db.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, key).Bind(2, value);
  return (*st)->Run();
}

}  // namespace ordo::store
