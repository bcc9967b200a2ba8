// Splitting, merging and moving lots (issue 11 section 1). Pure decisions over the lots
// as stored (seal-checked by the command) and the server's time; each returns the one
// event to write. Quantities are in the lots' base unit. Every refusal changes nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mes/lots/domain/lot.h"
#include "mes/lots/events.h"

namespace ordo::lots {

// True for a lot id: 1..64 letters, digits, '.', '_' or '-', starting with a letter or
// digit (as at receipt).
bool IsLotId(const std::string& id);

// Splits `base_quantity` of `parent` off into the new lot `sublot` (`sublot_exists`: an
// id in use). Refusals, in this order: sublot missing or malformed (invalid_argument,
// field sublot, missing_field / malformed_id); invalid_quantity (field quantity) unless a
// finite number above 0 and below what the lot holds (a whole lot is moved, not split);
// invalid_transition (failed_precondition, field lot) when the lot is consumed or
// rejected; duplicate_lot (conflict, field sublot) when the id is taken.
Result<LotSplit> DecideSplit(const Lot& parent, const std::string& sublot, bool sublot_exists,
                             double base_quantity, const std::string& location,
                             const std::string& reason);

// Merges every lot of `from` (whole quantities) into `into`. Refusals, in this order:
// missing_field (field from) for none; invalid_merge (failed_precondition, field
// from[i]) for a lot named twice or `into` itself, a lot of another material or base
// unit, another effective status on `now` (a released lot never merges with a
// quarantined one), another stored state or hold origin (two held lots from different
// decisions), or another expiry or retest date (a merge never extends a date);
// invalid_transition (field into or from[i]) for a consumed or rejected lot.
Result<LotsMerged> DecideMerge(const Lot& into, const std::vector<Lot>& from,
                               const std::string& reason, TimeMicros now);

// Moves `lot` to `to_location`. Refusals: missing_field (field location) for an empty
// location, too_long over 64 bytes; invalid_transition (field lot) for a consumed or
// rejected lot; same_location (failed_precondition, field location) when it is there.
Result<LotMoved> DecideMove(const Lot& lot, const std::string& to_location,
                            const std::string& reason);

}  // namespace ordo::lots
