// The ord_order, ord_operation and ord_bom tables: migration, projectors and guards.
// Quantities are stored as the JSON text of the number (the storage seam binds integers
// and text), read back exactly.
#include "mes/orders/store/orders_store.h"

#include "ledger/event_type.h"
#include "mes/orders/store/detail/columns.h"
#include "storage/rows.h"
#include "store/projector.h"
#include "store/row_seal.h"

namespace ordo::orders {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS ord_order(
  order_id TEXT PRIMARY KEY,
  product TEXT NOT NULL,
  quantity TEXT NOT NULL,
  unit TEXT NOT NULL,
  base_quantity TEXT NOT NULL,
  base_unit TEXT NOT NULL,
  due_date TEXT NOT NULL,
  due_us INTEGER NOT NULL,
  priority INTEGER NOT NULL,
  customer_order TEXT NOT NULL,
  source TEXT NOT NULL,
  state TEXT NOT NULL,
  held_from TEXT NOT NULL DEFAULT '',
  state_reason TEXT NOT NULL DEFAULT '',
  product_version INTEGER NOT NULL DEFAULT 0,
  product_hash TEXT NOT NULL DEFAULT '',
  routing TEXT NOT NULL DEFAULT '',
  routing_version INTEGER NOT NULL DEFAULT 0,
  routing_hash TEXT NOT NULL DEFAULT '',
  material TEXT NOT NULL DEFAULT '',
  batch_size TEXT NOT NULL DEFAULT '0',
  scale TEXT NOT NULL DEFAULT '0',
  created_seq INTEGER NOT NULL,
  created_us INTEGER NOT NULL,
  released_us INTEGER NOT NULL DEFAULT 0,
  updated_seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS ord_order_by_state ON ord_order(state, created_seq);
CREATE INDEX IF NOT EXISTS ord_order_by_product ON ord_order(product, created_seq);

CREATE TABLE IF NOT EXISTS ord_operation(
  order_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  operation_class TEXT NOT NULL,
  work_center_class TEXT NOT NULL,
  predecessors TEXT NOT NULL,
  planned_quantity TEXT NOT NULL,
  setup_minutes TEXT NOT NULL,
  run_minutes TEXT NOT NULL,
  ideal_cycle_seconds TEXT NOT NULL,
  spec TEXT NOT NULL,
  state TEXT NOT NULL,
  work_unit TEXT NOT NULL DEFAULT '',
  started_us INTEGER NOT NULL DEFAULT 0,
  completed_us INTEGER NOT NULL DEFAULT 0,
  good TEXT NOT NULL DEFAULT '0',
  scrap TEXT NOT NULL DEFAULT '0',
  rework TEXT NOT NULL DEFAULT '0',
  verified_by TEXT NOT NULL DEFAULT '',
  started_by_id INTEGER NOT NULL DEFAULT 0,
  completed_by_id INTEGER NOT NULL DEFAULT 0,
  updated_seq INTEGER NOT NULL,
  PRIMARY KEY(order_id, operation));
CREATE INDEX IF NOT EXISTS ord_operation_by_work_unit ON ord_operation(work_unit, state);

CREATE TABLE IF NOT EXISTS ord_bom(
  order_id TEXT NOT NULL,
  material TEXT NOT NULL,
  quantity TEXT NOT NULL,
  unit TEXT NOT NULL,
  base_quantity TEXT NOT NULL,
  base_unit TEXT NOT NULL,
  scrap_factor TEXT NOT NULL,
  alternates TEXT NOT NULL,
  PRIMARY KEY(order_id, material));
)sql";

// The qualifications the operator held at the start (orders.operation_started).
constexpr const char* kTablesV2 = R"sql(
ALTER TABLE ord_operation ADD COLUMN start_qualifications TEXT NOT NULL DEFAULT '[]';
)sql";

// The routing operation a BOM line is tied to ("" = any; orders.order_released).
constexpr const char* kTablesV3 = R"sql(
ALTER TABLE ord_bom ADD COLUMN operation TEXT NOT NULL DEFAULT '';
)sql";

using storage::Run;

