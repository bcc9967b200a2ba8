// The attachments capability's one command: store a file.
#pragma once

#include "engine/engine.h"
#include "mes/attachments/domain/attachment.h"

namespace ordo::attachments {

// AttachmentStored (see DecideStoreAttachment), with the bytes put into attachment_data in
// the same transaction. Fails with conflict (reason attachment_exists) when those bytes
// are already stored. Reply: {"attachment": {sha256, name, media_type, size, seq}}, 201.
engine::Command StoreAttachment(engine::Actor actor, NewAttachment attachment);

}  // namespace ordo::attachments
