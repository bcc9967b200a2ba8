// The orders capability's published events (docs/event-schema.md): the life of a work
// order (an ISA-95 production request) from its creation to its closing, with the pinned
// product definition of its release and the states of its operations. Subject kind
// `order`, subject id = the order id, for every event. The operation and order events of
// execution (order_started ... operation_verified) are recorded by the execution
// capability and projected here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::orders {

// The subject kind of every orders event.
inline constexpr const char* kSubjectKind = "order";

// A new order, from the API or an ERP import. Quantities are in `unit` as given and in the
// product material's base unit.
struct OrderCreated {
  static constexpr const char* kType = "orders.order_created";
  static constexpr int kVersion = 1;
  std::string order_id, product;
  double quantity = 0;
  std::string unit;
  double base_quantity = 0;
  std::string base_unit;
  std::string due_date;     // ISO 8601 as given: a date or a date-time with offset
  std::int64_t due_us = 0;  // UTC microseconds (a date alone: the end of that UTC day)
  int priority = 5;         // 1 (most urgent) .. 9
  std::string customer_order;
  std::string source;  // "api" | "import"
};

// One component of a released order's bill of materials, for the whole order.
struct PinnedBomLine {
  std::string material;
  double quantity = 0;  // whole order, in `unit`
  std::string unit;
  double base_quantity = 0;  // whole order, in the component's base unit
  std::string base_unit;
  double scrap_factor = 0;
  std::vector<std::string> alternates;
  // The routing operation that consumes it ("" = any). Written only when set, and
  // optional when read: releases recorded before it existed tie nothing.
  std::string operation;
};

// One operation of a released order, from the pinned routing version.
struct PinnedOperationLine {
  std::string operation;  // the routing's operation id, e.g. "10"
  int position = 0;       // 1-based, routing order
  std::string name, operation_class, work_center_class;
  std::vector<std::string> predecessors;      // resolved: default the previous operation
  double planned_quantity = 0;                // the order's base quantity
  double setup_minutes = 0, run_minutes = 0;  // run_minutes scaled from the batch size
  double ideal_cycle_seconds = 0;
  Json spec = Json::object();  // the routing operation's whole content
};

// The order was released: the whole pinned definition travels in the event, so a replay
// rebuilds it and later master data changes never alter it.
struct OrderReleased {
  static constexpr const char* kType = "orders.order_released";
  static constexpr int kVersion = 1;
  std::string order_id, product;
  std::int64_t product_version = 0;
  std::string product_hash, routing;
  std::int64_t routing_version = 0;
  std::string routing_hash, material, base_unit;
  double batch_size = 0, scale = 1;
  std::vector<PinnedBomLine> bom;
  std::vector<PinnedOperationLine> operations;
};

// A supervisor's state changes; `reason` as given ("" when none was needed).
struct OrderHeld {
  static constexpr const char* kType = "orders.order_held";
  static constexpr int kVersion = 1;
  std::string order_id, reason;
};
struct OrderResumed {
  static constexpr const char* kType = "orders.order_resumed";
  static constexpr int kVersion = 1;
  std::string order_id, reason;
};
// `operations`: the operations the cancellation closed out (pending, in progress or
// paused: each is cancelled). Optional when read: events recorded before it was added
// have none and closed out nothing.
struct OrderCancelled {
  static constexpr const char* kType = "orders.order_cancelled";
  static constexpr int kVersion = 1;
  std::string order_id, reason;
  std::vector<std::string> operations;
};
struct OrderClosed {
  static constexpr const char* kType = "orders.order_closed";
  static constexpr int kVersion = 1;
  std::string order_id, reason;
};

// --- Recorded by execution, projected here ---

