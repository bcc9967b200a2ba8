// The order kinds: orders and shipments (ERP), operation_yields (another MES or the QMS).
#include "mis/imports/domain/detail/kinds.h"

namespace ordo::mis::imports::detail {

namespace {

void CheckOperationYields(const RowView& row, int line, std::vector<RowError>* errors) {
  CheckPartsWithinTotal(row, line, {"good_first_pass", "reworked", "scrapped"}, "units_in", errors);
}

}  // namespace

KindSpec OrdersKind() {
  return {"orders",
          "import_orders",
          "Customer (or production) orders from the ERP, for OTD, OTIF and takt time.",
          {Text("order_id", true, "order id"), Text("customer", false, "customer name or id"),
           Text("product", true, "product id"),
           Number("quantity", true, true, "ordered quantity, > 0, in `unit`"),
           Text("unit", false, "unit of measure, e.g. pcs, kg"),
           DateOrTime("due_date", true,
                      "when the order is due: a day (YYYY-MM-DD, the site's calendar: due at "
                      "the end of that local day) or a time with an offset (due at that "
                      "instant)")},
          {"order_id"},
          nullptr};
}

KindSpec ShipmentsKind() {
  return {"shipments",
          "import_shipments",
          "Deliveries against orders, for OTD and OTIF.",
          {Text("order_id", true, "order id"), Time("shipped_at", true, "time of shipment"),
           Number("quantity", true, true, "quantity shipped, > 0, in the order's unit")},
          {"order_id", "shipped_at"},
          nullptr};
}

KindSpec OperationYieldsKind() {
  return {"operation_yields",
          "import_operation_yields",
          "Completed operations with their first-pass yield, for FPY and RTY.",
          {Text("order", true, "order id"), Text("operation", true, "operation id or number"),
           Text("work_unit", false, "work unit that ran it"),
           Time("completed_at", true, "completion time"),
           Count("units_in", true, false, "units that entered the operation"),
           Count("good_first_pass", true, false, "units good at the first pass"),
           Count("reworked", false, true, "units reworked; empty = 0"),
           Count("scrapped", false, true, "units scrapped; empty = 0")},
          {"order", "operation", "work_unit"},
          CheckOperationYields};
}

}  // namespace ordo::mis::imports::detail
