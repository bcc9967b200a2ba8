// The attachments capability's public read API: is a file with this SHA-256 stored?
// (Transitional: forwards to src/store until the queries move, issue 7.)
#pragma once

#include "store/masterdata_queries.h"

namespace ordo::attachments {

using store::AttachmentRow;
using store::FindAttachment;

}  // namespace ordo::attachments
