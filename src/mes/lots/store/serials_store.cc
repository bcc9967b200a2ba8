// serial_unit and serial_sequence: migrations, projectors and queries (serials_store.h,
// and the serial readers of lots.h).
#include "mes/lots/store/serials_store.h"

#include "ledger/event_type.h"
#include "mes/lots/domain/serial_actions.h"
#include "mes/lots/events.h"
#include "mes/lots/lots.h"
#include "storage/rows.h"
#include "store/projector.h"
#include "store/row_seal.h"

namespace ordo::lots {

namespace {

constexpr const char* kSerialTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS serial_unit(
  serial TEXT PRIMARY KEY,
  material TEXT NOT NULL,
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  work_unit TEXT NOT NULL,
  source TEXT NOT NULL,
  state TEXT NOT NULL,
  produced_seq INTEGER NOT NULL,
  produced_us INTEGER NOT NULL,
  consumed_order_id TEXT NOT NULL,
  consumed_operation TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS serial_unit_by_order ON serial_unit(order_id, produced_seq);
CREATE INDEX IF NOT EXISTS serial_unit_by_material ON serial_unit(material, produced_seq);
CREATE TABLE IF NOT EXISTS serial_sequence(
  material TEXT NOT NULL,
  stem TEXT NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY(material, stem));
)sql";

// Quality states (issue 11): a produced serial is born quarantined and released with its
// batch. Rows of earlier releases read `produced`: they become quarantined, as a replay
// of their lots.serial_produced entries now gives. The BOM item a serial was consumed for
// counts it toward the item's over-consumption check; it is taken from the stored
// lots.serial_consumed entry, as a replay gives it. Indexes for the serial listing and
// for the serials consumed into an order.
constexpr const char* kSerialTablesV2 = R"sql(
ALTER TABLE serial_unit ADD COLUMN consumed_bom_material TEXT NOT NULL DEFAULT '';
UPDATE serial_unit SET state = 'quarantined' WHERE state = 'produced';
UPDATE serial_unit SET consumed_bom_material = COALESCE((SELECT json_extract(l.payload,
  '$.bom_material') FROM ledger l WHERE l.type = 'lots.serial_consumed' AND
  l.subject_kind = 'serial' AND l.subject_id = serial_unit.serial ORDER BY l.seq DESC
  LIMIT 1), '') WHERE state = 'consumed';
CREATE INDEX IF NOT EXISTS serial_unit_by_consumed_order ON serial_unit(consumed_order_id);
CREATE INDEX IF NOT EXISTS serial_unit_by_state ON serial_unit(state, produced_seq);
)sql";

// Quality actions on single serials (hold, lift-hold, reject, release, list hold): the
// state a hold came from, so that lifting it returns there, and the latest hold's,
// lift's or rejection's reason. Rows before it were never held: both empty.
constexpr const char* kSerialTablesV3 = R"sql(
ALTER TABLE serial_unit ADD COLUMN held_from TEXT NOT NULL DEFAULT '';
ALTER TABLE serial_unit ADD COLUMN reason TEXT NOT NULL DEFAULT '';
)sql";

constexpr const char* kSelect =
    "SELECT serial, material, order_id, operation, work_unit, source, state, produced_seq, "
    "produced_us, consumed_order_id, consumed_operation, consumed_bom_material, held_from, "
    "reason FROM serial_unit ";

SerialUnit FromRow(const storage::Statement& s) {
  SerialUnit u;
  u.serial = s.Text(0);
  u.material = s.Text(1);
  u.order_id = s.Text(2);
  u.operation = s.Text(3);
  u.work_unit = s.Text(4);
  u.source = s.Text(5);
  u.state = s.Text(6);
  u.produced_seq = s.Int(7);
  u.produced_us = s.Int(8);
  u.consumed_order_id = s.Text(9);
  u.consumed_operation = s.Text(10);
  u.consumed_bom_material = s.Text(11);
  u.held_from = s.Text(12);
  u.reason = s.Text(13);
  return u;
}

using storage::Run;

Status ProjectSerialProduced(storage::Database& db, const ledger::LedgerEntry& e,
                             const SerialProduced& p) {
  ORDO_TRY(Run(db,
               "INSERT INTO serial_unit(serial, material, order_id, operation, work_unit, "
               "source, state, produced_seq, produced_us, consumed_order_id, "
               "consumed_operation) VALUES(?,?,?,?,?,?,?,?,?,'','')",
               [&](storage::Statement& s) {
                 s.Bind(1, p.serial).Bind(2, p.material).Bind(3, p.order_id);
                 s.Bind(4, p.operation).Bind(5, p.work_unit).Bind(6, p.source);
                 s.Bind(7, std::string(kSerialQuarantined)).Bind(8, e.seq).Bind(9, e.time_us);
               }));
  if (p.stem.empty()) return Ok();
  return Run(
      db,
      "INSERT INTO serial_sequence(material, stem, last_number) VALUES(?,?,?) "
      "ON CONFLICT(material, stem) DO UPDATE SET last_number = "
      "MAX(last_number, excluded.last_number)",
      [&](storage::Statement& s) { s.Bind(1, p.material).Bind(2, p.stem).Bind(3, p.number); });
}

