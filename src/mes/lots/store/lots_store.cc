// The lot and lot_history tables: migrations, projectors and queries (lots_store.h).
// Quantities are stored as the JSON text of the number (the storage interface binds
// integers and text), so a replay writes the same bytes.
#include "mes/lots/store/lots_store.h"

#include <algorithm>

#include "ledger/event_type.h"
#include "storage/rows.h"
#include "store/projector.h"
#include "store/row_seal.h"

namespace ordo::lots {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS lot(
  lot TEXT PRIMARY KEY,
  material TEXT NOT NULL,
  supplier TEXT NOT NULL,
  supplier_lot TEXT NOT NULL,
  given_quantity TEXT NOT NULL,
  unit TEXT NOT NULL,
  received_quantity TEXT NOT NULL,
  quantity TEXT NOT NULL,
  base_unit TEXT NOT NULL,
  expiry TEXT NOT NULL,
  retest TEXT NOT NULL,
  state TEXT NOT NULL,
  held_from TEXT NOT NULL,
  reason TEXT NOT NULL,
  source TEXT NOT NULL,
  received_seq INTEGER NOT NULL,
  received_us INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS lot_by_material ON lot(material, received_seq);
CREATE INDEX IF NOT EXISTS lot_by_state ON lot(state, received_seq);
CREATE INDEX IF NOT EXISTS lot_by_supplier_lot ON lot(material, supplier_lot);
CREATE TABLE IF NOT EXISTS lot_history(
  seq INTEGER PRIMARY KEY,
  lot TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  event TEXT NOT NULL,
  state TEXT NOT NULL,
  quantity TEXT NOT NULL,
  change TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS lot_history_by_lot ON lot_history(lot, seq);
CREATE TABLE IF NOT EXISTS lot_consumption(
  seq INTEGER PRIMARY KEY,
  lot TEXT NOT NULL,
  material TEXT NOT NULL,
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  bom_material TEXT NOT NULL,
  base_quantity TEXT NOT NULL,
  actor TEXT NOT NULL,
  user_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS lot_consumption_by_order ON lot_consumption(order_id, seq);
)sql";

// Where a lot is, how it came to be and the order that produced it (issue 11); one
// split or merge writes a history row for each lot it touches (key seq, lot).
constexpr const char* kTablesV2 = R"sql(
ALTER TABLE lot ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE lot ADD COLUMN origin TEXT NOT NULL DEFAULT 'received';
ALTER TABLE lot ADD COLUMN order_id TEXT NOT NULL DEFAULT '';
CREATE TABLE lot_history_v2(
  seq INTEGER NOT NULL,
  lot TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  event TEXT NOT NULL,
  state TEXT NOT NULL,
  quantity TEXT NOT NULL,
  change TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY(seq, lot));
INSERT INTO lot_history_v2 SELECT seq, lot, time_us, actor, role, event, state, quantity,
  change, reason, detail FROM lot_history;
DROP TABLE lot_history;
ALTER TABLE lot_history_v2 RENAME TO lot_history;
CREATE INDEX IF NOT EXISTS lot_history_by_lot ON lot_history(lot, seq);
)sql";

// The lots of an order (batch release, the batch record): an index on lot.order_id.
constexpr const char* kTablesV3 = R"sql(
CREATE INDEX IF NOT EXISTS lot_by_order ON lot(order_id, received_seq);
)sql";

constexpr const char* kSelect =
    "SELECT lot, material, supplier, supplier_lot, given_quantity, unit, received_quantity, "
    "quantity, base_unit, expiry, retest, state, held_from, reason, source, received_seq, "
    "received_us, location, origin, order_id FROM lot ";

std::string Num(double v) { return Json(v).dump(); }

double ParseNum(const std::string& text) {
  try {
    return std::stod(text);
  } catch (...) {
    return 0;
  }
}

LotRow FromRow(const storage::Statement& s) {
  LotRow r;
  Lot& l = r.lot;
  l.lot = s.Text(0);
  l.material = s.Text(1);
  l.supplier = s.Text(2);
  l.supplier_lot = s.Text(3);
  r.given_quantity = ParseNum(s.Text(4));
  r.unit = s.Text(5);
  l.received_quantity = ParseNum(s.Text(6));
  l.quantity = ParseNum(s.Text(7));
  l.base_unit = s.Text(8);
  l.expiry = s.Text(9);
  l.retest = s.Text(10);
  l.state = s.Text(11);
  l.held_from = s.Text(12);
  r.reason = s.Text(13);
  r.source = s.Text(14);
  r.received_seq = s.Int(15);
  l.received_us = s.Int(16);
  l.location = s.Text(17);
  l.origin = s.Text(18);
  l.order_id = s.Text(19);
  return r;
}

using storage::Run;

// The lot a projector changes; internal error when the ledger names a lot never received.
Result<LotRow> Existing(storage::Database& db, const ledger::LedgerEntry& e,
                        const std::string& lot) {
  auto row = FindLotRow(db, lot);
  if (!row.ok()) return row.error();
  if (!*row)
    return Error::Make(ErrorCode::kInternal, "seq " + std::to_string(e.seq) + " (" + e.type +
                                                 ") names lot " + lot + ", never received");
  return **row;
}

Status AddHistory(storage::Database& db, const ledger::LedgerEntry& e, const std::string& lot,
                  const std::string& event, const std::string& state, double quantity,
                  double change, const std::string& reason, const Json& detail) {
  return Run(db,
             "INSERT INTO lot_history(seq, lot, time_us, actor, role, event, state, quantity, "
             "change, reason, detail) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
             [&](storage::Statement& s) {
               s.Bind(1, e.seq).Bind(2, lot).Bind(3, e.time_us).Bind(4, e.actor).Bind(5, e.role);
               s.Bind(6, event).Bind(7, state).Bind(8, Num(quantity)).Bind(9, Num(change));
               s.Bind(10, reason).Bind(11, CanonicalJson(detail));
             });
}

// Sets the lot's state (and held_from, reason), then records the history row.
Status Transition(storage::Database& db, const ledger::LedgerEntry& e, const std::string& lot,
                  const std::string& event, LotState state, const std::string& held_from,
                  const std::string& reason) {
  auto row = Existing(db, e, lot);
  if (!row.ok()) return row.error();
  const std::string name = LotStateName(state);
  ORDO_TRY(Run(db, "UPDATE lot SET state = ?, held_from = ?, reason = ? WHERE lot = ?",
               [&](storage::Statement& s) {
                 s.Bind(1, name).Bind(2, held_from);
                 s.Bind(3, reason.empty() ? row->reason : reason).Bind(4, lot);
               }));
  return AddHistory(db, e, lot, event, name, row->lot.quantity, 0, reason, Json::object());
}

Status ProjectReceived(storage::Database& db, const ledger::LedgerEntry& e, const LotReceived& p) {
  const std::string state = LotStateName(LotState::kQuarantined);
  ORDO_TRY(Run(db,
               "INSERT INTO lot(lot, material, supplier, supplier_lot, given_quantity, unit, "
               "received_quantity, quantity, base_unit, expiry, retest, state, held_from, "
               "reason, source, received_seq, received_us) "
               "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,'','',?,?,?)",
               [&](storage::Statement& s) {
                 s.Bind(1, p.lot).Bind(2, p.material).Bind(3, p.supplier).Bind(4, p.supplier_lot);
                 s.Bind(5, Num(p.quantity)).Bind(6, p.unit).Bind(7, Num(p.base_quantity));
                 s.Bind(8, Num(p.base_quantity)).Bind(9, p.base_unit).Bind(10, p.expiry);
                 s.Bind(11, p.retest).Bind(12, state).Bind(13, p.source).Bind(14, e.seq);
                 s.Bind(15, e.time_us);
               }));
  return AddHistory(db, e, p.lot, "received", state, p.base_quantity, p.base_quantity, "",
                    Json{{"quantity", p.quantity}, {"unit", p.unit}, {"source", p.source}});
}

Status ProjectConsumed(storage::Database& db, const ledger::LedgerEntry& e,
                       const MaterialConsumed& p) {
  auto row = Existing(db, e, p.lot);
  if (!row.ok()) return row.error();
  double left = row->lot.quantity - p.base_quantity;
  if (left <= QuantityTolerance(row->lot)) left = 0;  // never below zero
  const std::string state = left == 0 ? LotStateName(LotState::kConsumed) : row->lot.state;
  ORDO_TRY(Run(db, "UPDATE lot SET quantity = ?, state = ? WHERE lot = ?",
               [&](storage::Statement& s) { s.Bind(1, Num(left)).Bind(2, state).Bind(3, p.lot); }));
  ORDO_TRY(Run(db,
               "INSERT INTO lot_consumption(seq, lot, material, order_id, operation, "
               "bom_material, base_quantity, actor, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [&](storage::Statement& s) {
                 s.Bind(1, e.seq).Bind(2, p.lot).Bind(3, p.material).Bind(4, p.order_id);
                 s.Bind(5, p.operation).Bind(6, p.bom_material).Bind(7, Num(p.base_quantity));
                 s.Bind(8, e.actor).Bind(9, p.user_id);
               }));
  Json detail{{"quantity", p.quantity},   {"unit", p.unit},
              {"order_id", p.order_id},   {"operation", p.operation},
              {"work_unit", p.work_unit}, {"bom_material", p.bom_material},
              {"alternate", p.alternate}, {"over_consumption", p.over_consumption}};
  return AddHistory(db, e, p.lot, "consumed", state, left, -(row->lot.quantity - left), "", detail);
}

