// br_version (batchrecord_store.h).
#include "mes/batchrecord/store/batchrecord_store.h"

#include "ledger/event_type.h"
#include "mes/batchrecord/domain/watch.h"
#include "mes/batchrecord/events.h"
#include "mes/deviations/events.h"
#include "storage/rows.h"
#include "store/projector.h"
#include "store/row_seal.h"

namespace ordo::batchrecord {

namespace {

constexpr const char* kTableV1 = R"sql(
CREATE TABLE IF NOT EXISTS br_version(
  order_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  record TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY(order_id, version));
)sql";

// br_watch: per sealed order, the seq of its latest seal and the first entry after it that
// may change its record (watch.h); reset by each seal. br_deviation: the order of each
// deviation opened on one (deviation events after the opening name only the deviation).
// Migration 2 fills both for a store sealed before it; migration 3 recomputes changed_seq
// with the rule restricted to RecordEntryTypes() (before it, lifecycle entries such as
// orders.order_closed counted). Both use WatchRuleSql(), the projector's rule in SQL, so
// replay gives the same rows.
constexpr const char* kWatchTablesV2 = R"sql(
CREATE TABLE br_deviation(deviation_id TEXT PRIMARY KEY, order_id TEXT NOT NULL);
INSERT INTO br_deviation(deviation_id, order_id)
  SELECT subject_id, json_extract(payload, '$.order_id') FROM ledger
  WHERE type = 'deviations.deviation_opened' AND ifnull(json_extract(payload, '$.order_id'), '') <> '';
CREATE TABLE br_watch(
  order_id TEXT PRIMARY KEY,
  sealed_seq INTEGER NOT NULL,
  changed_seq INTEGER,
  changed_us INTEGER);
CREATE INDEX br_watch_changed ON br_watch(changed_seq) WHERE changed_seq IS NOT NULL;
INSERT INTO br_watch(order_id, sealed_seq)
  SELECT order_id, MAX(seq) FROM br_version GROUP BY order_id;
)sql";

// Sets changed_seq and changed_us of every br_watch row from the ledger (TouchOf in SQL).
std::string WatchRuleSql() {
  std::string types;
  for (const auto& t : RecordEntryTypes()) types += (types.empty() ? "'" : ", '") + t + "'";
  return R"sql(
UPDATE br_watch SET changed_us = NULL, changed_seq = (
  SELECT MIN(l.seq) FROM ledger l WHERE l.seq > br_watch.sealed_seq
    AND l.type IN ()sql" +
         types + R"sql() AND (
      (l.subject_kind = 'order' AND l.subject_id = br_watch.order_id)
      OR (l.subject_kind <> 'order' AND json_extract(l.payload, '$.order_id') = br_watch.order_id)
      OR (l.subject_kind = 'deviation' AND ifnull(json_extract(l.payload, '$.order_id'), '') = ''
          AND l.subject_id IN (SELECT deviation_id FROM br_deviation
                               WHERE order_id = br_watch.order_id))));
UPDATE br_watch SET changed_us = (SELECT time_us FROM ledger WHERE seq = br_watch.changed_seq)
  WHERE changed_seq IS NOT NULL;
)sql";
}

// Notes `entry` as the first change after the seal of the order it touches.
Status Watch(storage::Database& db, const ledger::LedgerEntry& e, const Json& payload) {
  RecordTouch touch = TouchOf(e.type, e.subject.kind, e.subject.id, payload);
  if (e.type == deviations::DeviationOpened::kType && !touch.order_id.empty())
    ORDO_TRY(storage::Run(
        db, "INSERT OR IGNORE INTO br_deviation(deviation_id, order_id) VALUES(?, ?)",
        [&](storage::Statement& s) { s.Bind(1, e.subject.id).Bind(2, touch.order_id); }));
  if (!touch.deviation_id.empty()) {
    auto order = storage::FirstRow<std::string>(
        db, "SELECT order_id FROM br_deviation WHERE deviation_id = ?",
        [&](storage::Statement& s) { s.Bind(1, touch.deviation_id); },
        [](const storage::Statement& s) { return s.Text(0); });
    if (!order.ok()) return order.error();
    if (*order) touch.order_id = **order;
  }
  if (touch.order_id.empty()) return Ok();
  return storage::Run(
      db,
      "UPDATE br_watch SET changed_seq = ?1, changed_us = ?2 "
      "WHERE order_id = ?3 AND changed_seq IS NULL AND sealed_seq < ?1",
      [&](storage::Statement& s) { s.Bind(1, e.seq).Bind(2, e.time_us).Bind(3, touch.order_id); });
}

struct RawRow {
  std::string order_id;
  std::int64_t version = 0;
  std::string content_hash, record;
  std::int64_t seq = 0;
};
RawRow FromRow(const storage::Statement& s) {
  return RawRow{s.Text(0), s.Int(1), s.Text(2), s.Text(3), s.Int(4)};
}

