// The equipment tables, their projectors and queries (equipment_store.h).
#include "mes/equipment/store/equipment_store.h"

#include <algorithm>
#include <functional>
#include <map>

#include "mes/equipment/store/source_columns.h"
#include "storage/rows.h"
#include "store/projector.h"
#include "store/row_seal.h"

namespace ordo::equipment {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS eq_source(
  name TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  work_units TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  counter TEXT NOT NULL,
  rollover_modulus INTEGER NOT NULL,
  topics TEXT NOT NULL,
  group_id TEXT NOT NULL,
  edge_node TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  registered_seq INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS eq_source_by_key ON eq_source(key_hash);
CREATE TABLE IF NOT EXISTS eq_ingest(
  source TEXT NOT NULL,
  seq INTEGER NOT NULL,
  batch_hash TEXT NOT NULL,
  seq_entry INTEGER NOT NULL,
  PRIMARY KEY(source, seq));
CREATE TABLE IF NOT EXISTS eq_state_change(
  work_unit TEXT NOT NULL,
  device_time_us INTEGER NOT NULL,
  source TEXT NOT NULL,
  source_seq INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  state TEXT NOT NULL,
  sub_reason TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  received_us INTEGER NOT NULL,
  skew_us INTEGER,
  context TEXT NOT NULL,
  entry_seq INTEGER NOT NULL,
  PRIMARY KEY(work_unit, device_time_us, source, source_seq, idx));
CREATE TABLE IF NOT EXISTS eq_count(
  work_unit TEXT NOT NULL,
  device_time_us INTEGER NOT NULL,
  source TEXT NOT NULL,
  source_seq INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  counter TEXT NOT NULL,
  total INTEGER NOT NULL,
  good INTEGER NOT NULL,
  scrap INTEGER NOT NULL,
  rework INTEGER NOT NULL,
  received_us INTEGER NOT NULL,
  skew_us INTEGER,
  context TEXT NOT NULL,
  entry_seq INTEGER NOT NULL,
  PRIMARY KEY(work_unit, device_time_us, source, source_seq, idx));
CREATE TABLE IF NOT EXISTS eq_downtime_reason(
  work_unit TEXT NOT NULL,
  interval_start_us INTEGER NOT NULL,
  reason_code TEXT NOT NULL,
  comment TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  entry_seq INTEGER NOT NULL,
  PRIMARY KEY(work_unit, interval_start_us));
)sql";

// Migration 2: the supervisors' overrides of availability blocks (one per down spell).
constexpr const char* kTablesV2 = R"sql(
CREATE TABLE eq_availability_override(
  work_unit TEXT NOT NULL,
  down_since_us INTEGER NOT NULL,
  reason_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  entry_seq INTEGER NOT NULL,
  PRIMARY KEY(work_unit, down_since_us));
)sql";

// Sparkplug sources: the device map (JSON object device id -> work unit) and the node's
// work unit.
constexpr const char* kTablesV3 = R"sql(
ALTER TABLE eq_source ADD COLUMN devices TEXT NOT NULL DEFAULT '{}';
ALTER TABLE eq_source ADD COLUMN node_work_unit TEXT NOT NULL DEFAULT '';
)sql";

constexpr const char* kSourceColumns =
    "SELECT name, kind, work_units, enabled, counter, rollover_modulus, topics, group_id, "
    "edge_node, key_hash, registered_seq, updated_seq, devices, node_work_unit FROM eq_source ";

SourceRow SourceOf(const storage::Statement& s) {
  SourceRow r;
  r.name = s.Text(0);
  r.kind = s.Text(1);
  r.work_units = StringsOfColumn(s.Text(2));
  r.enabled = s.Int(3) != 0;
  r.counter = s.Text(4);
  r.rollover_modulus = s.Int(5);
  r.topics = StringsOfColumn(s.Text(6));
  r.group_id = s.Text(7);
  r.edge_node = s.Text(8);
  r.key_hash = s.Text(9);
  r.registered_seq = s.Int(10);
  r.updated_seq = s.Int(11);
  r.devices = StringMapOfColumn(s.Text(12));
  r.node_work_unit = s.Text(13);
  return r;
}

Status Exec(storage::Database& db, const std::string& sql,
            const std::function<void(storage::Statement&)>& bind) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  bind(**st);
  return (*st)->Run();
}

void BindSkew(storage::Statement& s, int index, const std::optional<std::int64_t>& skew) {
  if (skew)
    s.Bind(index, *skew);
  else
    s.BindNull(index);
}

