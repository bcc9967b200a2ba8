// OpenWorkForClass (orders.h): the open orders with work for one work center class and
// their operations, each row read once and checked against its seal on what was read.
#include <cstdlib>
#include <unordered_map>

#include "mes/orders/orders.h"
#include "mes/orders/store/detail/columns.h"
#include "storage/rows.h"
#include "store/row_seal.h"

namespace ordo::orders {

namespace {

using detail::NumberOf;
using Content = std::vector<std::optional<std::string>>;

// The open orders with an operation for class ?1 (or for any class).
constexpr const char* kOpenWithWork =
    "state IN ('released', 'in_progress') AND order_id IN (SELECT order_id FROM ord_operation "
    "WHERE work_center_class IN ('', ?1))";

const std::string& At(const Content& c, std::size_t i) {
  static const std::string kNull;
  return c[i] ? *c[i] : kNull;
}

std::int64_t IntAt(const Content& c, std::size_t i) {
  return std::strtoll(At(c, i).c_str(), nullptr, 10);
}

// The operation from its content columns (detail::OperationColumns order), the spec
// (column 11) left out; `needs_verification` computed by the query.
OpenOperation OperationOf(const Content& c, bool needs_verification) {
  OpenOperation p;
  p.order_id = At(c, 0);
  p.operation = At(c, 1);
  p.position = static_cast<int>(IntAt(c, 2));
  p.name = At(c, 3);
  p.operation_class = At(c, 4);
  p.work_center_class = At(c, 5);
  p.predecessors = detail::IdList(At(c, 6));
  p.planned_quantity = NumberOf(At(c, 7));
  p.setup_minutes = NumberOf(At(c, 8));
  p.run_minutes = NumberOf(At(c, 9));
  p.state = At(c, 12);
  p.work_unit = At(c, 13);
  p.completed_us = IntAt(c, 15);
  p.needs_verification = needs_verification;
  return p;
}

// Runs `sql` (bound to the class), checking each row's first `columns` columns against
// the seal of `table` (keys: the first `keys` columns) before `use` sees the row. Stops
// at the first row that fails.
Status ForEachSealed(storage::Database& db, const std::string& sql, const std::string& klass,
                     const char* table, std::size_t columns, std::size_t keys,
                     const std::function<void(const storage::Statement&, Content&&)>& use) {
  Status failed = Ok();
  auto rows = storage::Rows<int>(
      db, sql, [&](storage::Statement& s) { s.Bind(1, klass); },
      [&](const storage::Statement& s) {
        if (!failed.ok()) return 0;
        Content content = detail::ContentOf(s, columns);
        std::vector<std::string> key;
        for (std::size_t i = 0; i < keys; ++i) key.push_back(At(content, i));
        failed = store::CheckSealedContent(db, table, key, content);
        if (failed.ok()) use(s, std::move(content));
        return 0;
      });
  if (!rows.ok()) return rows.error();
  return failed;
}

}  // namespace

Result<std::vector<OpenOrderWork>> OpenWorkForClass(storage::Database& db,
                                                    const std::string& work_center_class) {
  std::vector<OpenOrderWork> out;
  std::unordered_map<std::string, std::size_t> index;
  static const std::string orders_sql = "SELECT " + detail::Joined(detail::OrderColumns()) +
                                        " FROM ord_order WHERE " + kOpenWithWork +
                                        " ORDER BY order_id";
  ORDO_TRY(ForEachSealed(db, orders_sql, work_center_class, "ord_order",
                         detail::OrderColumns().size(), 1,
                         [&](const storage::Statement& s, Content&&) {
                           index[s.Text(0)] = out.size();
                           out.push_back(OpenOrderWork{detail::OrderFrom(s), {}});
                         }));
  // The verification flag is read by SQLite from the spec (a spec that is no JSON gives
  // false here and fails its seal check below).
  static const std::string ops_sql =
      "SELECT " + detail::Joined(detail::OperationColumns()) +
      ", CASE WHEN json_valid(spec) THEN json_type(spec, '$.second_person_verification') = "
      "'true' ELSE 0 END FROM ord_operation WHERE order_id IN (SELECT order_id FROM ord_order "
      "WHERE " +
      kOpenWithWork + ") ORDER BY order_id, position";
  const std::size_t n = detail::OperationColumns().size();
  ORDO_TRY(ForEachSealed(db, ops_sql, work_center_class, "ord_operation", n, 2,
                         [&](const storage::Statement& s, Content&& content) {
                           auto it = index.find(At(content, 0));
                           // An order that left the open states between the two reads.
                           if (it == index.end()) return;
                           out[it->second].operations.push_back(
                               OperationOf(content, s.Int(static_cast<int>(n)) == 1));
                         }));
  return out;
}

}  // namespace ordo::orders