Result<std::vector<VersionRow>> Checked(storage::Database& db, const std::string& where,
                                        const std::function<void(storage::Statement&)>& bind) {
  auto rows = storage::Rows<RawRow>(
      db, "SELECT order_id, version, content_hash, record, seq FROM br_version " + where, bind,
      &FromRow);
  if (!rows.ok()) return rows.error();
  std::vector<VersionRow> out;
  for (const auto& r : *rows) {
    ORDO_TRY(store::CheckSealedRow(db, "br_version", {r.order_id, std::to_string(r.version)}));
    Json record = Json::parse(r.record, nullptr, false);
    out.push_back(VersionRow{r.order_id, r.version, r.content_hash,
                             record.is_discarded() ? Json(nullptr) : record, r.seq});
  }
  return out;
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"batchrecord",
                         {store::Migration{1, kTableV1},
                          store::Migration{2, std::string(kWatchTablesV2) + WatchRuleSql()},
                          store::Migration{3, WatchRuleSql()}},
                         {{"br_version", "order_id, version"},
                          {"br_watch", "order_id"},
                          {"br_deviation", "deviation_id"}}};
}

void RegisterProjectors() {
  store::RegisterProjector<Released>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const Released& p) -> Status {
        ORDO_TRY(storage::Run(db,
                              "INSERT INTO br_version(order_id, version, content_hash, record, "
                              "seq) VALUES(?,?,?,?,?)",
                              [&](storage::Statement& s) {
                                s.Bind(1, p.order_id).Bind(2, p.version).Bind(3, p.content_hash);
                                s.Bind(4, CanonicalJson(p.record)).Bind(5, e.seq);
                              }));
        return storage::Run(
            db,
            "INSERT INTO br_watch(order_id, sealed_seq) VALUES(?1, ?2) ON CONFLICT(order_id) DO "
            "UPDATE SET sealed_seq = ?2, changed_seq = NULL, changed_us = NULL",
            [&](storage::Statement& s) { s.Bind(1, p.order_id).Bind(2, e.seq); });
      });
  // Every event type registered so far (the capabilities a record is compiled from
  // register before this one) may touch a sealed record: watch.h decides which.
  for (const auto& info : ledger::EventTypes())
    if (info.capability != "batchrecord") store::RegisterProjector(info.type, &Watch);
}

void RegisterGuards() {
  store::RegisterGuardedTable({"br_version",
                               {"order_id", "version"},
                               {"order_id", "version", "content_hash", "record", "seq"}});
}

Result<std::optional<VersionRow>> FindVersion(storage::Database& db, const std::string& order_id,
                                              std::int64_t version) {
  auto rows = Checked(db, "WHERE order_id = ? AND version = ?",
                      [&](storage::Statement& s) { s.Bind(1, order_id).Bind(2, version); });
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<VersionRow>();
  return std::optional<VersionRow>(std::move(rows->front()));
}

Result<std::vector<VersionRow>> VersionsOf(storage::Database& db, const std::string& order_id) {
  return Checked(db, "WHERE order_id = ? ORDER BY version",
                 [&](storage::Statement& s) { s.Bind(1, order_id); });
}

Result<std::vector<Candidate>> ChangedSinceSeal(storage::Database& db, std::int64_t after_seq,
                                                std::int64_t limit) {
  return storage::Rows<Candidate>(
      db,
      "SELECT order_id, changed_us, changed_seq FROM br_watch WHERE changed_seq > ? "
      "ORDER BY changed_seq LIMIT ?",
      [&](storage::Statement& s) { s.Bind(1, after_seq).Bind(2, limit); },
      [](const storage::Statement& s) {
        return Candidate{s.Text(0), s.Int(1), s.Int(2)};
      });
}

Result<std::vector<std::string>> LotIdsOfOrder(storage::Database& db, const std::string& order_id) {
  return storage::Rows<std::string>(
      db, "SELECT lot FROM lot WHERE order_id = ? ORDER BY received_seq, lot",
      [&](storage::Statement& s) { s.Bind(1, order_id); },
      [](const storage::Statement& s) { return s.Text(0); });
}

Result<std::vector<Waiting>> CompletedUnreleasedOrders(storage::Database& db, std::int64_t limit) {
  // From the ledger's completion entries (oldest first), not another capability's table.
  return storage::Rows<Waiting>(
      db,
      "SELECT l.subject_id, l.time_us FROM ledger l WHERE l.type = 'orders.order_completed' AND "
      "NOT "
      "EXISTS (SELECT 1 FROM br_version v WHERE v.order_id = l.subject_id) "
      "ORDER BY l.seq LIMIT ?",
      [&](storage::Statement& s) { s.Bind(1, limit); },
      [](const storage::Statement& s) {
        return Waiting{s.Text(0), s.Int(1)};
      });
}

}  // namespace ordo::batchrecord