Status ProjectProduced(storage::Database& db, const ledger::LedgerEntry& e, const LotProduced& p) {
  const std::string state = LotStateName(LotState::kQuarantined);
  const std::string location = p.location.empty() ? p.work_unit : p.location;
  ORDO_TRY(Run(db,
               "INSERT INTO lot(lot, material, supplier, supplier_lot, given_quantity, unit, "
               "received_quantity, quantity, base_unit, expiry, retest, state, held_from, "
               "reason, source, received_seq, received_us, location, origin, order_id) "
               "VALUES(?,?,'','',?,?,?,?,?,?,'',?,'','','produced',?,?,?,'produced',?)",
               [&](storage::Statement& s) {
                 s.Bind(1, p.lot).Bind(2, p.material).Bind(3, Num(p.quantity)).Bind(4, p.unit);
                 s.Bind(5, Num(p.base_quantity)).Bind(6, Num(p.base_quantity));
                 s.Bind(7, p.base_unit).Bind(8, p.expiry).Bind(9, state).Bind(10, e.seq);
                 s.Bind(11, e.time_us).Bind(12, location).Bind(13, p.order_id);
               }));
  return AddHistory(db, e, p.lot, "produced", state, p.base_quantity, p.base_quantity, "",
                    Json{{"quantity", p.quantity},
                         {"unit", p.unit},
                         {"order_id", p.order_id},
                         {"operation", p.operation},
                         {"work_unit", p.work_unit},
                         {"location", location}});
}

