// Engine commands of the batch record: review by exception and the signed release
// (glue: gather the facts, call the domain decision, answer the record's view).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "engine/engine.h"
#include "mes/batchrecord/events.h"
#include "mes/signatures/signing.h"
#include "storage/database.h"

namespace ordo::batchrecord {

// The record's view (domain/review.h View) of `order_id`; not_found order_missing (field
// id) when there is no such order.
Result<Json> RecordView(storage::Database& db, const std::string& order_id);

engine::Command ReviewCommand(engine::Actor actor, std::string order_id,
                              std::vector<ReviewItem> items);

// Signs a ledger checkpoint at its last entry (Command::sign_checkpoint).
engine::Command ReleaseCommand(engine::Actor actor, std::string order_id,
                               std::optional<std::string> reason,
                               signatures::SignerIdentity signer);

}  // namespace ordo::batchrecord
