// The lots capability's commands (glue: load state on the writer's connection, call the
// decision in domain/, reply with the lot as written).
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"
#include "mes/lots/domain/lot_import.h"
#include "mes/lots/domain/receive.h"
#include "mes/lots/domain/transitions.h"
#include "mes/signatures/signing.h"

namespace ordo::lots {

// lots.lot_received (201), or nothing when the same lot was received with the same data.
// Reads the material in force and the stored lot; fails as DecideReceive. Reply:
// {outcome: created|unchanged, lot: LotView}.
engine::Command ReceiveLotCommand(engine::Actor actor, ReceiveLot command);

// One lots.lot_received per created row, in one transaction (200). Fails only when a
// read fails. Reply: {created, unchanged, refused, rows: [{line, lot, outcome, errors}]}.
engine::Command ImportLotsCommand(engine::Actor actor, std::vector<ImportRow> rows);

// signature.applied + lots.lot_released / lots.lot_rejected (200). Loads the lot
// (seal-checked), the signer's account and policy acknowledgement; fails as
// DecideDisposition, or not_found (field lot, lot_missing). A release is refused first
// with open_deviation while a deviation holds the lot back, then as CheckTransition, then
// by the registered release gates (release_gate.h; e.g. batchrecord's
// batch_release_required). The signer was re-authenticated by the caller. Reply:
// {lot: LotView}.
engine::Command DispositionCommand(engine::Actor actor, std::string lot, LotAction action,
                                   std::string reason, signatures::SignerIdentity signer);

// lots.lot_held / lots.lot_hold_lifted (200). Fails as DecideHold, or not_found. Reply:
// {lot: LotView}.
engine::Command HoldCommand(engine::Actor actor, std::string lot, LotAction action,
                            std::string reason);

// lots.lot_split (200). Loads the lot (seal-checked) and whether the sublot id is taken;
// fails as DecideSplit, or not_found (field lot). Reply: {lot: LotView, sublot: LotView}.
engine::Command SplitCommand(engine::Actor actor, std::string lot, std::string sublot,
                             double base_quantity, std::string location, std::string reason);

// lots.lots_merged (200). Loads every lot (seal-checked); fails as DecideMerge, or
// not_found naming the field (lot, from[i]). Reply: {lot: LotView of the lot merged into}.
engine::Command MergeCommand(engine::Actor actor, std::string into, std::vector<std::string> from,
                             std::string reason);

// lots.lot_moved (200). Fails as DecideMove, or not_found. Reply: {lot: LotView}.
engine::Command MoveCommand(engine::Actor actor, std::string lot, std::string location,
                            std::string reason);

}  // namespace ordo::lots