Status SetQuantity(storage::Database& db, const std::string& lot, double quantity,
                   const std::string& state) {
  return Run(db, "UPDATE lot SET quantity = ?, state = ? WHERE lot = ?",
             [&](storage::Statement& s) { s.Bind(1, Num(quantity)).Bind(2, state).Bind(3, lot); });
}

Status ProjectSplit(storage::Database& db, const ledger::LedgerEntry& e, const LotSplit& p) {
  auto row = Existing(db, e, p.lot);
  if (!row.ok()) return row.error();
  const Lot& l = row->lot;
  double left = l.quantity - p.base_quantity;
  if (left <= QuantityTolerance(l)) left = 0;  // never below zero
  ORDO_TRY(SetQuantity(db, p.lot, left, l.state));
  ORDO_TRY(AddHistory(db, e, p.lot, "split", l.state, left, -(l.quantity - left), p.reason,
                      Json{{"sublot", p.sublot}, {"location", p.location}}));
  ORDO_TRY(Run(db,
               "INSERT INTO lot(lot, material, supplier, supplier_lot, given_quantity, unit, "
               "received_quantity, quantity, base_unit, expiry, retest, state, held_from, "
               "reason, source, received_seq, received_us, location, origin, order_id) "
               "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,'',?,?,?,?,'split',?)",
               [&](storage::Statement& s) {
                 s.Bind(1, p.sublot).Bind(2, l.material).Bind(3, l.supplier);
                 s.Bind(4, l.supplier_lot).Bind(5, Num(p.base_quantity)).Bind(6, l.base_unit);
                 s.Bind(7, Num(p.base_quantity)).Bind(8, Num(p.base_quantity));
                 s.Bind(9, l.base_unit).Bind(10, l.expiry).Bind(11, l.retest).Bind(12, l.state);
                 s.Bind(13, l.held_from).Bind(14, row->source).Bind(15, e.seq);
                 s.Bind(16, e.time_us).Bind(17, p.location).Bind(18, l.order_id);
               }));
  return AddHistory(db, e, p.sublot, "split_off", l.state, p.base_quantity, p.base_quantity,
                    p.reason, Json{{"parent", p.lot}, {"location", p.location}});
}

