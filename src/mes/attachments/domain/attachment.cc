// Attachment checks and decision (see attachment.h).
#include "mes/attachments/domain/attachment.h"

#include <cctype>

#include "core/crypto.h"
#include "mes/attachments/events.h"

namespace ordo::attachments {

bool IsMediaType(const std::string& t) {
  const auto slash = t.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == t.size()) return false;
  for (char c : t)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '.' && c != '+' &&
        c != '-')
      return false;
  return true;
}

Result<NewAttachment> ParseNewAttachment(std::string name, std::string media_type,
                                         const std::string& data_base64) {
  if (name.empty() || name.find_first_of("/\\\n\r") != std::string::npos)
    return Error::Invalid("name", "name must be a file name without / or \\");
  if (!IsMediaType(media_type))
    return Error::Invalid("media_type", "media_type must look like type/subtype");
  auto data = DecodeBase64(data_base64);
  if (!data) return Error::Invalid("data", "data must be standard base64 (with padding)");
  if (data->empty()) return Error::Invalid("data", "an attachment cannot be empty");
  NewAttachment a;
  a.name = std::move(name);
  a.media_type = std::move(media_type);
  a.sha256 = Sha256Hex(*data);
  a.size = static_cast<std::int64_t>(data->size());
  a.data = std::move(*data);
  return a;
}

Result<ledger::Event> DecideStoreAttachment(const NewAttachment& a, bool already_stored) {
  if (already_stored)
    return Error{ErrorCode::kConflict, "this content is already stored as " + a.sha256, "data",
                 "attachment_exists"};
  return ledger::MakeEvent(AttachmentStored{a.sha256, a.name, a.media_type, a.size}, kSubjectKind,
                           a.sha256);
}

}  // namespace ordo::attachments
