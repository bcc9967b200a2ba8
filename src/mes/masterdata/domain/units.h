// Quantities in a material's units: every stored quantity is in the material's base unit
// (material.base_unit); another unit counts only when the material lists a conversion for
// it (material.conversions: base units per one of that unit). Used by orders, lots and
// execution so that a quantity in an unknown unit is refused the same way everywhere.
#pragma once

#include <string>

#include "core/canonical_json.h"
#include "core/result.h"

namespace ordo::masterdata {

// `quantity` of `unit` in the base unit of the material whose content is `material`.
// invalid_argument with field `field` (reason "unknown_unit") when the material has
// neither that base unit nor a conversion for it; the message names the units it knows.
Result<double> ToBaseQuantity(const Json& material, double quantity, const std::string& unit,
                              const std::string& field = "unit");

// A base-unit quantity expressed in `unit` (the inverse of ToBaseQuantity).
Result<double> FromBaseQuantity(const Json& material, double base_quantity, const std::string& unit,
                                const std::string& field = "unit");

// The base unit of the material ("" when the content has none).
std::string BaseUnitOf(const Json& material);

}  // namespace ordo::masterdata
