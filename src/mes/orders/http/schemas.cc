// Response schemas of the orders endpoints.
#include "mes/orders/http/schemas.h"

#include "server/response_schema.h"

namespace ordo::orders {

using namespace server::schema;

namespace {

Json Number(const std::string& description) {
  return Json{{"type", "number"}, {"description", description}};
}

const std::vector<std::string> kOrderStates = {"created", "released", "in_progress", "completed",
                                               "closed",  "on_hold",  "cancelled"};

}  // namespace

Json OrderSchema() {
  return Object({{"order_id", String("the order id (ERP order number)")},
                 {"product", String("product definition id")},
                 {"quantity", Number("ordered quantity in unit")},
                 {"unit", String()},
                 {"base_quantity", Number("the quantity in the product material's base unit")},
                 {"base_unit", String()},
                 {"due_date", String("ISO 8601 as given")},
                 {"due", Time("the due time in UTC (a date alone: the end of that UTC day)")},
                 {"priority", Integer("1 (most urgent) .. 9")},
                 {"customer_order", String("may be empty")},
                 {"source", Enum(String("how it was created"), {"api", "import"})},
                 {"state", Enum(String(), kOrderStates)},
                 {"held_from", Nullable(String("on_hold: the state it returns to on resume"))},
                 {"state_reason", Nullable(String("reason of the latest hold, resume, cancel or "
                                                  "close"))},
                 {"created", Time()},
                 {"created_seq", Integer("seq of the order_created entry")},
                 {"released", Nullable(Time())},
                 {"product_version", Nullable(Integer("pinned product version"))},
                 {"product_hash", Nullable(String("content hash of the pinned product version"))},
                 {"routing", Nullable(String("pinned routing id"))},
                 {"routing_version", Nullable(Integer("pinned routing version"))},
                 {"routing_hash", Nullable(String("content hash of the pinned routing version"))},
                 {"material", Nullable(String("the material the order produces"))},
                 {"batch_size", Nullable(Number("the product's batch size when released"))},
                 {"scale", Nullable(Number("base quantity / batch size"))}});
}

Json OrderDetailSchema() {
  Json bom = Object({{"material", String()},
                     {"quantity", Number("for the whole order, in unit")},
                     {"unit", String()},
                     {"base_quantity", Number("for the whole order, in base_unit")},
                     {"base_unit", String()},
                     {"scrap_factor", Number("expected loss as a fraction")},
                     {"alternates", Array(String("approved alternate material"))},
                     {"operation", Nullable(String("the operation that consumes it; null: any"))}});
  Json operation = Object({{"operation", String("routing operation id")},
                           {"position", Integer("1-based, routing order")},
                           {"name", String()},
                           {"operation_class", String()},
                           {"work_center_class", String()},
                           {"predecessors", Array(String("operation that must be done first"))},
                           {"planned_quantity", Number("in the product's base unit")},
                           {"setup_minutes", Number("standard setup time")},
                           {"run_minutes", Number("run time scaled to the order")},
                           {"ideal_cycle_seconds", Number("ideal seconds per unit")},
                           {"state", Enum(String(), {"pending", "in_progress", "paused",
                                                     "completed", "verified", "cancelled"})},
                           {"work_unit", Nullable(String())},
                           {"started", Nullable(Time())},
                           {"completed", Nullable(Time())},
                           {"good", Number("good quantity")},
                           {"scrap", Number("scrap quantity")},
                           {"rework", Number("rework quantity")},
                           {"verified_by", Nullable(String("the second person who verified it"))},
                           {"spec", AnyObject("the pinned routing operation's whole content")}});
  return Object({{"order", OrderSchema()}, {"bom", Array(bom)}, {"operations", Array(operation)}});
}

Json ImportReportSchema() {
  Json error = Object({{"field", String()}, {"message", String()}, {"reason", String()}});
  Json row = Object({{"line", Integer("CSV physical line (header: 1) or JSON element (1-based)")},
                     {"order_id", String("as read (may be empty)")},
                     {"outcome", Enum(String(), {"created", "unchanged", "refused", "conflict"})},
                     {"errors", Array(error)}});
  return Object({{"created", Integer()},
                 {"unchanged", Integer()},
                 {"refused", Integer("refused and conflict rows")},
                 {"rows", Array(row)}});
}

}  // namespace ordo::orders
