// The batch release gate on a lot's own release (registered with lots'
// release_gate.h by this capability): a lot made by an order (lot.order_id, which split
// sublots and merged lots inherit) is released through its order's batch record, never
// around it. Pure: the record's state arrives as an argument.
#pragma once

#include <string>

#include "core/result.h"
#include "mes/lots/domain/lot.h"

namespace ordo::batchrecord {

// Ok for a lot with no order (received), and for a lot whose order's batch record is
// released and unchanged since (`record_state` kReleased, review.h: its content still
// hashes to the last sealed version). Otherwise failed_precondition, reason
// batch_release_required, field lot, naming the order and telling to release its batch
// record: when the record was never released (any other state, or "" for an order that
// cannot be found), and when it was amended after its last release (kAmended).
Status CheckBatchReleased(const lots::Lot& lot, const std::string& record_state);

}  // namespace ordo::batchrecord
