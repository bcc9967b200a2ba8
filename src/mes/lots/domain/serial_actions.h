// Quality's decisions on serial numbers, after the lot rules (transitions.h): hold and
// lift the hold of one serial, reject it (signed), release it on its own (signed), and
// hold a list of serials in one entry. Pure: the serial as stored, the signer's facts,
// the open deviations and time arrive as arguments. Every refusal changes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/lots/domain/serial.h"
#include "mes/lots/domain/transitions.h"

namespace ordo::lots {

// Most serials one list hold takes.
inline constexpr std::size_t kMaxSerialsPerHold = 1000;

// The reason of `action` on a serial alone: as ValidateReason (transitions.h): reject,
// hold and lift-hold need one (invalid_argument, field reason, missing_field), at most
// kMaxReasonLength bytes (too_long) without control characters but line breaks
// (malformed); the message names a serial.
Status ValidateSerialReason(LotAction action, const std::string& reason);

// Whether `action` is allowed on `unit` (field `field`, "serial" by default):
// - a consumed serial: failed_precondition, reason serial_consumed, naming the order it
//   went into (it is in a device: nothing about it changes any more);
// - release and reject only from quarantined; hold from quarantined or released;
//   lift-hold only from on_hold: else failed_precondition, reason invalid_transition,
//   naming the current state.
Status CheckSerialTransition(const SerialUnit& unit, LotAction action,
                             const std::string& field = "serial");

// A release while deviations naming the serial or its producing order are open
// (`open_deviations`, their ids): failed_precondition, reason open_deviation, field
// serial, naming the ids. Ok otherwise, and for every other action.
Status CheckSerialNoOpenDeviation(const SerialUnit& unit, LotAction action,
                                  const std::vector<std::string>& open_deviations);

// The state the serial is in after `action` (hold -> on_hold, lift-hold -> held_from,
// quarantined when none is remembered).
std::string SerialStateAfter(const SerialUnit& unit, LotAction action);

// The record a serial's release or rejection signature is bound to (record kind serial,
// id the serial, version 1: a serial is dispositioned once): what was produced where,
// and the decision.
Json SerialDispositionRecord(const SerialUnit& unit, const std::string& decision,
                             const std::string& reason);

// signature.applied (meaning released / rejected, bound to SerialDispositionRecord) then
// SerialReleased / SerialRejected relying on it (its entry gets `signature_seq`).
// Refuses, in this order: the reason as ValidateSerialReason; the transition as
// CheckSerialTransition; a meaning other than the action's (field signature.meaning); a
// disabled account (unauthenticated); a signer without the policy acknowledgement
// (failed_precondition, policy_not_acknowledged). The release's other conditions (open
// deviations, the batch release gate) are checked by the command before it.
Result<std::vector<ledger::Event>> DecideSerialDisposition(const SerialUnit& unit, LotAction action,
                                                           const std::string& reason,
                                                           const Signer& signer,
                                                           std::int64_t signature_seq);

// SerialHeld / SerialHoldLifted. Refuses as ValidateSerialReason, then
// CheckSerialTransition.
Result<std::vector<ledger::Event>> DecideSerialHold(const SerialUnit& unit, LotAction action,
                                                    const std::string& reason);

// One entry of a list hold: what was asked for (`requested`, the id as given) and the
// serial as stored (nullopt: no such serial).
struct ListedSerial {
  std::string requested;
  std::optional<SerialUnit> unit;
};

// One SerialsHeld for every serial of `listed` (subject serial_list / "SH-<next_seq>"),
// all or none. Refuses, in this order: the reason as ValidateSerialReason (hold);
// an empty list (invalid_argument, field serials, missing_field) or one over
// kMaxSerialsPerHold (invalid_argument, too_many); then for the first bad serial
// serials[i]: an empty or repeated id (invalid_argument, missing_field /
// duplicate_serial), an unknown one (not_found, serial_missing), one that may not be held
// as CheckSerialTransition (serial_consumed / invalid_transition); each message names
// the serial.
Result<std::vector<ledger::Event>> DecideSerialsHold(const std::vector<ListedSerial>& listed,
                                                     const std::string& reason,
                                                     std::int64_t next_seq);

}  // namespace ordo::lots
