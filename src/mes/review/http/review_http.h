// The review endpoints: POST/GET /api/v1/audit-reviews, GET /api/v1/audit-reviews/{id}.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::review {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::review
