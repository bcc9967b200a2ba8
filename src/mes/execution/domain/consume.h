// Consuming a material lot into a running operation: the right material (the BOM item's
// or an approved alternate), a released, unexpired lot with enough left, and
// over-consumption beyond the BOM quantity plus its scrap factor raised as an exception.
// Pure decision; the command converts the quantity to the material's base unit first
// (masterdata/domain/units.h) and emits lots.material_consumed from the result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/execution/domain/facts.h"
#include "mes/execution/domain/recording.h"
#include "mes/execution/events.h"

namespace ordo::execution {

// What a consumption decides: `base_quantity` of `lot` (of `material`) against the BOM
// item of `bom_material`; `alternate` when the lot is of an approved alternate;
// `over_consumption` when the item's consumption now exceeds its planned quantity plus
// scrap factor, with the exception to record.
struct ConsumeDecision {
  std::string lot, material, bom_material, base_unit;
  double base_quantity = 0;
  bool alternate = false;
  bool over_consumption = false;
  std::optional<ExceptionRecorded> exception;
};

// Relative tolerance of quantity comparisons (rounding of converted units).
inline constexpr double kQuantityTolerance = 1e-9;

// The items of `bom` that `operation` may consume: those tied to it and those tied to no
// operation (BomFacts::operation).
std::vector<BomFacts> BomItemsFor(const std::string& operation, const std::vector<BomFacts>& bom);

// Decides consuming `base_quantity` (in the lot's base unit) of `lot` into `op`, whose
// order's pinned BOM is `bom`, on `context.now`. Refusals, in this order:
// CheckMayRecord (start.h); invalid_quantity (invalid_argument, field quantity) unless
// the quantity is a finite number above 0; wrong_material (failed_precondition, field
// lot) naming the scanned and the expected materials, when the lot's material is none of
// the items this operation may consume (BomItemsFor: an item tied to another operation
// does not count; the message then names the operation, its expected materials and the
// operation the lot's material is consumed at); lot_expired (field lot) naming
// the date, when the lot's status is expired or its expiry (else retest) date is before
// today; insufficient_quantity (field quantity) for a lot used up (consumed);
// lot_not_released (field lot) naming the status when it is not released;
// insufficient_quantity (field quantity) naming what is left. The lot's own material
// is preferred over an alternate when both match.
Result<ConsumeDecision> DecideConsume(const OperationFacts& op, const std::vector<BomFacts>& bom,
                                      const LotFacts& lot, double base_quantity,
                                      const RecordingContext& context);

}  // namespace ordo::execution
