// Quality's decisions on a lot: release or reject it (signed, from quarantine), put it on
// hold and lift the hold. Pure: the lot, the signer's facts and time arrive as arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/lots/domain/lot.h"
#include "mes/signatures/domain/signature.h"

namespace ordo::lots {

enum class LotAction { kRelease, kReject, kHold, kLiftHold };
// "release", "reject", "hold", "lift-hold" (the endpoint's verb).
const char* LotActionName(LotAction action);
// The signature meaning of release (released) and reject (rejected); "" for the others.
const char* MeaningOf(LotAction action);

// Longest reason accepted (bytes).
inline constexpr std::size_t kMaxReasonLength = 1000;

// The reason of `action` alone: reject, hold and lift-hold need one (invalid_argument,
// field reason, missing_field); at most kMaxReasonLength bytes without control characters
// but line breaks (too_long / malformed).
Status ValidateReason(LotAction action, const std::string& reason);

// Whether `action` is allowed on `lot` at `now`:
// - release and reject only from quarantined; hold from quarantined or released; lift-hold
//   only from on_hold: else failed_precondition, reason invalid_transition, field lot,
//   naming the current state;
// - release of an expired lot: failed_precondition, reason lot_expired, field lot,
//   naming the date (reject it instead).
Status CheckTransition(const Lot& lot, LotAction action, TimeMicros now);

// A release while deviations touching the lot are open (`open_deviations`, their ids):
// failed_precondition, reason open_deviation, field lot, naming the ids. Ok otherwise,
// and for every other action.
Status CheckNoOpenDeviation(const Lot& lot, LotAction action,
                            const std::vector<std::string>& open_deviations);

// The state the lot is in after `action` (hold -> on_hold, lift-hold -> held_from).
LotState StateAfter(const Lot& lot, LotAction action);

// The signer of a release or rejection (signatures' SignerState: the re-authenticated
// identity, the account now, the policy acknowledgement).
using Signer = signatures::SignerState;

// The record a release or rejection signature is bound to (record kind lot, id the lot,
// version 1: a lot is dispositioned once): what was received and the decision.
Json DispositionRecord(const Lot& lot, const std::string& decision, const std::string& reason);

// signature.applied (meaning released / rejected, bound to DispositionRecord) then
// LotReleased / LotRejected relying on it (its entry gets `signature_seq`). Refuses, in
// this order: the reason as ValidateReason; the transition as CheckTransition; a meaning
// other than the action's (field signature.meaning); a disabled account
// (unauthenticated); a signer without the policy acknowledgement (failed_precondition,
// policy_not_acknowledged, field signature).
Result<std::vector<ledger::Event>> DecideDisposition(const Lot& lot, LotAction action,
                                                     const std::string& reason,
                                                     const Signer& signer, TimeMicros now,
                                                     std::int64_t signature_seq);

// LotHeld / LotHoldLifted. Refuses as ValidateReason, then CheckTransition.
Result<std::vector<ledger::Event>> DecideHold(const Lot& lot, LotAction action,
                                              const std::string& reason, TimeMicros now);

}  // namespace ordo::lots