// A source row read for a decision (the key that authenticates a batch, the work units it
// may speak for): checked against its seal (integrity_violation when it fails).
Result<std::optional<SourceRow>> Sealed(storage::Database& db,
                                        Result<std::optional<SourceRow>> row) {
  if (!row.ok() || !*row) return row;
  ORDO_TRY(store::CheckSealedRow(db, "eq_source", {(*row)->name}));
  return row;
}

Context ContextOf(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  Context c;
  if (j.is_object()) {
    try {
      from_json(j, c);
    } catch (const Json::exception&) {
      c = Context{};
    }
  }
  return c;
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"equipment",
                         {store::Migration{1, kTablesV1}, store::Migration{2, kTablesV2},
                          store::Migration{3, kTablesV3}},
                         {{"eq_source", "name"},
                          {"eq_ingest", "source, seq"},
                          {"eq_state_change", "work_unit, device_time_us, source, source_seq, idx"},
                          {"eq_count", "work_unit, device_time_us, source, source_seq, idx"},
                          {"eq_downtime_reason", "work_unit, interval_start_us"},
                          {"eq_availability_override", "work_unit, down_since_us"}}};
}

void RegisterGuards() {
  store::RegisterGuardedTable({"eq_source",
                               {"name"},
                               {"name", "kind", "work_units", "enabled", "counter",
                                "rollover_modulus", "topics", "group_id", "edge_node", "key_hash",
                                "registered_seq", "updated_seq", "devices", "node_work_unit"}});
  store::RegisterGuardedTable(
      {"eq_availability_override",
       {"work_unit", "down_since_us"},
       {"work_unit", "down_since_us", "reason_code", "reason", "actor", "time_us", "entry_seq"}});
}

void RegisterProjectors() {
  store::RegisterProjector<SourceRegistered>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const SourceRegistered& p) {
        return Exec(db,
                    "INSERT INTO eq_source(name, kind, work_units, enabled, counter, "
                    "rollover_modulus, topics, group_id, edge_node, key_hash, registered_seq, "
                    "updated_seq, devices, node_work_unit) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [&](storage::Statement& s) {
                      s.Bind(1, p.name).Bind(2, p.kind).Bind(3, Json(p.work_units).dump());
                      s.Bind(4, std::int64_t{p.enabled ? 1 : 0}).Bind(5, p.counter);
                      s.Bind(6, p.rollover_modulus).Bind(7, Json(p.topics).dump());
                      s.Bind(8, p.group_id).Bind(9, p.edge_node).Bind(10, p.key_hash);
                      s.Bind(11, e.seq).Bind(12, e.seq);
                      s.Bind(13, Json(p.devices).dump()).Bind(14, p.node_work_unit);
                    });
      });
  store::RegisterProjector<SourceUpdated>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const SourceUpdated& p) {
        return Exec(db,
                    "UPDATE eq_source SET work_units = ?, enabled = ?, updated_seq = ?, "
                    "devices = ?, node_work_unit = ? WHERE name = ?",
                    [&](storage::Statement& s) {
                      s.Bind(1, Json(p.work_units).dump()).Bind(2, std::int64_t{p.enabled});
                      s.Bind(3, e.seq).Bind(4, Json(p.devices).dump());
                      s.Bind(5, p.node_work_unit).Bind(6, p.name);
                    });
      });
  store::RegisterProjector<SourceKeyRotated>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const SourceKeyRotated& p) {
        return Exec(
            db, "UPDATE eq_source SET key_hash = ?, updated_seq = ? WHERE name = ?",
            [&](storage::Statement& s) { s.Bind(1, p.key_hash).Bind(2, e.seq).Bind(3, p.name); });
      });
  store::RegisterProjector<BatchAccepted>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const BatchAccepted& p) {
        return Exec(db, "INSERT INTO eq_ingest(source, seq, batch_hash, seq_entry) VALUES(?,?,?,?)",
                    [&](storage::Statement& s) {
                      s.Bind(1, p.source).Bind(2, p.seq).Bind(3, p.batch_hash).Bind(4, e.seq);
                    });
      });
  store::RegisterProjector<StateChanged>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const StateChanged& p) {
        return Exec(db,
                    "INSERT INTO eq_state_change(work_unit, device_time_us, source, source_seq, "
                    "idx, state, sub_reason, reason_code, received_us, skew_us, context, "
                    "entry_seq) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                    [&](storage::Statement& s) {
                      s.Bind(1, p.work_unit).Bind(2, p.device_time_us).Bind(3, p.source);
                      s.Bind(4, p.source_seq).Bind(5, p.index).Bind(6, p.state);
                      s.Bind(7, p.sub_reason).Bind(8, p.reason_code).Bind(9, p.received_us);
                      BindSkew(s, 10, p.skew_us);
                      s.Bind(11, Json(p.context).dump()).Bind(12, e.seq);
                    });
      });
  store::RegisterProjector<Counted>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const Counted& p) {
        return Exec(db,
                    "INSERT INTO eq_count(work_unit, device_time_us, source, source_seq, idx, "
                    "counter, total, good, scrap, rework, received_us, skew_us, context, "
                    "entry_seq) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [&](storage::Statement& s) {
                      s.Bind(1, p.work_unit).Bind(2, p.device_time_us).Bind(3, p.source);
                      s.Bind(4, p.source_seq).Bind(5, p.index).Bind(6, p.counter);
                      s.Bind(7, p.counts.total).Bind(8, p.counts.good);
                      s.Bind(9, p.counts.scrap).Bind(10, p.counts.rework);
                      s.Bind(11, p.received_us);
                      BindSkew(s, 12, p.skew_us);
                      s.Bind(13, Json(p.context).dump()).Bind(14, e.seq);
                    });
      });
  store::RegisterProjector<AvailabilityOverridden>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const AvailabilityOverridden& p) {
        return Exec(db,
                    "INSERT OR REPLACE INTO eq_availability_override(work_unit, down_since_us, "
                    "reason_code, reason, actor, time_us, entry_seq) VALUES(?,?,?,?,?,?,?)",
                    [&](storage::Statement& s) {
                      s.Bind(1, p.work_unit).Bind(2, p.down_since_us).Bind(3, p.reason_code);
                      s.Bind(4, p.reason).Bind(5, e.actor).Bind(6, e.time_us).Bind(7, e.seq);
                    });
      });
  store::RegisterProjector<DowntimeReasonAssigned>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const DowntimeReasonAssigned& p) {
        return Exec(db,
                    "INSERT OR REPLACE INTO eq_downtime_reason(work_unit, interval_start_us, "
                    "reason_code, comment, actor, time_us, entry_seq) VALUES(?,?,?,?,?,?,?)",
                    [&](storage::Statement& s) {
                      s.Bind(1, p.work_unit).Bind(2, p.interval_start_us).Bind(3, p.reason_code);
                      s.Bind(4, p.comment).Bind(5, e.actor).Bind(6, e.time_us).Bind(7, e.seq);
                    });
      });
}