Status ProjectCreated(storage::Database& db, const ledger::LedgerEntry& e, const OrderCreated& p) {
  return Run(db,
             "INSERT INTO ord_order(order_id, product, quantity, unit, base_quantity, base_unit, "
             "due_date, due_us, priority, customer_order, source, state, created_seq, "
             "created_us, updated_seq) VALUES(?,?,?,?,?,?,?,?,?,?,?,'created',?,?,?)",
             [&](storage::Statement& s) {
               s.Bind(1, p.order_id).Bind(2, p.product).Bind(3, detail::NumberText(p.quantity));
               s.Bind(4, p.unit).Bind(5, detail::NumberText(p.base_quantity)).Bind(6, p.base_unit);
               s.Bind(7, p.due_date).Bind(8, p.due_us).Bind(9, std::int64_t{p.priority});
               s.Bind(10, p.customer_order).Bind(11, p.source).Bind(12, e.seq);
               s.Bind(13, e.time_us).Bind(14, e.seq);
             });
}

Status ProjectReleased(storage::Database& db, const ledger::LedgerEntry& e,
                       const OrderReleased& p) {
  ORDO_TRY(Run(db,
               "UPDATE ord_order SET state = 'released', product_version = ?, product_hash = ?, "
               "routing = ?, routing_version = ?, routing_hash = ?, material = ?, "
               "batch_size = ?, scale = ?, released_us = ?, updated_seq = ? WHERE order_id = ?",
               [&](storage::Statement& s) {
                 s.Bind(1, p.product_version).Bind(2, p.product_hash).Bind(3, p.routing);
                 s.Bind(4, p.routing_version).Bind(5, p.routing_hash).Bind(6, p.material);
                 s.Bind(7, detail::NumberText(p.batch_size)).Bind(8, detail::NumberText(p.scale));
                 s.Bind(9, e.time_us).Bind(10, e.seq).Bind(11, p.order_id);
               }));
  for (const auto& op : p.operations) {
    ORDO_TRY(Run(
        db,
        "INSERT INTO ord_operation(order_id, operation, position, name, operation_class, "
        "work_center_class, predecessors, planned_quantity, setup_minutes, run_minutes, "
        "ideal_cycle_seconds, spec, state, updated_seq) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,"
        "'pending',?)",
        [&](storage::Statement& s) {
          s.Bind(1, p.order_id).Bind(2, op.operation).Bind(3, std::int64_t{op.position});
          s.Bind(4, op.name).Bind(5, op.operation_class).Bind(6, op.work_center_class);
          s.Bind(7, Json(op.predecessors).dump()).Bind(8, detail::NumberText(op.planned_quantity));
          s.Bind(9, detail::NumberText(op.setup_minutes))
              .Bind(10, detail::NumberText(op.run_minutes));
          s.Bind(11, detail::NumberText(op.ideal_cycle_seconds)).Bind(12, CanonicalJson(op.spec));
          s.Bind(13, e.seq);
        }));
  }
  for (const auto& b : p.bom) {
    ORDO_TRY(
        Run(db,
            "INSERT INTO ord_bom(order_id, material, quantity, unit, base_quantity, "
            "base_unit, scrap_factor, alternates, operation) VALUES(?,?,?,?,?,?,?,?,?)",
            [&](storage::Statement& s) {
              s.Bind(1, p.order_id).Bind(2, b.material).Bind(3, detail::NumberText(b.quantity));
              s.Bind(4, b.unit).Bind(5, detail::NumberText(b.base_quantity)).Bind(6, b.base_unit);
              s.Bind(7, detail::NumberText(b.scrap_factor)).Bind(8, Json(b.alternates).dump());
              s.Bind(9, b.operation);
            }));
  }
  return Ok();
}

// Sets the order's state (`set` is the SET clause after `state = `).
Status SetOrder(storage::Database& db, const ledger::LedgerEntry& e, const std::string& order_id,
                const std::string& set, const std::optional<std::string>& reason) {
  const std::string sql = "UPDATE ord_order SET " + set + ", updated_seq = ?1" +
                          (reason ? ", state_reason = ?3" : "") + " WHERE order_id = ?2";
  return Run(db, sql, [&](storage::Statement& s) {
    s.Bind(1, e.seq).Bind(2, order_id);
    if (reason) s.Bind(3, *reason);
  });
}

Status SetOperation(storage::Database& db, const ledger::LedgerEntry& e,
                    const std::string& order_id, const std::string& operation,
                    const std::string& set,
                    const std::function<void(storage::Statement&)>& bind = {}) {
  const std::string sql = "UPDATE ord_operation SET " + set +
                          ", updated_seq = ?1 WHERE order_id = ?2 AND operation = ?3";
  return Run(db, sql, [&](storage::Statement& s) {
    s.Bind(1, e.seq).Bind(2, order_id).Bind(3, operation);
    if (bind) bind(s);
  });
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"orders",
                         {store::Migration{1, kTablesV1}, store::Migration{2, kTablesV2},
                          store::Migration{3, kTablesV3}},
                         {{"ord_order", "order_id"},
                          {"ord_operation", "order_id, operation"},
                          {"ord_bom", "order_id, material"}}};
}

