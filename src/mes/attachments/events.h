// The attachments capability's published event: a file stored, named by the SHA-256 of
// its bytes (the bytes themselves are kept beside the ledger, in attachment_data).
#pragma once

#include <cstdint>
#include <string>

#include "core/canonical_json.h"

namespace ordo::attachments {

// Subject: attachment/sha256.
struct AttachmentStored {
  static constexpr const char* kType = "attachment.stored";
  static constexpr int kVersion = 1;
  std::string sha256;  // lower-case hex SHA-256 of the bytes
  std::string name;    // file name
  std::string media_type;
  std::int64_t size = 0;  // bytes
};

void to_json(Json& j, const AttachmentStored& e);
void from_json(const Json& j, AttachmentStored& e);

}  // namespace ordo::attachments
