// The engine commands of quality's actions on serial numbers (glue: load the serial,
// seal-checked, on the writer's connection, call the decision in domain/serial_actions.h,
// reply with the serial as written).
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"
#include "mes/lots/domain/serial_actions.h"
#include "mes/signatures/signing.h"

namespace ordo::lots {

// lots.serial_held / lots.serial_hold_lifted (200). Fails as DecideSerialHold, or
// not_found (field serial, serial_missing). Reply: {serial: SerialViewOf}.
engine::Command SerialHoldCommand(engine::Actor actor, std::string serial, LotAction action,
                                  std::string reason);

// signature.applied + lots.serial_released / lots.serial_rejected (200). Loads the serial
// and the signer's state; fails as DecideSerialDisposition, or not_found. A release is
// refused, in this order, as CheckSerialTransition (a consumed or not quarantined
// serial), with open_deviation while a deviation naming the serial or its producing order
// is open, then by the registered release gates (CheckSerialReleaseGates: e.g.
// batchrecord's batch_release_required while the order's batch release is not in force).
// The signer was re-authenticated by the caller. Reply: {serial: SerialViewOf}.
engine::Command SerialDispositionCommand(engine::Actor actor, std::string serial, LotAction action,
                                         std::string reason, signatures::SignerIdentity signer);

// One lots.serials_held for the whole list (200), or nothing: fails as DecideSerialsHold
// naming the first bad serial. Reply: {held: n, serials: [SerialSummary...]} in list
// order.
engine::Command SerialsHoldCommand(engine::Actor actor, std::vector<std::string> serials,
                                   std::string reason);

}  // namespace ordo::lots
