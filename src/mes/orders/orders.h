// The orders capability's public read API: a work order, its pinned bill of materials and
// its operations with their states, for other capabilities (execution, dispatch) and the
// endpoints. Every reader checks each row against its seal (ord_order, ord_operation and
// ord_bom are guarded tables, docs/decisions/0006-projection-integrity.md) and fails with
// integrity_violation naming the row when one does not match. Implemented in
// store/orders_reads.cc. Not thread-safe per storage::Database, like every query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "storage/database.h"

namespace ordo::orders {

// An order (ord_order). Quantities in `unit` and in the product material's base unit; the
// release fields (routing, material, versions, batch_size, scale, released_us) are empty
// or 0 until it is released. `held_from` is the state an on_hold order was held from
// ("" otherwise). States: domain/states.h.
struct Order {
  std::string order_id, product, unit, base_unit, due_date, customer_order, state, held_from,
      routing, material;
  double quantity = 0, base_quantity = 0, batch_size = 0, scale = 0;
  TimeMicros due_us = 0, created_us = 0, released_us = 0;
  int priority = 5;
  std::int64_t product_version = 0, routing_version = 0, created_seq = 0;
  // Beyond the contract's fields: where it came from ("api" | "import"), the hashes of
  // the pinned versions, and the reason of the latest hold, resume, cancel or close.
  std::string source, product_hash, routing_hash, state_reason;
};

// One operation of a released order (ord_operation), in routing order. `spec` is the
// pinned routing operation's whole content (parameters, characteristics,
// second_person_verification, instructions, attachments, qualifications).
struct PinnedOperation {
  std::string order_id, operation, name, operation_class, work_center_class, state, work_unit;
  int position = 0;
  std::vector<std::string> predecessors;
  double planned_quantity = 0, setup_minutes = 0, run_minutes = 0, good = 0, scrap = 0, rework = 0;
  Json spec = Json::object();
  TimeMicros started_us = 0, completed_us = 0;
  // Beyond the contract's fields: the verifier's login name ("" until verified) and the
  // routing's ideal seconds per unit.
  std::string verified_by;
  double ideal_cycle_seconds = 0;
  // Who started and who completed it (user ids, 0 until then): performers, whom the
  // second-person verification must not be.
  std::int64_t started_by_id = 0, completed_by_id = 0;
  // The grants that satisfied the operation's qualifications at its start
  // ([{qualification, grant_id, valid_until}], orders.operation_started; [] before it).
  Json start_qualifications = Json::array();
};

// One line of a released order's bill of materials (ord_bom), for the whole order.
struct PinnedBomItem {
  std::string order_id, material, unit, base_unit;
  double quantity = 0, base_quantity = 0, scrap_factor = 0;
  std::vector<std::string> alternates;
  std::string operation;  // the routing operation that consumes it; "" = any
};

// The order `order_id`, or nullopt.
Result<std::optional<Order>> FindOrder(storage::Database& db, const std::string& order_id);
// Its operations by position (empty before the release).
Result<std::vector<PinnedOperation>> OperationsOf(storage::Database& db,
                                                  const std::string& order_id);
// Its bill of materials by material id (empty before the release).
Result<std::vector<PinnedBomItem>> BomOf(storage::Database& db, const std::string& order_id);
// Every operation of orders in state released or in_progress (for dispatch), by order id
// and position.
Result<std::vector<PinnedOperation>> OpenOperations(storage::Database& db);
// An operation of an open order as the dispatch list needs it: the pinned operation
// without its spec, and the one field of the spec that decides whether it is done
// (second_person_verification).
struct OpenOperation {
  std::string order_id, operation, name, operation_class, work_center_class, state, work_unit;
  int position = 0;
  std::vector<std::string> predecessors;
  double planned_quantity = 0, setup_minutes = 0, run_minutes = 0;
  TimeMicros completed_us = 0;
  bool needs_verification = false;
};

// An open order (released or in_progress) with every one of its operations by position.
struct OpenOrderWork {
  Order order;
  std::vector<OpenOperation> operations;
};

// Every open order that has an operation for work center class `work_center_class` (or
// one that names no class, which any work center may run), by order id, each with all of
// its operations (a candidate's predecessors and the order's remaining minutes need the
// others too). One read of each row, each order and operation row checked against its
// seal on the content read (the specs are covered by the seal but not parsed). For
// dispatch; OpenOperations gives whole pinned operations.
Result<std::vector<OpenOrderWork>> OpenWorkForClass(storage::Database& db,
                                                    const std::string& work_center_class);
// The operations running or paused on `work_unit`, whatever their order's state (a held
// order's running operation still occupies its work unit), except those of cancelled or
// closed orders; each row seal-checked.
Result<std::vector<PinnedOperation>> RunningOnWorkUnit(storage::Database& db,
                                                       const std::string& work_unit);

}  // namespace ordo::orders
