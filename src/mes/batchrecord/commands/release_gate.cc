// The glue of the batch release gate (release_gate.h).
#include "mes/batchrecord/commands/release_gate.h"

#include "mes/batchrecord/domain/release_gate.h"
#include "mes/batchrecord/domain/review.h"
#include "mes/batchrecord/store/gather.h"

namespace ordo::batchrecord {

Status BatchReleaseGate(storage::Database& db, const lots::Lot& lot) {
  if (lot.order_id.empty()) return Ok();
  auto facts = GatherFacts(db, lot.order_id);
  if (!facts.ok()) return facts.error();
  const std::string state = *facts ? Assess(**facts).state : std::string();
  return CheckBatchReleased(lot, state);
}

}  // namespace ordo::batchrecord