Status ProjectSerialConsumed(storage::Database& db, const ledger::LedgerEntry& e,
                             const SerialConsumed& p) {
  auto row = FindSerialRow(db, p.serial);
  if (!row.ok()) return row.error();
  if (!*row)
    return Error::Make(ErrorCode::kInternal, "seq " + std::to_string(e.seq) + " (" + e.type +
                                                 ") names serial " + p.serial + ", never produced");
  return Run(db,
             "UPDATE serial_unit SET state = ?, consumed_order_id = ?, consumed_operation = ?, "
             "consumed_bom_material = ? WHERE serial = ?",
             [&](storage::Statement& s) {
               s.Bind(1, std::string(kSerialConsumed)).Bind(2, p.order_id);
               s.Bind(3, p.operation).Bind(4, p.bom_material).Bind(5, p.serial);
             });
}

// Each serial listed must exist and be quarantined (the release decided on it).
Status ProjectSerialsReleased(storage::Database& db, const ledger::LedgerEntry& e,
                              const SerialsReleased& p) {
  for (const std::string& serial : p.serials) {
    auto row = FindSerialRow(db, serial);
    if (!row.ok()) return row.error();
    if (!*row || (*row)->state != kSerialQuarantined)
      return Error::Make(ErrorCode::kInternal,
                         "seq " + std::to_string(e.seq) + " (" + e.type + ") releases serial " +
                             serial + (*row ? ", which is " + (*row)->state : ", never produced"));
    ORDO_TRY(Run(
        db, "UPDATE serial_unit SET state = ? WHERE serial = ?",
        [&](storage::Statement& s) { s.Bind(1, std::string(kSerialReleased)).Bind(2, serial); }));
  }
  return Ok();
}

// The row of `serial` named by entry `e`, which must exist and be in one of `from` (the
// decision checked it): else the ledger and the projection disagree (internal).
Result<SerialUnit> RowInState(storage::Database& db, const ledger::LedgerEntry& e,
                              const std::string& serial, std::initializer_list<const char*> from) {
  auto row = FindSerialRow(db, serial);
  if (!row.ok()) return row.error();
  bool allowed = false;
  if (*row)
    for (const char* state : from) allowed = allowed || (*row)->state == state;
  if (!allowed)
    return Error::Make(ErrorCode::kInternal,
                       "seq " + std::to_string(e.seq) + " (" + e.type + ") names serial " + serial +
                           (*row ? ", which is " + (*row)->state : ", never produced"));
  return **row;
}

Status SetState(storage::Database& db, const std::string& serial, const std::string& state,
                const std::string& held_from, const std::string& reason) {
  return Run(db, "UPDATE serial_unit SET state = ?, held_from = ?, reason = ? WHERE serial = ?",
             [&](storage::Statement& s) {
               s.Bind(1, state).Bind(2, held_from).Bind(3, reason).Bind(4, serial);
             });
}

Status HoldOne(storage::Database& db, const ledger::LedgerEntry& e, const std::string& serial,
               const std::string& reason) {
  auto row = RowInState(db, e, serial, {kSerialQuarantined, kSerialReleased});
  if (!row.ok()) return row.error();
  return SetState(db, serial, kSerialOnHold, row->state, reason);
}

Status ProjectSerialHeld(storage::Database& db, const ledger::LedgerEntry& e, const SerialHeld& p) {
  return HoldOne(db, e, p.serial, p.reason);
}

Status ProjectSerialsHeld(storage::Database& db, const ledger::LedgerEntry& e,
                          const SerialsHeld& p) {
  for (const std::string& serial : p.serials) ORDO_TRY(HoldOne(db, e, serial, p.reason));
  return Ok();
}

Status ProjectSerialHoldLifted(storage::Database& db, const ledger::LedgerEntry& e,
                               const SerialHoldLifted& p) {
  auto row = RowInState(db, e, p.serial, {kSerialOnHold});
  if (!row.ok()) return row.error();
  return SetState(db, p.serial, SerialStateAfter(*row, LotAction::kLiftHold), "", p.reason);
}

Status ProjectSerialRejected(storage::Database& db, const ledger::LedgerEntry& e,
                             const SerialRejected& p) {
  auto row = RowInState(db, e, p.serial, {kSerialQuarantined});
  if (!row.ok()) return row.error();
  return SetState(db, p.serial, kSerialRejected, "", p.reason);
}

Status ProjectSerialReleased(storage::Database& db, const ledger::LedgerEntry& e,
                             const SerialReleased& p) {
  auto row = RowInState(db, e, p.serial, {kSerialQuarantined});
  if (!row.ok()) return row.error();
  return SetState(db, p.serial, kSerialReleased, "", row->reason);
}

}  // namespace

store::TableSet SerialTables() {
  return store::TableSet{
      "serials",
      {store::Migration{1, kSerialTablesV1}, store::Migration{2, kSerialTablesV2},
       store::Migration{3, kSerialTablesV3}},
      {{"serial_unit", "serial"}, {"serial_sequence", "material, stem"}}};
}

