// The telemetry tables of ordo.db (tag_store.h).
#include "mes/telemetry/store/tag_store.h"

#include "core/json_fields.h"
#include "mes/equipment/events.h"
#include "mes/telemetry/domain/seal.h"
#include "storage/rows.h"
#include "store/projector.h"

namespace ordo::telemetry {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS telemetry_tag(
  name TEXT PRIMARY KEY,
  work_unit TEXT NOT NULL,
  unit TEXT NOT NULL,
  description TEXT NOT NULL,
  low TEXT,
  high TEXT,
  raw_days INTEGER NOT NULL,
  defined_seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS telemetry_tag_by_work_unit ON telemetry_tag(work_unit, name);
CREATE TABLE IF NOT EXISTS telemetry_seal(
  batch INTEGER PRIMARY KEY,
  first_id INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  count INTEGER NOT NULL,
  from_us INTEGER NOT NULL,
  to_us INTEGER NOT NULL,
  hash TEXT NOT NULL,
  entry_seq INTEGER NOT NULL);
)sql";

// Version 2 (retention): the compactions recorded, and which batch each compacted.
constexpr const char* kTablesV2 = R"sql(
CREATE TABLE IF NOT EXISTS telemetry_compaction(
  compaction INTEGER PRIMARY KEY,
  batches TEXT NOT NULL,
  raw_rows INTEGER NOT NULL,
  rollup_rows INTEGER NOT NULL,
  from_us INTEGER NOT NULL,
  to_us INTEGER NOT NULL,
  hash TEXT NOT NULL,
  entry_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS telemetry_compacted_batch(
  batch INTEGER PRIMARY KEY,
  compaction INTEGER NOT NULL);
)sql";

constexpr const char* kTagColumns =
    "SELECT name, work_unit, unit, description, low, high, raw_days, defined_seq FROM "
    "telemetry_tag ";

// Limits are stored as JSON number text (exact round trip of the event's value).
std::optional<double> LimitOf(const storage::Statement& s, int column) {
  if (s.IsNull(column)) return std::nullopt;
  Json j = Json::parse(s.Text(column), nullptr, false);
  if (!j.is_number()) return std::nullopt;
  return j.get<double>();
}

TagRow TagOf(const storage::Statement& s) {
  TagRow r;
  r.tag.name = s.Text(0);
  r.tag.work_unit = s.Text(1);
  r.tag.unit = s.Text(2);
  r.tag.description = s.Text(3);
  r.tag.low = LimitOf(s, 4);
  r.tag.high = LimitOf(s, 5);
  r.tag.raw_days = s.Int(6);
  r.defined_seq = s.Int(7);
  return r;
}

void BindLimit(storage::Statement& s, int index, const std::optional<double>& v) {
  if (v)
    s.Bind(index, Json(*v).dump());
  else
    s.BindNull(index);
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"telemetry",
                         {store::Migration{1, kTablesV1}, store::Migration{2, kTablesV2}},
                         {{"telemetry_tag", "name"},
                          {"telemetry_seal", "batch"},
                          {"telemetry_compaction", "compaction"},
                          {"telemetry_compacted_batch", "batch"}}};
}

