// Release gates: rules of other capabilities that a lot's own release must pass. A
// capability that owns a later, wider release (the batch record releases every lot of
// an order) registers a gate here, so that lots never includes it: the dependency points
// from that capability to lots. The lot release command (POST /api/v1/lots/{lot}/release)
// runs every gate after its own checks; the wider release itself decides through
// lots/domain/transitions.h and is not gated.
#pragma once

#include <functional>
#include <string>

#include "core/result.h"
#include "mes/lots/domain/lot.h"
#include "mes/lots/domain/serial.h"
#include "storage/database.h"

namespace ordo::lots {

// A gate reads what it needs on the writer's connection `db` (inside the release
// command's transaction) and returns Ok to let the release of `lot` go on, or the refusal
// (a stable reason code, field "lot", a message naming what to do instead). It must not
// write.
using ReleaseGateFn = std::function<Status(storage::Database& db, const Lot& lot)>;

struct ReleaseGate {
  std::string name;  // unique, "<capability>.<what>", e.g. "batchrecord.batch_release"
  ReleaseGateFn check;
};

// Adds a gate. A duplicate or empty name or a missing check is a bug and aborts.
// Start-up only (not thread-safe against CheckReleaseGates).
void RegisterReleaseGate(ReleaseGate gate);

// Runs the gates in registration order on `lot`; the first refusal is the answer.
Status CheckReleaseGates(storage::Database& db, const Lot& lot);

// The same gates for the release of one serial on its own (POST
// /api/v1/serials/{serial}/release): each sees the serial as a produced lot of its order
// (lot = the serial id, material, order_id, state, origin "produced"), so that the batch
// release rule holds for serials without lots knowing it. The refusal names field
// "serial" and the serial (a message that begins "lot <serial>" reads "serial <serial>").
Status CheckSerialReleaseGates(storage::Database& db, const SerialUnit& unit);

}  // namespace ordo::lots
