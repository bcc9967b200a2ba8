// The public readers of orders.h and the list query, each row checked against its seal.
#include <cstdlib>

#include "mes/orders/orders.h"
#include "mes/orders/store/detail/columns.h"
#include "mes/orders/store/orders_store.h"
#include "storage/rows.h"
#include "store/row_seal.h"

namespace ordo::orders {

namespace detail {

const std::vector<std::string>& OrderColumns() {
  static const std::vector<std::string> c = {
      "order_id",     "product",  "quantity",        "unit",         "base_quantity",
      "base_unit",    "due_date", "due_us",          "priority",     "customer_order",
      "source",       "state",    "held_from",       "state_reason", "product_version",
      "product_hash", "routing",  "routing_version", "routing_hash", "material",
      "batch_size",   "scale",    "created_seq",     "created_us",   "released_us"};
  return c;
}

const std::vector<std::string>& OperationColumns() {
  static const std::vector<std::string> c = {"order_id",
                                             "operation",
                                             "position",
                                             "name",
                                             "operation_class",
                                             "work_center_class",
                                             "predecessors",
                                             "planned_quantity",
                                             "setup_minutes",
                                             "run_minutes",
                                             "ideal_cycle_seconds",
                                             "spec",
                                             "state",
                                             "work_unit",
                                             "started_us",
                                             "completed_us",
                                             "good",
                                             "scrap",
                                             "rework",
                                             "verified_by",
                                             "started_by_id",
                                             "completed_by_id",
                                             "start_qualifications"};
  return c;
}

const std::vector<std::string>& BomColumns() {
  static const std::vector<std::string> c = {"order_id",     "material",      "quantity",
                                             "unit",         "base_quantity", "base_unit",
                                             "scrap_factor", "alternates",    "operation"};
  return c;
}

std::string Joined(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
  return out;
}

std::string NumberText(double value) { return Json(value).dump(); }

double NumberOf(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

Order OrderFrom(const storage::Statement& s) {
  Order o;
  o.order_id = s.Text(0);
  o.product = s.Text(1);
  o.quantity = NumberOf(s.Text(2));
  o.unit = s.Text(3);
  o.base_quantity = NumberOf(s.Text(4));
  o.base_unit = s.Text(5);
  o.due_date = s.Text(6);
  o.due_us = s.Int(7);
  o.priority = static_cast<int>(s.Int(8));
  o.customer_order = s.Text(9);
  o.source = s.Text(10);
  o.state = s.Text(11);
  o.held_from = s.Text(12);
  o.state_reason = s.Text(13);
  o.product_version = s.Int(14);
  o.product_hash = s.Text(15);
  o.routing = s.Text(16);
  o.routing_version = s.Int(17);
  o.routing_hash = s.Text(18);
  o.material = s.Text(19);
  o.batch_size = NumberOf(s.Text(20));
  o.scale = NumberOf(s.Text(21));
  o.created_seq = s.Int(22);
  o.created_us = s.Int(23);
  o.released_us = s.Int(24);
  return o;
}

std::vector<std::string> IdList(const std::string& json) {
  Json j = Json::parse(json, nullptr, false);
  std::vector<std::string> out;
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::vector<std::optional<std::string>> ContentOf(const storage::Statement& s,
                                                  std::size_t columns) {
  std::vector<std::optional<std::string>> out;
  out.reserve(columns);
  for (int i = 0; i < static_cast<int>(columns); ++i)
    out.push_back(s.IsNull(i) ? std::nullopt : std::optional<std::string>(s.Text(i)));
  return out;
}

}  // namespace detail

namespace {

using detail::IdList;
using detail::NumberOf;
using detail::OrderFrom;

PinnedOperation OperationFrom(const storage::Statement& s) {
  PinnedOperation p;
  p.order_id = s.Text(0);
  p.operation = s.Text(1);
  p.position = static_cast<int>(s.Int(2));
  p.name = s.Text(3);
  p.operation_class = s.Text(4);
  p.work_center_class = s.Text(5);
  p.predecessors = IdList(s.Text(6));
  p.planned_quantity = NumberOf(s.Text(7));
  p.setup_minutes = NumberOf(s.Text(8));
  p.run_minutes = NumberOf(s.Text(9));
  p.ideal_cycle_seconds = NumberOf(s.Text(10));
  p.spec = Json::parse(s.Text(11), nullptr, false);
  if (p.spec.is_discarded()) p.spec = Json::object();
  p.state = s.Text(12);
  p.work_unit = s.Text(13);
  p.started_us = s.Int(14);
  p.completed_us = s.Int(15);
  p.good = NumberOf(s.Text(16));
  p.scrap = NumberOf(s.Text(17));
  p.rework = NumberOf(s.Text(18));
  p.verified_by = s.Text(19);
  p.started_by_id = s.Int(20);
  p.completed_by_id = s.Int(21);
  p.start_qualifications = Json::parse(s.Text(22), nullptr, false);
  if (!p.start_qualifications.is_array()) p.start_qualifications = Json::array();
  return p;
}

PinnedBomItem BomFrom(const storage::Statement& s) {
  PinnedBomItem b;
  b.order_id = s.Text(0);
  b.material = s.Text(1);
  b.quantity = NumberOf(s.Text(2));
  b.unit = s.Text(3);
  b.base_quantity = NumberOf(s.Text(4));
  b.base_unit = s.Text(5);
  b.scrap_factor = NumberOf(s.Text(6));
  b.alternates = IdList(s.Text(7));
  b.operation = s.Text(8);
  return b;
}

Result<std::vector<PinnedOperation>> CheckedOperations(storage::Database& db,
                                                       Result<std::vector<PinnedOperation>> rows) {
  if (!rows.ok()) return rows;
  for (const auto& p : *rows)
    ORDO_TRY(store::CheckSealedRow(db, "ord_operation", {p.order_id, p.operation}));
  return rows;
}

const std::string& OperationSelect() {
  static const std::string sql =
      "SELECT " + detail::Joined(detail::OperationColumns()) + " FROM ord_operation ";
  return sql;
}

}  // namespace

Result<std::optional<Order>> FindOrder(storage::Database& db, const std::string& order_id) {
  auto order = storage::FirstRow<Order>(
      db, "SELECT " + detail::Joined(detail::OrderColumns()) + " FROM ord_order WHERE order_id = ?",
      [&](storage::Statement& s) { s.Bind(1, order_id); }, OrderFrom);
  if (!order.ok() || !*order) return order;
  ORDO_TRY(store::CheckSealedRow(db, "ord_order", {order_id}));
  return order;
}

Result<std::vector<PinnedOperation>> OperationsOf(storage::Database& db,
                                                  const std::string& order_id) {
  return CheckedOperations(db,
                           storage::Rows<PinnedOperation>(
                               db, OperationSelect() + "WHERE order_id = ? ORDER BY position",
                               [&](storage::Statement& s) { s.Bind(1, order_id); }, OperationFrom));
}

Result<std::vector<PinnedBomItem>> BomOf(storage::Database& db, const std::string& order_id) {
  auto rows = storage::Rows<PinnedBomItem>(
      db,
      "SELECT " + detail::Joined(detail::BomColumns()) +
          " FROM ord_bom WHERE order_id = ? ORDER BY material",
      [&](storage::Statement& s) { s.Bind(1, order_id); }, BomFrom);
  if (!rows.ok()) return rows;
  for (const auto& b : *rows)
    ORDO_TRY(store::CheckSealedRow(db, "ord_bom", {b.order_id, b.material}));
  return rows;
}

Result<std::vector<PinnedOperation>> OpenOperations(storage::Database& db) {
  return CheckedOperations(
      db,
      storage::Rows<PinnedOperation>(
          db,
          OperationSelect() + "WHERE order_id IN (SELECT order_id FROM ord_order WHERE state IN "
                              "('released', 'in_progress')) ORDER BY order_id, position",
          storage::NoBind, OperationFrom));
}

Result<std::vector<PinnedOperation>> RunningOnWorkUnit(storage::Database& db,
                                                       const std::string& work_unit) {
  auto rows = CheckedOperations(
      db, storage::Rows<PinnedOperation>(
              db,
              OperationSelect() + "WHERE work_unit = ?1 AND state IN ('in_progress', 'paused') "
                                  "ORDER BY order_id, position",
              [&](storage::Statement& s) { s.Bind(1, work_unit); }, OperationFrom));
  if (!rows.ok()) return rows;
  // An operation of an order cancelled or closed while it ran holds nothing.
  std::vector<PinnedOperation> out;
  for (auto& op : *rows) {
    auto order = FindOrder(db, op.order_id);
    if (!order.ok()) return order.error();
    if (*order && (*order)->state != "cancelled" && (*order)->state != "closed")
      out.push_back(std::move(op));
  }
  return out;
}

Result<std::vector<Order>> ListOrders(storage::Database& db, const std::string& state,
                                      const std::string& product, std::int64_t limit) {
  auto rows = storage::Rows<Order>(
      db,
      "SELECT " + detail::Joined(detail::OrderColumns()) +
          " FROM ord_order WHERE (?1 = '' OR state = ?1) AND (?2 = '' OR product = ?2) "
          "ORDER BY created_seq DESC LIMIT ?3",
      [&](storage::Statement& s) { s.Bind(1, state).Bind(2, product).Bind(3, limit); }, OrderFrom);
  if (!rows.ok()) return rows;
  for (const auto& o : *rows) ORDO_TRY(store::CheckSealedRow(db, "ord_order", {o.order_id}));
  return rows;
}

}  // namespace ordo::orders
