// Execution's tables: migrations, projectors and the seals of the tables decisions read.
#include "mes/execution/store/execution_store.h"

#include "storage/rows.h"
#include "store/projector.h"
#include "store/row_seal.h"

namespace ordo::execution {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS exec_acknowledgement(
  seq INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  instruction_hash TEXT NOT NULL,
  payload TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_us INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS exec_ack_by_op ON exec_acknowledgement(order_id, operation, user_id);
CREATE TABLE IF NOT EXISTS exec_parameter(
  seq INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  name TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  in_limits INTEGER NOT NULL,
  late INTEGER NOT NULL,
  payload TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_us INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS exec_parameter_by_op ON exec_parameter(order_id, operation, name);
CREATE TABLE IF NOT EXISTS exec_characteristic(
  seq INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  name TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  in_spec INTEGER NOT NULL,
  late INTEGER NOT NULL,
  payload TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_us INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS exec_characteristic_by_op
  ON exec_characteristic(order_id, operation, name);
CREATE TABLE IF NOT EXISTS exec_exception(
  seq INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  blocks_completion INTEGER NOT NULL,
  disposition_seq INTEGER,
  payload TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_us INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS exec_exception_by_op ON exec_exception(order_id, operation);
CREATE TABLE IF NOT EXISTS exec_refusal(
  seq INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  command TEXT NOT NULL,
  code TEXT NOT NULL,
  payload TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_us INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS exec_refusal_by_op ON exec_refusal(order_id, operation);
)sql";

std::string PayloadText(const Json& payload) { return CanonicalJson(payload); }

using storage::Run;

template <typename P>
Json PayloadOf(const P& p) {
  Json j;
  to_json(j, p);
  return j;
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"execution",
                         {store::Migration{1, kTablesV1}},
                         {{"exec_acknowledgement", "seq"},
                          {"exec_parameter", "seq"},
                          {"exec_characteristic", "seq"},
                          {"exec_exception", "seq"},
                          {"exec_refusal", "seq"}}};
}

void RegisterGuards() {
  store::RegisterGuardedTable({"exec_acknowledgement",
                               {"seq"},
                               {"seq", "order_id", "operation", "user_id", "instruction_hash",
                                "payload", "actor", "time_us"}});
  store::RegisterGuardedTable({"exec_parameter",
                               {"seq"},
                               {"seq", "order_id", "operation", "name", "user_id", "in_limits",
                                "late", "payload", "actor", "time_us"}});
  store::RegisterGuardedTable({"exec_characteristic",
                               {"seq"},
                               {"seq", "order_id", "operation", "name", "user_id", "in_spec",
                                "late", "payload", "actor", "time_us"}});
  store::RegisterGuardedTable(
      {"exec_exception",
       {"seq"},
       {"seq", "order_id", "operation", "kind", "subject", "blocks_completion", "disposition_seq",
        "payload", "actor", "time_us"}});
}

void RegisterProjectors() {
  store::RegisterProjector<InstructionsAcknowledged>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const InstructionsAcknowledged& p) {
        return Run(db,
                   "INSERT INTO exec_acknowledgement(seq, order_id, operation, user_id, "
                   "instruction_hash, payload, actor, time_us) VALUES(?,?,?,?,?,?,?,?)",
                   [&](storage::Statement& s) {
                     s.Bind(1, e.seq).Bind(2, p.order_id).Bind(3, p.operation);
                     s.Bind(4, p.user_id).Bind(5, p.instruction_hash);
                     s.Bind(6, PayloadText(PayloadOf(p))).Bind(7, e.actor).Bind(8, e.time_us);
                   });
      });
  store::RegisterProjector<ParameterRecorded>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const ParameterRecorded& p) {
        return Run(db,
                   "INSERT INTO exec_parameter(seq, order_id, operation, name, user_id, "
                   "in_limits, late, payload, actor, time_us) VALUES(?,?,?,?,?,?,?,?,?,?)",
                   [&](storage::Statement& s) {
                     s.Bind(1, e.seq).Bind(2, p.order_id).Bind(3, p.operation).Bind(4, p.name);
                     s.Bind(5, p.user_id).Bind(6, std::int64_t{p.in_limits ? 1 : 0});
                     s.Bind(7, std::int64_t{p.late ? 1 : 0});
                     s.Bind(8, PayloadText(PayloadOf(p))).Bind(9, e.actor).Bind(10, e.time_us);
                   });
      });
  store::RegisterProjector<CharacteristicRecorded>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const CharacteristicRecorded& p) {
        return Run(db,
                   "INSERT INTO exec_characteristic(seq, order_id, operation, name, user_id, "
                   "in_spec, late, payload, actor, time_us) VALUES(?,?,?,?,?,?,?,?,?,?)",
                   [&](storage::Statement& s) {
                     s.Bind(1, e.seq).Bind(2, p.order_id).Bind(3, p.operation).Bind(4, p.name);
                     s.Bind(5, p.user_id).Bind(6, std::int64_t{p.in_spec ? 1 : 0});
                     s.Bind(7, std::int64_t{p.late ? 1 : 0});
                     s.Bind(8, PayloadText(PayloadOf(p))).Bind(9, e.actor).Bind(10, e.time_us);
                   });
      });
  store::RegisterProjector<ExceptionRecorded>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const ExceptionRecorded& p) {
        return Run(db,
                   "INSERT INTO exec_exception(seq, order_id, operation, kind, subject, "
                   "blocks_completion, disposition_seq, payload, actor, time_us) "
                   "VALUES(?,?,?,?,?,?,NULL,?,?,?)",
                   [&](storage::Statement& s) {
                     s.Bind(1, e.seq).Bind(2, p.order_id).Bind(3, p.operation).Bind(4, p.kind);
                     s.Bind(5, p.subject).Bind(6, std::int64_t{p.blocks_completion ? 1 : 0});
                     s.Bind(7, PayloadText(PayloadOf(p))).Bind(8, e.actor).Bind(9, e.time_us);
                   });
      });
  store::RegisterProjector<CommandRefused>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const CommandRefused& p) {
        return Run(db,
                   "INSERT INTO exec_refusal(seq, order_id, operation, command, code, payload, "
                   "actor, time_us) VALUES(?,?,?,?,?,?,?,?)",
                   [&](storage::Statement& s) {
                     s.Bind(1, e.seq).Bind(2, p.order_id).Bind(3, p.operation);
                     s.Bind(4, p.command).Bind(5, p.code);
                     s.Bind(6, PayloadText(PayloadOf(p))).Bind(7, e.actor).Bind(8, e.time_us);
                   });
      });
}

}  // namespace ordo::execution