Result<bool> DownChangeAt(storage::Database& db, const std::string& work_unit,
                          TimeMicros start_us) {
  auto row = storage::FirstRow<std::int64_t>(
      db,
      "SELECT 1 FROM eq_state_change WHERE work_unit = ? AND device_time_us = ? AND state = "
      "'down' LIMIT 1",
      [&](storage::Statement& s) { s.Bind(1, work_unit).Bind(2, start_us); },
      [](const storage::Statement& s) { return s.Int(0); });
  if (!row.ok()) return row.error();
  return row->has_value();
}

Result<std::map<TimeMicros, AssignedReason>> AssignedReasons(storage::Database& db,
                                                             const std::string& work_unit) {
  auto rows = storage::Rows<AssignedReason>(
      db,
      "SELECT interval_start_us, reason_code, comment, actor, time_us FROM eq_downtime_reason "
      "WHERE work_unit = ?",
      [&](storage::Statement& s) { s.Bind(1, work_unit); },
      [](const storage::Statement& s) {
        return AssignedReason{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4)};
      });
  if (!rows.ok()) return rows.error();
  std::map<TimeMicros, AssignedReason> out;
  for (auto& r : *rows) out[r.interval_start_us] = r;
  return out;
}

Result<std::vector<std::string>> WorkUnitsDownIn(storage::Database& db, TimeMicros from_us,
                                                 TimeMicros to_us) {
  return storage::Rows<std::string>(
      db,
      "SELECT DISTINCT work_unit FROM eq_state_change WHERE state = 'down' AND "
      "device_time_us >= ? AND device_time_us < ? ORDER BY work_unit",
      [&](storage::Statement& s) { s.Bind(1, from_us).Bind(2, to_us); },
      [](const storage::Statement& s) { return s.Text(0); });
}

