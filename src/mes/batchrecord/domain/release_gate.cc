// The batch release gate on a lot's own release (release_gate.h).
#include "mes/batchrecord/domain/release_gate.h"

#include "mes/batchrecord/domain/review.h"

namespace ordo::batchrecord {

Status CheckBatchReleased(const lots::Lot& lot, const std::string& record_state) {
  if (lot.order_id.empty() || record_state == kReleased) return Ok();
  const std::string& order = lot.order_id;
  const std::string why =
      record_state == kAmended
          ? "whose batch record changed after its last release (amended)"
          : "whose batch record is not released" +
                (record_state.empty() ? std::string() : " (" + record_state + ")");
  return Error{ErrorCode::kFailedPrecondition,
               "lot " + lot.lot + " was made by order " + order + ", " + why +
                   ": release the batch record of " + order +
                   " instead; its release releases the order's quarantined lots",
               "lot", "batch_release_required"};
}

}  // namespace ordo::batchrecord
