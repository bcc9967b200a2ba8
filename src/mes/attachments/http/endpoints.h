// The attachments capability's endpoints.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::attachments {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::attachments