Json ToJson(const SourceRow& r) {
  Json j{{"name", r.name},
         {"kind", r.kind},
         {"work_units", r.work_units},
         {"enabled", r.enabled},
         {"counter", r.counter},
         {"rollover_modulus", r.rollover_modulus},
         {"has_key", !r.key_hash.empty()},
         {"registered_seq", r.registered_seq},
         {"updated_seq", r.updated_seq}};
  j["topics"] = r.topics;
  j["group_id"] = r.group_id;
  j["edge_node"] = r.edge_node;
  j["devices"] = Json(r.devices);
  j["node_work_unit"] = r.node_work_unit;
  return j;
}

SourceFacts FactsOf(const SourceRow& r) {
  return SourceFacts{r.name, r.kind, r.enabled, r.work_units, r.counter == "cumulative"};
}

Result<std::optional<SourceRow>> FindSource(storage::Database& db, const std::string& name) {
  return Sealed(db, storage::FirstRow<SourceRow>(
                        db, std::string(kSourceColumns) + "WHERE name = ?",
                        [&](storage::Statement& s) { s.Bind(1, name); }, SourceOf));
}

Result<std::optional<SourceRow>> FindSourceByKeyHash(storage::Database& db,
                                                     const std::string& key_hash) {
  if (key_hash.empty()) return std::optional<SourceRow>();
  return Sealed(db, storage::FirstRow<SourceRow>(
                        db, std::string(kSourceColumns) + "WHERE key_hash = ? AND kind = 'rest'",
                        [&](storage::Statement& s) { s.Bind(1, key_hash); }, SourceOf));
}

namespace {

// The sources of `where` (a condition on eq_source, bound by `bind`), by name, each
// checked against its seal.
Result<std::vector<SourceRow>> SealedSources(storage::Database& db, const std::string& where,
                                             const std::function<void(storage::Statement&)>& bind) {
  auto rows = storage::Rows<SourceRow>(db, std::string(kSourceColumns) + where + " ORDER BY name",
                                       bind, SourceOf);
  if (!rows.ok()) return rows.error();
  for (const auto& r : *rows) ORDO_TRY(store::CheckSealedRow(db, "eq_source", {r.name}));
  return rows;
}

}  // namespace

Result<std::vector<SourceRow>> ListSources(storage::Database& db) {
  return SealedSources(db, "", [](storage::Statement&) {});
}

Result<std::vector<SourceRow>> FindSparkplugSources(storage::Database& db,
                                                    const std::string& group_id,
                                                    const std::string& edge_node) {
  return SealedSources(db, "WHERE kind = 'sparkplug' AND group_id = ? AND edge_node = ?",
                       [&](storage::Statement& s) { s.Bind(1, group_id).Bind(2, edge_node); });
}

Result<std::vector<SourceRow>> FindMqttSourcesFor(storage::Database& db,
                                                  const std::optional<std::string>& work_unit) {
  // Rows left out: topics '[]' (what the projectors write for no topics) and work_units,
  // valid JSON, without the string `work_unit`. Every other row is read: text the
  // projectors would not write still goes to the caller's decision.
  if (!work_unit)
    return SealedSources(db, "WHERE kind = 'mqtt' AND topics <> '[]'", [](storage::Statement&) {});
  return SealedSources(db,
                       "WHERE kind = 'mqtt' AND (topics <> '[]' OR CASE WHEN "
                       "json_valid(work_units) THEN EXISTS(SELECT 1 FROM json_each(work_units) "
                       "WHERE value = ?) ELSE 1 END)",
                       [&](storage::Statement& s) { s.Bind(1, *work_unit); });
}

Result<std::optional<std::string>> IngestedHash(storage::Database& db, const std::string& source,
                                                std::int64_t seq) {
  return storage::FirstRow<std::string>(
      db, "SELECT batch_hash FROM eq_ingest WHERE source = ? AND seq = ?",
      [&](storage::Statement& s) { s.Bind(1, source).Bind(2, seq); },
      [](const storage::Statement& s) { return s.Text(0); });
}

namespace {

StateChange ChangeOf(const storage::Statement& s) {
  StateChange c;
  c.device_time_us = s.Int(0);
  c.state = ParseState(s.Text(1)).value_or(State::kOffline);
  c.sub_reason = s.Text(2);
  c.reason_code = s.Text(3);
  c.source = s.Text(4);
  c.source_seq = s.Int(5);
  c.index = static_cast<int>(s.Int(6));
  c.context = ContextOf(s.Text(7));
  return c;
}

}  // namespace

