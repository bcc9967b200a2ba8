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

}  // namespace ordo::lots
