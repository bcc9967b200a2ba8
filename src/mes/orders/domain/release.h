// The release of a work order (pure): pins the product definition version in force
// (its bill of materials, routing, parameters, instructions, qualifications) into the
// order_released event, with the bill of materials for the whole order and the order's
// operations. The master data kinds say the bill of materials is per one base unit of
// the product, and a routing's run_minutes are per standard order (the product's
// batch_size): so
//   component quantity = BOM quantity x order base quantity,
//   scale              = order base quantity / batch_size (1 when no batch_size),
//   run_minutes        = routing run_minutes x scale (setup_minutes unscaled),
//   planned_quantity   = order base quantity (every operation).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/canonical_json.h"
#include "core/result.h"
#include "mes/orders/domain/states.h"
#include "mes/orders/events.h"

namespace ordo::orders {

// One master data version in force, as the release pins it.
struct DefinitionVersion {
  std::string id;
  std::int64_t version = 0;
  std::string content_hash;
  Json content = Json::object();
};

// Everything the release decides on, read at the command's time. Absent versions are
// those with no version in force.
struct ReleaseFacts {
  std::string order_id;
  OrderState state = OrderState::kCreated;
  double base_quantity = 0;
  std::string base_unit;
  std::optional<DefinitionVersion> product;
  std::optional<DefinitionVersion> routing;   // the product's routing
  std::optional<DefinitionVersion> material;  // the product's material
  // Every BOM component's material content in force (nullopt: none in force).
  std::map<std::string, std::optional<Json>> components;
};

// `value` rounded to 12 significant digits (so 0.01 x 15000 is 150, not 150.00000000000003).
double RoundQuantity(double value);

// The OrderReleased payload, or a refusal: invalid_transition when the order is not
// created (NextOrderState); failed_precondition with field "product" and reason
// product_not_in_force, routing_not_in_force or material_not_in_force (the product, its
// routing, its material or a BOM component has no version in force), base_unit_changed
// (the product's material has another base unit than when the order was created),
// bom_unit_unknown (a BOM line's unit is not one of its material's units),
// bom_operation_unknown (a BOM line is tied to an operation the routing lacks) or
// routing_invalid (no operations, or a predecessor that is not an operation of the
// routing).
Result<OrderReleased> DecideRelease(const ReleaseFacts& facts);

}  // namespace ordo::orders
