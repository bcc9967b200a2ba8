// Row seals: the registry of guarded tables, computing and checking seals, the sealer the
// engine runs after its projectors, and who hears of a violation (see row_seal.h).
#include "store/row_seal.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "core/assert.h"
#include "core/crypto.h"

namespace ordo::store {

namespace {

std::vector<GuardedTable>& Guarded() {
  static std::vector<GuardedTable> tables;
  return tables;
}

std::string Join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

struct KeyRegistry {
  std::mutex mutex;
  std::map<std::string, std::string> keys;  // guarded by mutex
};
KeyRegistry& Keys() {
  static KeyRegistry registry;
  return registry;
}

struct Reporting {
  std::mutex mutex;
  ViolationHandler handler;                                            // guarded by mutex
  std::function<ledger::Event(const IntegrityViolation&)> make_event;  // start-up only
};
Reporting& Reports() {
  static Reporting reporting;
  return reporting;
}

// "SELECT k1, k2, c1, c2, ... FROM t ": key columns first, then the content columns.
std::string SelectSql(const GuardedTable& t) {
  return "SELECT " + Join(t.key_columns, ", ") + ", " + Join(t.content_columns, ", ") + " FROM " +
         t.table + " ";
}

// Reads the key values and content of the current row of a SelectSql statement.
void ReadRow(const GuardedTable& t, const storage::Statement& s, std::vector<std::string>* keys,
             std::vector<std::optional<std::string>>* content) {
  const int k = static_cast<int>(t.key_columns.size());
  keys->clear();
  content->clear();
  for (int i = 0; i < k; ++i) keys->push_back(s.Text(i));
  for (int i = 0; i < static_cast<int>(t.content_columns.size()); ++i)
    content->push_back(s.IsNull(k + i) ? std::nullopt : std::optional<std::string>(s.Text(k + i)));
}

Status UpsertSeal(storage::Database& db, const std::string& table, const std::string& row_key,
                  const std::string& mac, std::int64_t seq) {
  auto st = db.Prepare(
      "INSERT INTO row_seal(tbl, row_key, mac, seq) VALUES(?,?,?,?) ON CONFLICT(tbl, row_key) "
      "DO UPDATE SET mac = excluded.mac, seq = excluded.seq");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, table).Bind(2, row_key).Bind(3, mac).Bind(4, seq);
  return (*st)->Run();
}

}  // namespace

void RegisterGuardedTable(GuardedTable table) {
  ORDO_ASSERT(FindGuardedTable(table.table) == nullptr);
  ORDO_ASSERT(!table.key_columns.empty() && !table.content_columns.empty());
  Guarded().push_back(std::move(table));
}

const std::vector<GuardedTable>& GuardedTables() { return Guarded(); }

const GuardedTable* FindGuardedTable(std::string_view table) {
  for (const auto& t : Guarded())
    if (t.table == table) return &t;
  return nullptr;
}

std::string TableSpec(const GuardedTable& t) {
  return Join(t.key_columns, ",") + "|" + Join(t.content_columns, ",");
}