void RegisterProjectors() {
  store::RegisterProjector<TagDefined>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const TagDefined& p) {
        return storage::Run(db,
                            "INSERT INTO telemetry_tag(name, work_unit, unit, description, low, "
                            "high, raw_days, defined_seq) VALUES(?,?,?,?,?,?,?,?)",
                            [&](storage::Statement& s) {
                              s.Bind(1, p.name).Bind(2, p.work_unit).Bind(3, p.unit);
                              s.Bind(4, p.description);
                              BindLimit(s, 5, p.low);
                              BindLimit(s, 6, p.high);
                              s.Bind(7, p.raw_days).Bind(8, e.seq);
                            });
      });
  store::RegisterProjector<BatchSealed>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const BatchSealed& p) {
        return storage::Run(db,
                            "INSERT INTO telemetry_seal(batch, first_id, last_id, count, from_us, "
                            "to_us, hash, entry_seq) VALUES(?,?,?,?,?,?,?,?)",
                            [&](storage::Statement& s) {
                              s.Bind(1, p.batch).Bind(2, p.first_id).Bind(3, p.last_id);
                              s.Bind(4, p.count).Bind(5, p.from_us).Bind(6, p.to_us);
                              s.Bind(7, p.hash).Bind(8, e.seq);
                            });
      });
  store::RegisterProjector<BatchCompacted>([](storage::Database& db, const ledger::LedgerEntry& e,
                                              const BatchCompacted& p) -> Status {
    ORDO_TRY(storage::Run(db,
                          "INSERT INTO telemetry_compaction(compaction, batches, raw_rows, "
                          "rollup_rows, from_us, to_us, hash, entry_seq) "
                          "VALUES(?,?,?,?,?,?,?,?)",
                          [&](storage::Statement& s) {
                            s.Bind(1, p.compaction).Bind(2, p.batches).Bind(3, p.raw_rows);
                            s.Bind(4, p.rollup_rows).Bind(5, p.from_us).Bind(6, p.to_us);
                            s.Bind(7, p.hash).Bind(8, e.seq);
                          }));
    std::vector<std::int64_t> batches;
    if (!ParseIdRanges(p.batches, &batches))
      return Error::Make(
          ErrorCode::kInternal,
          "telemetry compaction " + std::to_string(p.compaction) + ": its batches cannot be read");
    for (std::int64_t b : batches)
      ORDO_TRY(storage::Run(db,
                            "INSERT INTO telemetry_compacted_batch(batch, compaction) VALUES(?,?)",
                            [&](storage::Statement& s) { s.Bind(1, b).Bind(2, p.compaction); }));
    return Ok();
  });
}

Json ToJson(const TagRow& row) {
  const TagDefined& t = row.tag;
  return Json{{"name", t.name},
              {"work_unit", t.work_unit},
              {"unit", t.unit},
              {"description", t.description},
              {"low", t.low ? Json(*t.low) : Json(nullptr)},
              {"high", t.high ? Json(*t.high) : Json(nullptr)},
              {"raw_days", t.raw_days}};
}

Result<std::optional<TagRow>> FindTag(storage::Database& db, const std::string& name) {
  return storage::FirstRow<TagRow>(
      db, std::string(kTagColumns) + "WHERE name = ?",
      [&](storage::Statement& s) { s.Bind(1, name); }, TagOf);
}

Result<std::vector<TagRow>> ListTags(storage::Database& db, const std::string& work_unit) {
  if (work_unit.empty())
    return storage::Rows<TagRow>(db, std::string(kTagColumns) + "ORDER BY name", storage::NoBind,
                                 TagOf);
  return storage::Rows<TagRow>(
      db, std::string(kTagColumns) + "WHERE work_unit = ? ORDER BY name",
      [&](storage::Statement& s) { s.Bind(1, work_unit); }, TagOf);
}

Result<std::map<std::string, std::string>> TagWorkUnits(storage::Database& db,
                                                        const std::set<std::string>& tags) {
  std::map<std::string, std::string> out;
  if (tags.empty()) return out;
  // One statement for the whole set (the names as a JSON array, each looked up by the
  // primary key): outside a transaction every statement is a read transaction of its own,
  // and the MQTT connector asks this for each message's 20 or so tags.
  const std::string names = Json(tags).dump();
  auto rows = storage::Rows<std::pair<std::string, std::string>>(
      db,
      "SELECT t.name, t.work_unit FROM json_each(?) AS j CROSS JOIN telemetry_tag AS t "
      "ON t.name = j.value",
      [&](storage::Statement& s) { s.Bind(1, names); },
      [](const storage::Statement& s) { return std::make_pair(s.Text(0), s.Text(1)); });
  if (!rows.ok()) return rows.error();
  for (auto& [name, work_unit] : *rows) out[std::move(name)] = std::move(work_unit);
  return out;
}

