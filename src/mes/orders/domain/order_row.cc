// Checks and decisions on a new work order.
#include "mes/orders/domain/order_row.h"

#include <cmath>

#include "core/clock.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/domain/units.h"

namespace ordo::orders {

namespace {

constexpr std::int64_t kDayMicros = 86'400'000'000LL;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A number as the API shows it in messages: up to 12 significant digits.
std::string Number(double value) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.12g", value);
  return buf;
}

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

}  // namespace

Result<std::int64_t> ParseDueDate(const std::string& text, const std::string& field) {
  auto refuse = [&] {
    return Error::Invalid(field,
                          field +
                              " must be an ISO 8601 date (YYYY-MM-DD) or date-time with an "
                              "offset (YYYY-MM-DDTHH:MM:SSZ or +HH:MM), not " +
                              Quoted(text.substr(0, 40)),
                          "invalid_due_date");
  };
  TimeMicros t = 0;
  if (text.size() == 10) {
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
      if (!IsDigit(text[i])) return refuse();
    if (text[4] != '-' || text[7] != '-') return refuse();
    if (!ParseIsoTime(text + "T00:00:00Z", &t)) return refuse();
    return t + kDayMicros;
  }
  if (!ParseIsoTime(text, &t)) return refuse();
  return t;
}

std::vector<FieldError> CheckCreateOrder(const CreateOrder& c) {
  std::vector<FieldError> errors;
  if (!masterdata::IsValidObjectId(c.order_id))
    errors.push_back({"order_id",
                      "order_id must be 1 to 64 letters, digits, '.', '_' or '-', starting with "
                      "a letter or digit",
                      "invalid_order_id"});
  if (!masterdata::IsValidObjectId(c.product))
    errors.push_back({"product",
                      "product must be the id of a product definition (1 to 64 "
                      "letters, digits, '.', '_' or '-')",
                      "invalid_product"});
  if (!std::isfinite(c.quantity) || c.quantity <= 0 || c.quantity > kMaxQuantity)
    errors.push_back(
        {"quantity", "quantity must be a number greater than 0 and at most " + Number(kMaxQuantity),
         "invalid_quantity"});
  if (c.unit.empty() || c.unit.size() > 16)
    errors.push_back({"unit", "unit must be 1 to 16 characters (a unit of the product's material)",
                      "invalid_unit"});
  if (auto due = ParseDueDate(c.due_date); !due.ok())
    errors.push_back({"due_date", due.error().message, due.error().reason});
  if (c.priority < 1 || c.priority > 9)
    errors.push_back(
        {"priority", "priority must be an integer from 1 (most urgent) to 9", "invalid_priority"});
  if (c.customer_order.size() > kMaxCustomerOrder)
    errors.push_back(
        {"customer_order",
         "customer_order must be at most " + std::to_string(kMaxCustomerOrder) + " characters",
         "invalid_customer_order"});
  for (unsigned char ch : c.customer_order)
    if (ch < 0x20 || ch == 0x7f) {
      errors.push_back({"customer_order", "customer_order must not contain control characters",
                        "invalid_customer_order"});
      break;
    }
  return errors;
}

OrderDecision DecideCreateOrder(const CreateOrder& c, const ProductFacts& product,
                                const std::string& source) {
  OrderDecision d;
  d.errors = CheckCreateOrder(c);
  const bool product_syntax_ok = masterdata::IsValidObjectId(c.product);
  std::optional<double> base;
  std::string base_unit;
  if (product_syntax_ok && !product.in_force) {
    d.errors.push_back({"product",
                        "product " + Quoted(c.product) +
                            " has no product definition in force; expected the id of an "
                            "effective product",
                        "unknown_product"});
  } else if (product_syntax_ok && !product.material_content) {
    d.errors.push_back({"product",
                        "the material " + Quoted(product.material) + " of product " +
                            Quoted(c.product) + " has no version in force",
                        "material_not_in_force"});
  } else if (product_syntax_ok && !c.unit.empty() && c.unit.size() <= 16) {
    base_unit = masterdata::BaseUnitOf(*product.material_content);
    auto converted =
        masterdata::ToBaseQuantity(*product.material_content, c.quantity, c.unit, "unit");
    if (!converted.ok())
      d.errors.push_back({"unit", converted.error().message, converted.error().reason});
    else
      base = *converted;
  }
  if (!d.errors.empty()) return d;
  OrderCreated e;
  e.order_id = c.order_id;
  e.product = c.product;
  e.quantity = c.quantity;
  e.unit = c.unit;
  e.base_quantity = base.value_or(c.quantity);
  e.base_unit = base_unit;
  e.due_date = c.due_date;
  e.due_us = ParseDueDate(c.due_date).value();
  e.priority = c.priority;
  e.customer_order = c.customer_order;
  e.source = source;
  d.event = std::move(e);
  return d;
}

Error ToError(const FieldError& e) { return Error::Invalid(e.field, e.message, e.reason); }

std::vector<FieldError> Differences(const OrderCreated& old, const OrderCreated& now) {
  std::vector<FieldError> out;
  auto differ = [&](const std::string& field, const std::string& was, const std::string& is) {
    out.push_back({field,
                   "order " + old.order_id + " exists with " + field + " " + Quoted(was) +
                       "; the row says " + Quoted(is) + " (a changed order is not applied)",
                   "order_differs"});
  };
  if (old.product != now.product) differ("product", old.product, now.product);
  if (old.quantity != now.quantity) differ("quantity", Number(old.quantity), Number(now.quantity));
  if (old.unit != now.unit) differ("unit", old.unit, now.unit);
  if (old.due_date != now.due_date) differ("due_date", old.due_date, now.due_date);
  if (old.priority != now.priority)
    differ("priority", std::to_string(old.priority), std::to_string(now.priority));
  if (old.customer_order != now.customer_order)
    differ("customer_order", old.customer_order, now.customer_order);
  return out;
}

}  // namespace ordo::orders