TableSet RowSealTables() {
  return TableSet{"integrity",
                  {Migration{1, R"sql(
CREATE TABLE IF NOT EXISTS row_seal(
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  mac TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY(tbl, row_key));
)sql"}},
                  {}};
}

void InstallSealKey(const std::string& database_path, std::string key) {
  std::lock_guard lock(Keys().mutex);
  Keys().keys[database_path] = std::move(key);
}

void RemoveSealKey(const std::string& database_path) {
  std::lock_guard lock(Keys().mutex);
  Keys().keys.erase(database_path);
}

std::optional<std::string> SealKeyFor(const std::string& database_path) {
  std::lock_guard lock(Keys().mutex);
  auto it = Keys().keys.find(database_path);
  if (it == Keys().keys.end()) return std::nullopt;
  return it->second;
}

std::string RowKey(const GuardedTable& t, const std::vector<std::string>& key_values) {
  std::string out;
  for (std::size_t i = 0; i < t.key_columns.size() && i < key_values.size(); ++i)
    out += (i ? "," : "") + t.key_columns[i] + "=" + key_values[i];
  return out;
}

namespace {

// What a row's seal is the HMAC of. Length-prefixed, so no two different rows give the
// same bytes.
std::string SealMessage(const GuardedTable& t, const std::string& row_key,
                        const std::vector<std::optional<std::string>>& content) {
  std::string message = "ordo-row-seal-v1\n" + t.table + "\n" + row_key + "\n";
  for (std::size_t i = 0; i < content.size(); ++i) {
    message += t.content_columns[i];
    if (content[i])
      message += "=" + std::to_string(content[i]->size()) + ":" + *content[i] + "\n";
    else
      message += "=NULL\n";
  }
  return message;
}

// Seals this thread has verified, by database and row: the key, the message and the seal.
// The HMAC is a function of the key and the message, so a row whose key, message and
// stored seal all equal a verified one's is verified without computing it again (the
// ingest reads its source's row, with a device map of hundreds of entries, for every
// message). Anything that differs, a changed row or seal included, is checked in full.
// Only rows of kVerifiedMessageMin bytes or more: for smaller ones the copy and compare
// cost about what the HMAC does.
struct VerifiedSeal {
  std::string key, message, mac;
};
constexpr std::size_t kVerifiedSeals = 256;            // rows remembered per thread
constexpr std::size_t kVerifiedBytes = 1 << 20;        // their bytes, at most, per thread
constexpr std::size_t kVerifiedMessageMin = 1 << 10;   // smaller rows are not remembered
constexpr std::size_t kVerifiedMessageMax = 64 << 10;  // nor larger ones
thread_local std::map<std::string, VerifiedSeal> verified_seals;
thread_local std::size_t verified_bytes = 0;  // of the slots and entries remembered
thread_local std::uint64_t verified_hits = 0;

std::size_t BytesOf(const std::string& slot, const VerifiedSeal& v) {
  return slot.size() + v.key.size() + v.message.size() + v.mac.size();
}

bool KnownVerified(const std::string& slot, const std::string& key, const std::string& message,
                   const std::string& mac) {
  auto known = verified_seals.find(slot);
  return known != verified_seals.end() && EqualConstantTime(known->second.mac, mac) &&
         known->second.message == message && EqualConstantTime(known->second.key, key);
}

// `verified.message` is of kVerifiedMessageMin to kVerifiedMessageMax bytes.
void RememberVerified(std::string slot, VerifiedSeal verified) {
  if (auto old = verified_seals.find(slot); old != verified_seals.end()) {
    verified_bytes -= BytesOf(old->first, old->second);
    verified_seals.erase(old);
  }
  const std::size_t bytes = BytesOf(slot, verified);
  if (verified_seals.size() >= kVerifiedSeals || verified_bytes + bytes > kVerifiedBytes) {
    verified_seals.clear();
    verified_bytes = 0;
  }
  verified_bytes += bytes;
  verified_seals.emplace(std::move(slot), std::move(verified));
}

}  // namespace

std::string SealOf(const std::string& key, const GuardedTable& t, const std::string& row_key,
                   const std::vector<std::optional<std::string>>& content) {
  return HmacSha256Hex(key, SealMessage(t, row_key, content));
}

Status SealAllRows(storage::Database& db, const std::string& key, const GuardedTable& t,
                   std::int64_t seq) {
  auto st = db.PrepareOwned(SelectSql(t));
  if (!st.ok()) return st.error();
  std::vector<std::string> keys;
  std::vector<std::optional<std::string>> content;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    ReadRow(t, **st, &keys, &content);
    const std::string row_key = RowKey(t, keys);
    ORDO_TRY(UpsertSeal(db, t.table, row_key, SealOf(key, t, row_key, content), seq));
  }
  return Ok();
}

void RowSealer::Note(std::string_view table, std::int64_t rowid) {
  if (const GuardedTable* t = FindGuardedTable(table)) changed_.emplace_back(t, rowid);
}

Status RowSealer::SealNoted(storage::Database& db, std::int64_t seq) {
  auto changed = std::move(changed_);
  changed_.clear();
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  std::vector<std::string> keys;
  std::vector<std::optional<std::string>> content;
  for (const auto& [t, rowid] : changed) {
    auto st = db.Prepare(SelectSql(*t) + "WHERE rowid = ?");
    if (!st.ok()) return st.error();
    (*st)->Bind(1, rowid);
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (!*row) continue;  // deleted: nothing left to seal
    ReadRow(*t, **st, &keys, &content);
    (*st)->Reset();
    const std::string row_key = RowKey(*t, keys);
    ORDO_TRY(UpsertSeal(db, t->table, row_key, SealOf(key_, *t, row_key, content), seq));
  }
  changed_.clear();  // the seals' own writes are not guarded, but be explicit
  return Ok();
}

Error IntegrityError(const IntegrityViolation& v) {
  return Error::Make(ErrorCode::kIntegrityViolation,
                     "integrity_violation: the record " + v.table + " " + v.key + " " + v.detail +
                         "; it was changed outside ordo and is not used (see docs/operations.md, "
                         "\"An integrity violation\")");
}

Status CheckSealedRow(storage::Database& db, std::string_view table,
                      const std::vector<std::string>& key_values) {
  const GuardedTable* t = FindGuardedTable(table);
  if (!t) return Ok();
  if (!SealKeyFor(db.path())) return Ok();
  std::string where;
  for (const auto& c : t->key_columns) where += (where.empty() ? "WHERE " : " AND ") + c + " = ?";
  auto st = db.Prepare(SelectSql(*t) + where);
  if (!st.ok()) return st.error();
  for (std::size_t i = 0; i < key_values.size(); ++i)
    (*st)->Bind(static_cast<int>(i + 1), key_values[i]);
  auto row = (*st)->Step();
  if (!row.ok()) return row.error();
  if (!*row) return Ok();
  std::vector<std::string> keys;
  std::vector<std::optional<std::string>> content;
  ReadRow(*t, **st, &keys, &content);
  (*st)->Reset();
  return CheckSealedContent(db, table, keys, content);
}

