// The attachments capability's tables, projector and queries (FindAttachment is public,
// in attachments.h).
#pragma once

#include <optional>
#include <string>

#include "core/canonical_json.h"
#include "ledger/entry.h"
#include "mes/attachments/attachments.h"
#include "store/schema.h"

namespace ordo::attachments {

// Tables attachment (projected from attachment.stored, keyed by sha256) and
// attachment_data (the bytes; written beside the ledger, not a projection) as migrations.
store::TableSet Tables();
// Registers the projector of AttachmentStored.
void RegisterProjectors();

// The row an attachment.stored entry gives: the one mapping used by both the projector
// and the command's reply.
Result<AttachmentRow> RowOf(const ledger::LedgerEntry& entry);
// {sha256, name, media_type, size, seq}: an attachment as the API shows it.
Json ToJson(const AttachmentRow& row);

// The stored bytes (nullopt when missing); the caller re-checks their hash.
Result<std::optional<std::string>> AttachmentData(storage::Database& db, const std::string& sha256);
// Stores the bytes under their hash (a second store of the same hash changes nothing).
Status PutAttachmentData(storage::Database& db, const std::string& sha256, const std::string& data);

}  // namespace ordo::attachments
