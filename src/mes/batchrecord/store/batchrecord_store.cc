// br_version (batchrecord_store.h).
#include "mes/batchrecord/store/batchrecord_store.h"

#include "ledger/event_type.h"
#include "mes/batchrecord/events.h"
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
  return store::TableSet{
      "batchrecord", {store::Migration{1, kTableV1}}, {{"br_version", "order_id, version"}}};
}

void RegisterProjectors() {
  store::RegisterProjector<Released>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const Released& p) -> Status {
        auto st = db.Prepare(
            "INSERT INTO br_version(order_id, version, content_hash, record, seq) "
            "VALUES(?,?,?,?,?)");
        if (!st.ok()) return st.error();
        storage::Statement& s = **st;
        s.Bind(1, p.order_id).Bind(2, p.version).Bind(3, p.content_hash);
        s.Bind(4, CanonicalJson(p.record)).Bind(5, e.seq);
        return s.Run();
      });
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

Result<std::vector<std::string>> SealedOrders(storage::Database& db, std::int64_t limit) {
  return storage::Rows<std::string>(
      db, "SELECT order_id FROM br_version GROUP BY order_id ORDER BY MAX(seq) DESC LIMIT ?",
      [&](storage::Statement& s) { s.Bind(1, limit); },
      [](const storage::Statement& s) { return s.Text(0); });
}

Result<std::vector<std::string>> LotIdsOfOrder(storage::Database& db, const std::string& order_id) {
  return storage::Rows<std::string>(
      db, "SELECT lot FROM lot WHERE order_id = ? ORDER BY received_seq, lot",
      [&](storage::Statement& s) { s.Bind(1, order_id); },
      [](const storage::Statement& s) { return s.Text(0); });
}

Result<std::vector<std::string>> CompletedUnreleasedOrders(storage::Database& db,
                                                           std::int64_t limit) {
  // From the ledger's completion entries (oldest first), not another capability's table.
  return storage::Rows<std::string>(
      db,
      "SELECT l.subject_id FROM ledger l WHERE l.type = 'orders.order_completed' AND NOT "
      "EXISTS (SELECT 1 FROM br_version v WHERE v.order_id = l.subject_id) "
      "ORDER BY l.seq LIMIT ?",
      [&](storage::Statement& s) { s.Bind(1, limit); },
      [](const storage::Statement& s) { return s.Text(0); });
}

}  // namespace ordo::batchrecord
