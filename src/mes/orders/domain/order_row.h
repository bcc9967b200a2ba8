// A new work order as the API or an ERP import row states it, and the pure decisions on
// it: the checks of the command alone and against the product's material (its units),
// and whether a row for an order that already exists is the same order (import
// idempotency). Every refusal names the field and what was expected.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "mes/orders/events.h"

namespace ordo::orders {

// Bounds of an order's fields.
inline constexpr double kMaxQuantity = 1e12;
inline constexpr std::size_t kMaxCustomerOrder = 64;
inline constexpr int kDefaultPriority = 5;

struct CreateOrder {
  std::string order_id;  // 1 to 64 of letters, digits, '.', '_', '-'; starts alphanumeric
  std::string product;   // a product id with a version in force
  double quantity = 0;   // > 0, in `unit`
  std::string unit;      // the material's base unit or one it has a conversion for
  std::string due_date;  // ISO 8601: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.f](Z|+HH:MM|-HH:MM)
  int priority = kDefaultPriority;  // 1 (most urgent) .. 9
  std::string customer_order;       // may be empty
};

// One refusal of one field (an import reports all of a row's).
struct FieldError {
  std::string field, message;
  std::string reason;  // stable code, e.g. "unknown_unit"
};

// What the decision needs from master data about the order's product, read at the
// command's time: whether it has a version in force, and its material's content in force.
struct ProductFacts {
  bool in_force = false;
  std::string material;                  // the product's material id
  std::optional<Json> material_content;  // nullopt: the material has no version in force
};

// UTC microseconds of a due date: a date-time with its offset as it says; a date alone
// means the end of that UTC day (the next midnight UTC). invalid_argument (field
// `field`, reason invalid_due_date) otherwise.
Result<std::int64_t> ParseDueDate(const std::string& text, const std::string& field = "due_date");

// The checks of the command alone (syntax and ranges); empty when it passes.
std::vector<FieldError> CheckCreateOrder(const CreateOrder& command);

// The OrderCreated event payload of a valid command, or every refusal: the checks above,
// then the product (unknown_product when it has no version in force, material_not_in_force
// when its material has none) and the unit (unknown_unit: neither the material's base unit
// nor one of its conversions). `source` is "api" or "import".
struct OrderDecision {
  std::optional<OrderCreated> event;
  std::vector<FieldError> errors;
};
OrderDecision DecideCreateOrder(const CreateOrder& command, const ProductFacts& product,
                                const std::string& source);

// The first refusal as an Error (invalid_argument naming the field), for the API.
Error ToError(const FieldError& error);

// How an order that exists differs from a new statement of it: one FieldError per field
// (product, quantity, unit, due_date, priority, customer_order) that differs, with both
// values (reason order_differs). Empty: the same order.
std::vector<FieldError> Differences(const OrderCreated& existing, const OrderCreated& incoming);

}  // namespace ordo::orders
