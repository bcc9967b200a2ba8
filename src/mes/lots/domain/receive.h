// Receiving a material lot (through the API or one row of an import): the command alone,
// the material it names, and an earlier receipt of the same lot id. Pure: the material's
// content in force and the stored receipt arrive as arguments.
#pragma once

#include <optional>
#include <string>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/lots/events.h"

namespace ordo::lots {

struct ReceiveLot {
  std::string lot, material, supplier, supplier_lot;
  double quantity = 0;
  std::string unit;
  std::string expiry, retest;  // YYYY-MM-DD or ""
  std::string source = "api";  // "api" | "import"
};

// Checks the command alone. Refuses (invalid_argument, the field named), in this order:
// lot not 1..64 characters of letters, digits, '.', '_' and '-' starting with a letter or
// digit (malformed_id); material empty (missing_field); supplier empty or over 200 bytes,
// supplier_lot empty or over 64 bytes, or either holding a control character
// (missing_field / too_long / malformed); quantity not a finite number > 0
// (invalid_quantity); unit empty or over 16 bytes (missing_field / too_long); expiry or
// retest not a date YYYY-MM-DD (invalid_date).
Status ValidateReceive(const ReceiveLot& command);

// What a receipt did.
enum class ReceiptOutcome { kCreated, kUnchanged };

struct ReceiptDecision {
  ReceiptOutcome outcome = ReceiptOutcome::kCreated;
  LotReceived received;  // the event's payload (created) or the stored receipt (unchanged)
};

// Decides a receipt. `material` is the content of the material's version in force
// (nullopt: there is none); `existing` the stored receipt of the same lot id, if any.
// After ValidateReceive:
// - an existing lot received with the same material, supplier, supplier lot, quantity,
//   unit, expiry and retest is kUnchanged (no event, whatever master data says now);
//   with other data it is a conflict (reason lot_conflict, the first differing field named
//   with both values);
// - no material in force: invalid_argument, field material, unknown_material;
// - a material tracked by neither lot nor serial (tracking none, e.g. purified water from
//   a loop): invalid_argument, field material, not_lot_tracked;
// - a unit the material does not know: invalid_argument, field unit, unknown_unit
//   (masterdata::ToBaseQuantity);
// - a material with shelf_life_days and neither expiry nor retest: invalid_argument,
//   field expiry, missing_field.
// A lot whose expiry or retest date is already past is received (it shows expired at once
// and cannot be released): the warehouse holds it, and the MES must know it to refuse it.
Result<ReceiptDecision> DecideReceive(const ReceiveLot& command,
                                      const std::optional<Json>& material,
                                      const std::optional<LotReceived>& existing);

}  // namespace ordo::lots
