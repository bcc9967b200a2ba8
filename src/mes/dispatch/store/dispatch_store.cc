// The dsp_move table: migration, projector and query.
#include "mes/dispatch/store/dispatch_store.h"

#include "ledger/event_type.h"
#include "mes/dispatch/events.h"
#include "store/projector.h"

namespace ordo::dispatch {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS dsp_move(
  seq INTEGER PRIMARY KEY,
  work_center TEXT NOT NULL,
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  direction TEXT NOT NULL,
  to_position INTEGER NOT NULL,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  time_us INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS dsp_move_by_center ON dsp_move(work_center, seq);
)sql";

Status ProjectMoved(storage::Database& db, const ledger::LedgerEntry& e, const OperationMoved& p) {
  auto st = db.Prepare(
      "INSERT INTO dsp_move(seq, work_center, order_id, operation, direction, to_position, "
      "reason, actor, time_us) VALUES(?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, e.seq).Bind(2, p.work_center).Bind(3, p.order_id).Bind(4, p.operation);
  s.Bind(5, p.direction).Bind(6, std::int64_t{p.to_position}).Bind(7, p.reason);
  s.Bind(8, e.actor).Bind(9, e.time_us);
  return s.Run();
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"dispatch", {store::Migration{1, kTablesV1}}, {{"dsp_move", "seq"}}};
}

void RegisterProjectors() { store::RegisterProjector<OperationMoved>(&ProjectMoved); }

Result<std::vector<Move>> MovesOf(storage::Database& db, const std::string& work_center) {
  auto st = db.Prepare(
      "SELECT seq, order_id, operation, direction, to_position, reason, actor FROM dsp_move "
      "WHERE work_center = ? ORDER BY seq");
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, work_center);
  std::vector<Move> out;
  while (true) {
    auto row = s.Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    Move m;
    m.seq = s.Int(0);
    m.order_id = s.Text(1);
    m.operation = s.Text(2);
    auto direction = ParseDirection(s.Text(3));
    if (!direction.ok()) continue;  // written by this code: cannot happen
    m.direction = *direction;
    m.to_position = static_cast<int>(s.Int(4));
    m.reason = s.Text(5);
    m.by = s.Text(6);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace ordo::dispatch
