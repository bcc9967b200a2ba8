// The signatures capability's endpoints: GET /api/v1/signature-policy (the policy in force) and
// POST /api/v1/signature-policy/acknowledge. (AuthenticateSigner, used by other
// capabilities' signed endpoints, is declared in signing.h.)
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::signatures {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::signatures
