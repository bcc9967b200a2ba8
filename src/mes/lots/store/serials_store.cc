// serial_unit and serial_sequence: migrations, projectors and queries (serials_store.h,
// and the serial readers of lots.h).
#include "mes/lots/store/serials_store.h"

#include "ledger/event_type.h"
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

constexpr const char* kSelect =
    "SELECT serial, material, order_id, operation, work_unit, source, state, produced_seq, "
    "produced_us, consumed_order_id, consumed_operation FROM serial_unit ";

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
                 s.Bind(7, std::string(kSerialProduced)).Bind(8, e.seq).Bind(9, e.time_us);
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
             "UPDATE serial_unit SET state = ?, consumed_order_id = ?, consumed_operation = ? "
             "WHERE serial = ?",
             [&](storage::Statement& s) {
               s.Bind(1, std::string(kSerialConsumed)).Bind(2, p.order_id);
               s.Bind(3, p.operation).Bind(4, p.serial);
             });
}

}  // namespace

store::TableSet SerialTables() {
  return store::TableSet{"serials",
                         {store::Migration{1, kSerialTablesV1}},
                         {{"serial_unit", "serial"}, {"serial_sequence", "material, stem"}}};
}

void RegisterSerialGuards() {
  store::RegisterGuardedTable(
      {"serial_unit",
       {"serial"},
       {"serial", "material", "order_id", "operation", "work_unit", "source", "state",
        "produced_seq", "produced_us", "consumed_order_id", "consumed_operation"}});
  store::RegisterGuardedTable(
      {"serial_sequence", {"material", "stem"}, {"material", "stem", "last_number"}});
}

void RegisterSerialProjectors() {
  store::RegisterProjector<SerialProduced>(&ProjectSerialProduced);
  store::RegisterProjector<SerialConsumed>(&ProjectSerialConsumed);
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
