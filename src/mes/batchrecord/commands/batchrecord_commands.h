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

// Sealed version `version` of the order's record as GET .../versions/{n} answers it: the
// content of its seal-checked br_version row with content_hash, state "sealed", the review
// in force when it was sealed and its release block (domain/sealed.h SealedView, from the
// ledger). nullopt when the order has no such version; not_found order_missing when there
// is no such order; internal when br_version holds a version the ledger does not.
Result<std::optional<Json>> SealedRecordView(storage::Database& db, const std::string& order_id,
                                             std::int64_t version);

engine::Command ReviewCommand(engine::Actor actor, std::string order_id,
                              std::vector<ReviewItem> items);

// Signs a ledger checkpoint at its last entry (Command::sign_checkpoint).
engine::Command ReleaseCommand(engine::Actor actor, std::string order_id,
                               std::optional<std::string> reason,
                               signatures::SignerIdentity signer);

}  // namespace ordo::batchrecord
