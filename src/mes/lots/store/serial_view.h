// A serial number as the API shows it (GET /api/v1/serials, /api/v1/serials/{serial} and
// the replies of the serial quality actions): its quality state, where it was made and
// what it went into, and (one serial) the signatures of its own release or rejection.
#pragma once

#include <string>

#include "core/canonical_json.h"
#include "core/result.h"
#include "mes/lots/domain/serial.h"
#include "storage/database.h"

namespace ordo::lots {

// {serial, material, state, held_from, reason, order_id, operation, work_unit, source,
// produced_seq, produced_us, produced_at, consumed_order_id, consumed_operation,
// consumed_bom_material}; held_from, reason and the consumed_* fields are null when
// empty.
Json SerialSummary(const SerialUnit& unit);

// SerialSummary plus signatures [signatures::ToJson] on record serial/<serial> (its own
// release or rejection; a batch release signs the batch record instead), each checked
// against the serial as stored now. Null when there is no such serial. Not seal-checked
// (a view).
Result<Json> SerialViewOf(storage::Database& db, const std::string& serial);

}  // namespace ordo::lots