Status ProjectMerged(storage::Database& db, const ledger::LedgerEntry& e, const LotsMerged& p) {
  auto into = Existing(db, e, p.into);
  if (!into.ok()) return into.error();
  double total = into->lot.quantity, added = 0;
  Json sources = Json::array();
  for (const auto& f : p.from) {
    auto row = Existing(db, e, f.lot);
    if (!row.ok()) return row.error();
    ORDO_TRY(SetQuantity(db, f.lot, 0, LotStateName(LotState::kConsumed)));
    ORDO_TRY(AddHistory(db, e, f.lot, "merged_away", LotStateName(LotState::kConsumed), 0,
                        -row->lot.quantity, p.reason, Json{{"into", p.into}}));
    total += f.base_quantity;
    added += f.base_quantity;
    sources.push_back({{"lot", f.lot}, {"base_quantity", f.base_quantity}});
  }
  ORDO_TRY(SetQuantity(db, p.into, total, into->lot.state));
  return AddHistory(db, e, p.into, "merged", into->lot.state, total, added, p.reason,
                    Json{{"from", sources}});
}

Status ProjectMoved(storage::Database& db, const ledger::LedgerEntry& e, const LotMoved& p) {
  auto row = Existing(db, e, p.lot);
  if (!row.ok()) return row.error();
  ORDO_TRY(Run(db, "UPDATE lot SET location = ? WHERE lot = ?",
               [&](storage::Statement& s) { s.Bind(1, p.to_location).Bind(2, p.lot); }));
  return AddHistory(db, e, p.lot, "moved", row->lot.state, row->lot.quantity, 0, p.reason,
                    Json{{"from_location", p.from_location}, {"to_location", p.to_location}});
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"lots",
                         {store::Migration{1, kTablesV1}, store::Migration{2, kTablesV2},
                          store::Migration{3, kTablesV3}},
                         {{"lot", "lot"}, {"lot_history", "seq, lot"}, {"lot_consumption", "seq"}}};
}

void RegisterGuards() {
  store::RegisterGuardedTable({"lot",
                               {"lot"},
                               {"lot",
                                "material",
                                "supplier",
                                "supplier_lot",
                                "given_quantity",
                                "unit",
                                "received_quantity",
                                "quantity",
                                "base_unit",
                                "expiry",
                                "retest",
                                "state",
                                "held_from",
                                "reason",
                                "source",
                                "received_seq",
                                "received_us",
                                "location",
                                "origin",
                                "order_id"}});
  store::RegisterGuardedTable({"lot_consumption",
                               {"seq"},
                               {"seq", "lot", "material", "order_id", "operation", "bom_material",
                                "base_quantity", "actor", "user_id"}});
}

void RegisterProjectors() {
  store::RegisterProjector<LotReceived>(&ProjectReceived);
  store::RegisterProjector<LotReleased>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const LotReleased& p) {
        return Transition(db, e, p.lot, "released", LotState::kReleased, "", "");
      });
  store::RegisterProjector<LotRejected>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const LotRejected& p) {
        return Transition(db, e, p.lot, "rejected", LotState::kRejected, "", p.reason);
      });
  store::RegisterProjector<LotHeld>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const LotHeld& p) -> Status {
        auto row = Existing(db, e, p.lot);
        if (!row.ok()) return row.error();
        return Transition(db, e, p.lot, "held", LotState::kOnHold, row->lot.state, p.reason);
      });
  store::RegisterProjector<LotHoldLifted>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const LotHoldLifted& p) -> Status {
        auto row = Existing(db, e, p.lot);
        if (!row.ok()) return row.error();
        const LotState back = ParseLotState(row->lot.held_from).value_or(LotState::kQuarantined);
        return Transition(db, e, p.lot, "hold_lifted", back, "", p.reason);
      });
  store::RegisterProjector<MaterialConsumed>(&ProjectConsumed);
  store::RegisterProjector<LotProduced>(&ProjectProduced);
  store::RegisterProjector<LotSplit>(&ProjectSplit);
  store::RegisterProjector<LotsMerged>(&ProjectMerged);
  store::RegisterProjector<LotMoved>(&ProjectMoved);
}