Result<std::vector<StateChange>> ChangesAround(storage::Database& db, const std::string& work_unit,
                                               TimeMicros from_us, TimeMicros to_us) {
  constexpr const char* kCols =
      "SELECT device_time_us, state, sub_reason, reason_code, source, source_seq, idx, context "
      "FROM eq_state_change WHERE work_unit = ?1 ";
  const std::string sql =
      std::string("SELECT * FROM (") + kCols +
      "AND device_time_us < ?2 ORDER BY device_time_us DESC, source DESC, source_seq DESC, "
      "idx DESC LIMIT 1) UNION ALL " +
      kCols + "AND device_time_us >= ?2 AND device_time_us < ?3 UNION ALL SELECT * FROM (" + kCols +
      "AND device_time_us >= ?3 ORDER BY device_time_us, source, source_seq, idx LIMIT 1)";
  auto rows = storage::Rows<StateChange>(
      db, sql, [&](storage::Statement& s) { s.Bind(1, work_unit).Bind(2, from_us).Bind(3, to_us); },
      ChangeOf);
  if (!rows.ok()) return rows.error();
  std::sort(rows->begin(), rows->end(), Before);
  if (!rows->empty() && rows->front().device_time_us < from_us) {
    // The state at `from` began with the first change of the run of equal changes (same
    // state, sub-reason and reason code) that ends with the last change before `from`:
    // that change gives the interval its true start and context.
    const StateChange& last = rows->front();
    auto before = storage::FirstRow<StateChange>(
        db,
        std::string(kCols) +
            "AND (device_time_us, source, source_seq, idx) < (?2, ?3, ?4, ?5) AND NOT (state = "
            "?6 AND sub_reason = ?7 AND reason_code = ?8) ORDER BY device_time_us DESC, source "
            "DESC, source_seq DESC, idx DESC LIMIT 1",
        [&](storage::Statement& s) {
          s.Bind(1, work_unit).Bind(2, last.device_time_us).Bind(3, last.source);
          s.Bind(4, last.source_seq).Bind(5, std::int64_t{last.index});
          s.Bind(6, std::string(StateName(last.state))).Bind(7, last.sub_reason);
          s.Bind(8, last.reason_code);
        },
        ChangeOf);
    if (!before.ok()) return before.error();
    std::string run_sql = std::string(kCols);
    if (*before) run_sql += "AND (device_time_us, source, source_seq, idx) > (?2, ?3, ?4, ?5) ";
    run_sql += "ORDER BY device_time_us, source, source_seq, idx LIMIT 1";
    auto first = storage::FirstRow<StateChange>(
        db, run_sql,
        [&](storage::Statement& s) {
          s.Bind(1, work_unit);
          if (*before) {
            s.Bind(2, (*before)->device_time_us).Bind(3, (*before)->source);
            s.Bind(4, (*before)->source_seq).Bind(5, std::int64_t{(*before)->index});
          }
        },
        ChangeOf);
    if (!first.ok()) return first.error();
    if (*first) rows->front() = std::move(**first);
  }
  return rows;
}

Result<std::vector<CountRow>> CountsAround(storage::Database& db, const std::string& work_unit,
                                           TimeMicros from_us, TimeMicros to_us) {
  const std::string sql =
      "SELECT source, counter, device_time_us, source_seq, idx, total, good, scrap, rework "
      "FROM eq_count WHERE work_unit = ?1 AND device_time_us >= ?2 AND device_time_us < ?3 "
      "UNION ALL SELECT c.source, c.counter, c.device_time_us, c.source_seq, c.idx, c.total, "
      "c.good, c.scrap, c.rework FROM eq_count c WHERE c.work_unit = ?1 AND c.counter = "
      "'cumulative' AND c.rowid = (SELECT b.rowid FROM eq_count b WHERE b.work_unit = ?1 AND "
      "b.source = c.source AND b.device_time_us < ?2 ORDER BY b.device_time_us DESC, "
      "b.source_seq DESC, b.idx DESC LIMIT 1) ORDER BY 3, 4, 5";
  return storage::Rows<CountRow>(
      db, sql, [&](storage::Statement& s) { s.Bind(1, work_unit).Bind(2, from_us).Bind(3, to_us); },
      [](const storage::Statement& s) {
        CountRow r;
        r.source = s.Text(0);
        r.counter = s.Text(1);
        r.reading.device_time_us = s.Int(2);
        r.reading.source_seq = s.Int(3);
        r.reading.index = static_cast<int>(s.Int(4));
        r.reading.counts = Counts{s.Int(5), s.Int(6), s.Int(7), s.Int(8)};
        return r;
      });
}

}  // namespace ordo::equipment
