// The registry of lot release gates (release_gate.h).
#include "mes/lots/release_gate.h"

#include <vector>

#include "core/assert.h"

namespace ordo::lots {

namespace {

std::vector<ReleaseGate>& Gates() {
  static std::vector<ReleaseGate> gates;
  return gates;
}

}  // namespace

void RegisterReleaseGate(ReleaseGate gate) {
  ORDO_ASSERT(!gate.name.empty() && gate.check);
  for (const auto& known : Gates()) ORDO_ASSERT(known.name != gate.name);
  Gates().push_back(std::move(gate));
}

Status CheckReleaseGates(storage::Database& db, const Lot& lot) {
  for (const auto& gate : Gates()) ORDO_TRY(gate.check(db, lot));
  return Ok();
}

Status CheckSerialReleaseGates(storage::Database& db, const SerialUnit& unit) {
  Lot as_lot;
  as_lot.lot = unit.serial;
  as_lot.material = unit.material;
  as_lot.order_id = unit.order_id;
  as_lot.state = unit.state;
  as_lot.origin = "produced";
  as_lot.received_quantity = as_lot.quantity = 1;
  as_lot.received_us = unit.produced_us;
  Status gated = CheckReleaseGates(db, as_lot);
  if (gated.ok()) return gated;
  Error e = gated.error();
  e.field = "serial";
  const std::string prefix = "lot " + unit.serial;
  if (e.message.rfind(prefix, 0) == 0) e.message = "serial " + e.message.substr(4);
  return e;
}

}  // namespace ordo::lots
