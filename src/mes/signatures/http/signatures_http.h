// The signatures capability's endpoints: GET and POST /api/v1/signature-policy and
// POST /api/v1/signature-policy/acknowledge. (AuthenticateSigner, used by other
// capabilities' signed endpoints, is declared in signing.h.)
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::signatures {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::signatures