void RegisterGuards() {
  store::RegisterGuardedTable({"ord_order", {"order_id"}, detail::OrderColumns()});
  store::RegisterGuardedTable(
      {"ord_operation", {"order_id", "operation"}, detail::OperationColumns()});
  store::RegisterGuardedTable({"ord_bom", {"order_id", "material"}, detail::BomColumns()});
}

void RegisterProjectors() {
  using E = const ledger::LedgerEntry&;
  using D = storage::Database&;
  store::RegisterProjector<OrderCreated>(&ProjectCreated);
  store::RegisterProjector<OrderReleased>(&ProjectReleased);
  store::RegisterProjector<OrderHeld>([](D db, E e, const OrderHeld& p) {
    return SetOrder(db, e, p.order_id, "held_from = state, state = 'on_hold'", p.reason);
  });
  store::RegisterProjector<OrderResumed>([](D db, E e, const OrderResumed& p) {
    return SetOrder(db, e, p.order_id, "state = held_from, held_from = ''", p.reason);
  });
  store::RegisterProjector<OrderCancelled>([](D db, E e, const OrderCancelled& p) -> Status {
    ORDO_TRY(SetOrder(db, e, p.order_id, "state = 'cancelled', held_from = ''", p.reason));
    for (const auto& op : p.operations)
      ORDO_TRY(SetOperation(db, e, p.order_id, op, "state = 'cancelled'"));
    return Ok();
  });
  store::RegisterProjector<OrderClosed>([](D db, E e, const OrderClosed& p) {
    return SetOrder(db, e, p.order_id, "state = 'closed'", p.reason);
  });
  store::RegisterProjector<OrderStarted>([](D db, E e, const OrderStarted& p) {
    return SetOrder(db, e, p.order_id, "state = 'in_progress'", std::nullopt);
  });
  store::RegisterProjector<OrderCompleted>([](D db, E e, const OrderCompleted& p) {
    return SetOrder(db, e, p.order_id, "state = 'completed'", std::nullopt);
  });
  store::RegisterProjector<OperationStarted>([](D db, E e, const OperationStarted& p) {
    return SetOperation(db, e, p.order_id, p.operation,
                        "state = 'in_progress', work_unit = ?4, started_us = ?5, "
                        "started_by_id = ?6, start_qualifications = ?7",
                        [&](storage::Statement& s) {
                          s.Bind(4, p.work_unit).Bind(5, e.time_us).Bind(6, p.user_id);
                          s.Bind(7, CanonicalJson(Json(p.qualifications)));
                        });
  });
  store::RegisterProjector<OperationPaused>([](D db, E e, const OperationPaused& p) {
    return SetOperation(db, e, p.order_id, p.operation, "state = 'paused'");
  });
  store::RegisterProjector<OperationResumed>([](D db, E e, const OperationResumed& p) {
    return SetOperation(db, e, p.order_id, p.operation, "state = 'in_progress'");
  });
  store::RegisterProjector<OperationCompleted>([](D db, E e, const OperationCompleted& p) {
    return SetOperation(
        db, e, p.order_id, p.operation,
        "state = 'completed', work_unit = ?4, good = ?5, scrap = ?6, "
        "rework = ?7, completed_us = ?8, completed_by_id = ?9",
        [&](storage::Statement& s) {
          s.Bind(4, p.work_unit).Bind(5, detail::NumberText(p.good));
          s.Bind(6, detail::NumberText(p.scrap)).Bind(7, detail::NumberText(p.rework));
          s.Bind(8, e.time_us).Bind(9, p.user_id);
        });
  });
  store::RegisterProjector<OperationVerified>([](D db, E e, const OperationVerified& p) {
    return SetOperation(db, e, p.order_id, p.operation, "state = 'verified', verified_by = ?4",
                        [&](storage::Statement& s) { s.Bind(4, p.verifier); });
  });
}

OrderCreated CreatedOf(const Order& o) {
  OrderCreated c;
  c.order_id = o.order_id;
  c.product = o.product;
  c.quantity = o.quantity;
  c.unit = o.unit;
  c.base_quantity = o.base_quantity;
  c.base_unit = o.base_unit;
  c.due_date = o.due_date;
  c.due_us = o.due_us;
  c.priority = o.priority;
  c.customer_order = o.customer_order;
  c.source = o.source;
  return c;
}

}  // namespace ordo::orders
