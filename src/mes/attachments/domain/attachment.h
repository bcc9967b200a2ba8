// Attachments of work instructions: files stored once and named by the SHA-256 of their
// bytes, so a routing version refers to exact content. Pure checks and decision.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "ledger/event_type.h"

namespace ordo::attachments {

// The subject kind of attachments in the ledger (id = the SHA-256).
inline constexpr const char* kSubjectKind = "attachment";

// A file to store, its data decoded.
struct NewAttachment {
  std::string name;
  std::string media_type;
  std::string sha256;     // of `data`, lower-case hex
  std::int64_t size = 0;  // of `data`, in bytes
  std::string data;       // the bytes
};

// True for "type/subtype" made of letters, digits and . + - around one or more '/'.
bool IsMediaType(const std::string& text);

// Checks a store request and decodes its base64 `data`. Refusals, all invalid_argument, in
// this order: name (empty, or holding / \ or a line break), media_type (not
// type/subtype), data (not standard base64 with padding), data (empty).
Result<NewAttachment> ParseNewAttachment(std::string name, std::string media_type,
                                         const std::string& data_base64);

// Decides AttachmentStored (events.h), subject attachment/sha256. Fails with conflict,
// field data, reason attachment_exists when those bytes are already stored.
Result<ledger::Event> DecideStoreAttachment(const NewAttachment& attachment, bool already_stored);

}  // namespace ordo::attachments