void RegisterSerialGuards() {
  store::RegisterGuardedTable(
      {"serial_unit",
       {"serial"},
       {"serial", "material", "order_id", "operation", "work_unit", "source", "state",
        "produced_seq", "produced_us", "consumed_order_id", "consumed_operation",
        "consumed_bom_material", "held_from", "reason"}});
  store::RegisterGuardedTable(
      {"serial_sequence", {"material", "stem"}, {"material", "stem", "last_number"}});
}

void RegisterSerialProjectors() {
  store::RegisterProjector<SerialProduced>(&ProjectSerialProduced);
  store::RegisterProjector<SerialConsumed>(&ProjectSerialConsumed);
  store::RegisterProjector<SerialsReleased>(&ProjectSerialsReleased);
  store::RegisterProjector<SerialHeld>(&ProjectSerialHeld);
  store::RegisterProjector<SerialsHeld>(&ProjectSerialsHeld);
  store::RegisterProjector<SerialHoldLifted>(&ProjectSerialHoldLifted);
  store::RegisterProjector<SerialRejected>(&ProjectSerialRejected);
  store::RegisterProjector<SerialReleased>(&ProjectSerialReleased);
}

Result<std::optional<SerialUnit>> FindSerialRow(storage::Database& db, const std::string& serial) {
  return storage::FirstRow<SerialUnit>(
      db, std::string(kSelect) + "WHERE serial = ?",
      [&](storage::Statement& s) { s.Bind(1, serial); }, FromRow);
}

Result<std::vector<SerialUnit>> SerialRowsOfOrder(storage::Database& db,
                                                  const std::string& order_id) {
  return storage::Rows<SerialUnit>(
      db, std::string(kSelect) + "WHERE order_id = ? ORDER BY produced_seq",
      [&](storage::Statement& s) { s.Bind(1, order_id); }, FromRow);
}

Result<std::vector<SerialUnit>> ListSerialRows(storage::Database& db, const SerialFilter& filter) {
  std::string where;
  auto add = [&where](const std::string& clause) {
    where += (where.empty() ? "WHERE " : " AND ") + clause;
  };
  if (!filter.material.empty()) add("material = ?1");
  if (!filter.order_id.empty()) add("order_id = ?2");
  if (!filter.state.empty()) add("state = ?3");
  if (filter.after_seq > 0) add("produced_seq > ?4");
  return storage::Rows<SerialUnit>(
      db, std::string(kSelect) + where + " ORDER BY produced_seq LIMIT ?5",
      [&](storage::Statement& s) {
        if (!filter.material.empty()) s.Bind(1, filter.material);
        if (!filter.order_id.empty()) s.Bind(2, filter.order_id);
        if (!filter.state.empty()) s.Bind(3, filter.state);
        if (filter.after_seq > 0) s.Bind(4, filter.after_seq);
        s.Bind(5, filter.limit);
      },
      FromRow);
}

Result<std::vector<SerialUnit>> SerialsConsumedInto(storage::Database& db,
                                                    const std::string& order_id) {
  auto rows = storage::Rows<SerialUnit>(
      db, std::string(kSelect) + "WHERE consumed_order_id = ? ORDER BY produced_seq",
      [&](storage::Statement& s) { s.Bind(1, order_id); }, FromRow);
  if (!rows.ok()) return rows.error();
  for (const SerialUnit& u : *rows) ORDO_TRY(store::CheckSealedRow(db, "serial_unit", {u.serial}));
  return rows;
}

Result<std::vector<SerialUnit>> QuarantinedSerialsOfOrder(storage::Database& db,
                                                          const std::string& order_id) {
  auto rows = storage::Rows<SerialUnit>(
      db, std::string(kSelect) + "WHERE order_id = ? AND state = ? ORDER BY produced_seq",
      [&](storage::Statement& s) { s.Bind(1, order_id).Bind(2, std::string(kSerialQuarantined)); },
      FromRow);
  if (!rows.ok()) return rows.error();
  for (const SerialUnit& u : *rows) ORDO_TRY(store::CheckSealedRow(db, "serial_unit", {u.serial}));
  return rows;
}

Result<std::optional<SerialUnit>> FindSerial(storage::Database& db, const std::string& serial) {
  auto row = FindSerialRow(db, serial);
  if (!row.ok() || !*row) return row;
  ORDO_TRY(store::CheckSealedRow(db, "serial_unit", {serial}));
  return row;
}

Result<std::int64_t> LastSerialNumber(storage::Database& db, const std::string& material,
                                      const std::string& stem) {
  auto last = storage::FirstRow<std::int64_t>(
      db, "SELECT last_number FROM serial_sequence WHERE material = ? AND stem = ?",
      [&](storage::Statement& s) { s.Bind(1, material).Bind(2, stem); },
      [](const storage::Statement& s) { return s.Int(0); });
  if (!last.ok()) return last.error();
  if (!*last) return std::int64_t{0};
  ORDO_TRY(store::CheckSealedRow(db, "serial_sequence", {material, stem}));
  return **last;
}

}  // namespace ordo::lots
