// Gathering the facts of one order's batch record (domain/facts.h) from the orders,
// lots, deviations and master data reads (each row seal-checked by its owner) and from
// the ledger (the order's own entries, its consumptions and productions). Not
// thread-safe per storage::Database.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "mes/batchrecord/domain/facts.h"
#include "storage/database.h"

namespace ordo::batchrecord {

// The facts of order `order_id`, or nullopt when there is no such order.
Result<std::optional<Facts>> GatherFacts(storage::Database& db, const std::string& order_id);

}  // namespace ordo::batchrecord