std::uint64_t VerifiedSealHitsOnThisThread() { return verified_hits; }

Status CheckSealedContent(storage::Database& db, std::string_view table,
                          const std::vector<std::string>& key_values,
                          const std::vector<std::optional<std::string>>& content) {
  const GuardedTable* t = FindGuardedTable(table);
  if (!t) return Ok();
  auto key = SealKeyFor(db.path());
  if (!key) return Ok();
  ORDO_ASSERT(key_values.size() == t->key_columns.size() &&
              content.size() == t->content_columns.size());
  const std::string row_key = RowKey(*t, key_values);
  auto seal = db.Prepare("SELECT mac FROM row_seal WHERE tbl = ? AND row_key = ?");
  if (!seal.ok()) return seal.error();
  (*seal)->Bind(1, t->table).Bind(2, row_key);
  auto found = (*seal)->Step();
  if (!found.ok()) return found.error();
  std::optional<std::string> stored;
  if (*found) stored = (*seal)->Text(0);
  (*seal)->Reset();
  std::string message = SealMessage(*t, row_key, content);
  // Only rows the cache may hold look there (most guarded rows are small).
  const bool rememberable =
      message.size() >= kVerifiedMessageMin && message.size() <= kVerifiedMessageMax;
  std::string slot = rememberable ? db.path() + "\n" + t->table + "\n" + row_key : "";
  if (rememberable && stored && KnownVerified(slot, *key, message, *stored)) {
    ++verified_hits;
    return Ok();
  }
  const std::string expected = HmacSha256Hex(*key, message);
  if (stored && EqualConstantTime(*stored, expected)) {
    if (rememberable)
      RememberVerified(std::move(slot), VerifiedSeal{*key, std::move(message), *stored});
    return Ok();
  }
  IntegrityViolation v{t->table, row_key,
                       stored ? "does not match its seal"
                              : "has no seal (it was not written by "
                                "the ledger writer)",
                       "decision"};
  ReportIntegrityViolation(v);
  return IntegrityError(v);
}

Result<std::vector<IntegrityViolation>> FindUnsealedRowsOf(storage::Database& db,
                                                           const std::string& key,
                                                           const GuardedTable& t) {
  std::vector<IntegrityViolation> out;
  std::map<std::string, std::string> seals;
  {
    auto st = db.PrepareOwned("SELECT row_key, mac FROM row_seal WHERE tbl = ?");
    if (!st.ok()) return st.error();
    (*st)->Bind(1, t.table);
    while (true) {
      auto row = (*st)->Step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      seals[(*st)->Text(0)] = (*st)->Text(1);
    }
  }
  auto st = db.PrepareOwned(SelectSql(t) + "ORDER BY " + Join(t.key_columns, ", "));
  if (!st.ok()) return st.error();
  std::vector<std::string> keys;
  std::vector<std::optional<std::string>> content;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    ReadRow(t, **st, &keys, &content);
    const std::string row_key = RowKey(t, keys);
    auto seal = seals.find(row_key);
    if (seal == seals.end())
      out.push_back(
          {t.table, row_key, "has no seal (it was not written by the ledger writer)", "audit"});
    else if (seal->second != SealOf(key, t, row_key, content))
      out.push_back({t.table, row_key, "does not match its seal", "audit"});
  }
  return out;
}

Result<std::vector<IntegrityViolation>> FindUnsealedRows(storage::Database& db,
                                                         const std::string& key) {
  std::vector<IntegrityViolation> out;
  for (const auto& t : Guarded()) {
    auto found = FindUnsealedRowsOf(db, key, t);
    if (!found.ok()) return found.error();
    for (auto& v : *found) out.push_back(std::move(v));
  }
  return out;
}

void SetIntegrityViolationHandler(ViolationHandler handler) {
  std::lock_guard lock(Reports().mutex);
  Reports().handler = std::move(handler);
}

void ReportIntegrityViolation(const IntegrityViolation& v) {
  ViolationHandler handler;
  {
    std::lock_guard lock(Reports().mutex);
    handler = Reports().handler;
  }
  if (handler) handler(v);
}

void RegisterIntegrityViolationEvent(std::function<ledger::Event(const IntegrityViolation&)> make) {
  ORDO_ASSERT(!Reports().make_event);
  Reports().make_event = std::move(make);
}

std::optional<ledger::Event> IntegrityViolationEvent(const IntegrityViolation& v) {
  if (!Reports().make_event) return std::nullopt;
  return Reports().make_event(v);
}

}  // namespace ordo::store