// released -> in_progress, at the first operation start.
struct OrderStarted {
  static constexpr const char* kType = "orders.order_started";
  static constexpr int kVersion = 1;
  std::string order_id, operation;
};
// in_progress -> completed, when the last operation is done.
struct OrderCompleted {
  static constexpr const char* kType = "orders.order_completed";
  static constexpr int kVersion = 1;
  std::string order_id;
};
// A qualification the operator held when starting, satisfying one the operation requires.
struct QualificationAtStart {
  std::string qualification;
  std::int64_t grant_id = 0;  // the seq of its personnel.qualification_granted entry
  std::string valid_until;    // YYYY-MM-DD, "" = no expiry
};
// `qualifications`: one per qualification the pinned operation requires, the grant that
// satisfied it. Optional when read: events recorded before it was added have none.
struct OperationStarted {
  static constexpr const char* kType = "orders.operation_started";
  static constexpr int kVersion = 1;
  std::string order_id, operation, work_unit;
  std::int64_t user_id = 0;  // who started it (a performer: never its verifier)
  std::vector<QualificationAtStart> qualifications;
};
struct OperationPaused {
  static constexpr const char* kType = "orders.operation_paused";
  static constexpr int kVersion = 1;
  std::string order_id, operation, reason;
};
struct OperationResumed {
  static constexpr const char* kType = "orders.operation_resumed";
  static constexpr int kVersion = 1;
  std::string order_id, operation;
};
// A coded quantity of scrap or rework.
struct ReasonQuantity {
  std::string code;
  double quantity = 0;
};
struct OperationCompleted {
  static constexpr const char* kType = "orders.operation_completed";
  static constexpr int kVersion = 1;
  std::string order_id, operation, work_unit, unit;
  double good = 0, scrap = 0, rework = 0;
  std::vector<ReasonQuantity> scrap_reasons, rework_reasons;
  std::int64_t user_id = 0;  // who completed it (a performer: never its verifier)
};
// A second person verified the operation (signature.applied with meaning `verified` is in
// the same command).
struct OperationVerified {
  static constexpr const char* kType = "orders.operation_verified";
  static constexpr int kVersion = 1;
  std::string order_id, operation;
  std::int64_t verifier_id = 0;
  std::string verifier;
};

void to_json(Json& j, const OrderCreated& e);
void from_json(const Json& j, OrderCreated& e);
void to_json(Json& j, const PinnedBomLine& e);
void from_json(const Json& j, PinnedBomLine& e);
void to_json(Json& j, const PinnedOperationLine& e);
void from_json(const Json& j, PinnedOperationLine& e);
void to_json(Json& j, const OrderReleased& e);
void from_json(const Json& j, OrderReleased& e);
void to_json(Json& j, const OrderHeld& e);
void from_json(const Json& j, OrderHeld& e);
void to_json(Json& j, const OrderResumed& e);
void from_json(const Json& j, OrderResumed& e);
void to_json(Json& j, const OrderCancelled& e);
void from_json(const Json& j, OrderCancelled& e);
void to_json(Json& j, const OrderClosed& e);
void from_json(const Json& j, OrderClosed& e);
void to_json(Json& j, const OrderStarted& e);
void from_json(const Json& j, OrderStarted& e);
void to_json(Json& j, const OrderCompleted& e);
void from_json(const Json& j, OrderCompleted& e);
void to_json(Json& j, const QualificationAtStart& e);
void from_json(const Json& j, QualificationAtStart& e);
void to_json(Json& j, const OperationStarted& e);
void from_json(const Json& j, OperationStarted& e);
void to_json(Json& j, const OperationPaused& e);
void from_json(const Json& j, OperationPaused& e);
void to_json(Json& j, const OperationResumed& e);
void from_json(const Json& j, OperationResumed& e);
void to_json(Json& j, const ReasonQuantity& e);
void from_json(const Json& j, ReasonQuantity& e);
void to_json(Json& j, const OperationCompleted& e);
void from_json(const Json& j, OperationCompleted& e);
void to_json(Json& j, const OperationVerified& e);
void from_json(const Json& j, OperationVerified& e);

}  // namespace ordo::orders
