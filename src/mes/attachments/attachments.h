// The attachments capability's public read API: is a file with this SHA-256 stored, and
// what is it? (Used by masterdata to check the attachments a routing names.) Implemented
// in store/attachments_store.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "storage/database.h"

namespace ordo::attachments {

// A stored attachment's metadata (its bytes are served by GET /api/v1/attachments/{sha256}).
struct AttachmentRow {
  std::string sha256, name, media_type;
  std::int64_t size = 0, seq = 0;  // seq of its attachment.stored entry
};

// The attachment with that SHA-256 (lower-case hex), or nullopt.
Result<std::optional<AttachmentRow>> FindAttachment(storage::Database& db,
                                                    const std::string& sha256);

}  // namespace ordo::attachments