Result<SealProgress> SealProgressOf(storage::Database& db) {
  auto row = storage::FirstRow<SealProgress>(
      db, "SELECT COUNT(*), COALESCE(MAX(last_id), 0) FROM telemetry_seal", storage::NoBind,
      [](const storage::Statement& s) {
        return SealProgress{s.Int(0), s.Int(1)};
      });
  if (!row.ok()) return row.error();
  return row->value_or(SealProgress{});
}

Result<std::int64_t> LastCompaction(storage::Database& db) {
  auto n = storage::FirstRow<std::int64_t>(
      db, "SELECT COALESCE(MAX(compaction), 0) FROM telemetry_compaction", storage::NoBind,
      [](const storage::Statement& s) { return s.Int(0); });
  if (!n.ok()) return n.error();
  return n->value_or(0);
}

Result<std::vector<SealedBatch>> UncompactedBatches(storage::Database& db, TimeMicros before_us,
                                                    std::int64_t after_batch, std::int64_t limit) {
  return storage::Rows<SealedBatch>(
      db,
      "SELECT batch, first_id, last_id, entry_seq FROM telemetry_seal WHERE batch > ? AND "
      "to_us < ? AND batch NOT IN (SELECT batch FROM telemetry_compacted_batch) ORDER BY batch "
      "LIMIT ?",
      [&](storage::Statement& s) { s.Bind(1, after_batch).Bind(2, before_us).Bind(3, limit); },
      [](const storage::Statement& s) {
        return SealedBatch{s.Int(0), s.Int(1), s.Int(2), s.Int(3)};
      });
}

Result<std::vector<SealedBatch>> BatchesOfCompaction(storage::Database& db,
                                                     std::int64_t compaction) {
  return storage::Rows<SealedBatch>(
      db,
      "SELECT s.batch, s.first_id, s.last_id, s.entry_seq FROM telemetry_compacted_batch c JOIN "
      "telemetry_seal s ON s.batch = c.batch WHERE c.compaction = ? ORDER BY s.batch",
      [&](storage::Statement& s) { s.Bind(1, compaction); },
      [](const storage::Statement& s) {
        return SealedBatch{s.Int(0), s.Int(1), s.Int(2), s.Int(3)};
      });
}

Result<std::optional<BatchSealed>> SealAt(storage::Database& db, std::int64_t entry_seq) {
  auto row = storage::FirstRow<std::pair<std::string, std::string>>(
      db, "SELECT type, payload FROM ledger WHERE seq = ?",
      [&](storage::Statement& s) { s.Bind(1, entry_seq); },
      [](const storage::Statement& s) { return std::make_pair(s.Text(0), s.Text(1)); });
  if (!row.ok()) return row.error();
  if (!*row || (*row)->first != BatchSealed::kType) return std::optional<BatchSealed>();
  BatchSealed seal;
  try {
    from_json(Json::parse((*row)->second), seal);
  } catch (const Json::exception&) {
    return std::optional<BatchSealed>();
  }
  return std::optional<BatchSealed>(seal);
}

Result<bool> NamesAcceptedBatch(storage::Database& db, std::int64_t entry_seq,
                                const std::string& source, std::int64_t seq) {
  auto row = storage::FirstRow<std::pair<std::string, std::string>>(
      db, "SELECT type, payload FROM ledger WHERE seq = ?",
      [&](storage::Statement& s) { s.Bind(1, entry_seq); },
      [](const storage::Statement& s) { return std::make_pair(s.Text(0), s.Text(1)); });
  if (!row.ok()) return row.error();
  if (!*row || (*row)->first != equipment::BatchAccepted::kType) return false;
  Json payload = Json::parse((*row)->second, nullptr, false);
  return payload.is_object() && TextField(payload, "source") == source &&
         payload.value("seq", std::int64_t{0}) == seq;
}

}  // namespace ordo::telemetry
