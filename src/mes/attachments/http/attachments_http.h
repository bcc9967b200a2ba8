// The attachments capability's endpoints: POST /api/v1/attachments and
// GET /api/v1/attachments/{sha256}.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::attachments {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::attachments