LotReceived ReceiptOf(const LotRow& row) {
  LotReceived r;
  r.lot = row.lot.lot;
  r.material = row.lot.material;
  r.supplier = row.lot.supplier;
  r.supplier_lot = row.lot.supplier_lot;
  r.quantity = row.given_quantity;
  r.unit = row.unit;
  r.base_quantity = row.lot.received_quantity;
  r.base_unit = row.lot.base_unit;
  r.expiry = row.lot.expiry;
  r.retest = row.lot.retest;
  r.source = row.source;
  return r;
}

Result<std::optional<LotRow>> FindLotRow(storage::Database& db, const std::string& lot) {
  return storage::FirstRow<LotRow>(
      db, std::string(kSelect) + "WHERE lot = ?", [&](storage::Statement& s) { s.Bind(1, lot); },
      FromRow);
}

Result<std::optional<LotRow>> CheckedLot(storage::Database& db, const std::string& lot) {
  auto row = FindLotRow(db, lot);
  if (!row.ok() || !*row) return row;
  ORDO_TRY(store::CheckSealedRow(db, "lot", {lot}));
  return row;
}

Result<std::vector<LotRow>> ListLots(storage::Database& db, const std::string& material,
                                     const std::string& status, const std::string& today,
                                     std::int64_t limit) {
  // expired (EffectiveLotStatus): a usable state and a use-by date before today.
  const std::string expired =
      "(state IN ('quarantined','released','on_hold') AND ((expiry <> '' AND expiry < ?3) OR "
      "(retest <> '' AND retest < ?3)))";
  std::string where = "WHERE (?1 = '' OR material = ?1) AND ";
  if (status.empty())
    where += "1 ";
  else if (status == "expired")
    where += expired + " ";
  else
    where += "state = ?2 AND NOT " + expired + " ";
  return storage::Rows<LotRow>(
      db, std::string(kSelect) + where + "ORDER BY received_seq DESC LIMIT ?4",
      [&](storage::Statement& s) {
        s.Bind(1, material).Bind(2, status).Bind(3, today).Bind(4, limit);
      },
      FromRow);
}

Result<std::vector<LotRow>> QuarantinedLotsOfNoOrder(storage::Database& db, std::int64_t limit) {
  return storage::Rows<LotRow>(
      db,
      std::string(kSelect) +
          "WHERE state = 'quarantined' AND order_id = '' ORDER BY received_seq LIMIT ?",
      [&](storage::Statement& s) { s.Bind(1, limit); }, FromRow);
}

Result<std::vector<LotRow>> LotRowsOfSupplierLot(storage::Database& db, const std::string& material,
                                                 const std::string& supplier_lot) {
  return storage::Rows<LotRow>(
      db, std::string(kSelect) + "WHERE material = ? AND supplier_lot = ? ORDER BY received_seq",
      [&](storage::Statement& s) { s.Bind(1, material).Bind(2, supplier_lot); }, FromRow);
}

Result<std::vector<HistoryRow>> HistoryOf(storage::Database& db, const std::string& lot) {
  return storage::Rows<HistoryRow>(
      db,
      "SELECT seq, time_us, actor, role, event, state, quantity, change, reason, detail "
      "FROM lot_history WHERE lot = ? ORDER BY seq DESC",
      [&](storage::Statement& s) { s.Bind(1, lot); },
      [](const storage::Statement& s) {
        HistoryRow h;
        h.seq = s.Int(0);
        h.time_us = s.Int(1);
        h.actor = s.Text(2);
        h.role = s.Text(3);
        h.event = s.Text(4);
        h.state = s.Text(5);
        h.quantity = ParseNum(s.Text(6));
        h.change = ParseNum(s.Text(7));
        h.reason = s.Text(8);
        h.detail = Json::parse(s.Text(9), nullptr, false);
        if (h.detail.is_discarded()) h.detail = Json::object();
        return h;
      });
}

}  // namespace ordo::lots
