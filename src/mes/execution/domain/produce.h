// Producing an output lot at a running operation (issue 11 section 1): only the order's
// product material, a quantity above zero, a lot id not yet used. Pure decision; the
// command converts the quantity to the material's base unit first
// (masterdata/domain/units.h) and emits lots.lot_produced from the result.
#pragma once

#include <string>

#include "core/result.h"
#include "mes/execution/domain/facts.h"
#include "mes/execution/domain/recording.h"

namespace ordo::execution {

// The order's product material as the rule sees it (master data in force).
struct ProductFacts {
  std::string material;   // the order's product material id
  std::string tracking;   // none | lot | serial (material master data)
  std::string base_unit;  // the material's base unit
};

// What the operator asked for: lot id, the material they believe it is ("" = the order's
// product), the quantity in the base unit, expiry (YYYY-MM-DD or "") and location ("" =
// the operation's work unit).
struct ProduceRequest {
  std::string lot, material;
  double base_quantity = 0;
  std::string expiry, location;
};

struct ProduceDecision {
  std::string lot, material, base_unit, expiry, location;
  double base_quantity = 0;
};

// Decides producing `request` at `op` on `context.now`; `lot_exists` is true when a lot
// with that id exists already (any material). Refusals, in this order: CheckMayRecord
// (start.h: a running operation of an order in progress, invalid_transition, and
// acknowledged instructions); wrong_material (failed_precondition, field material)
// naming both materials when `request.material` is not the product's, or field lot when
// the product is serial-tracked (serials are produced, not lots); missing_field (field
// lot) for an empty lot id; malformed_id (field lot) unless 1..64 letters, digits, '.',
// '_' or '-' starting with a letter or digit; invalid_quantity (invalid_argument, field quantity)
// unless a finite number above 0; invalid_date (field expiry) unless "" or YYYY-MM-DD;
// duplicate_lot (conflict, field lot) when the lot id is taken.
Result<ProduceDecision> DecideProduce(const OperationFacts& op, const ProductFacts& product,
                                      const ProduceRequest& request, bool lot_exists,
                                      const RecordingContext& context);

}  // namespace ordo::execution
