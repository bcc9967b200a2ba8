// The execution endpoints: the operation commands under
// /api/v1/orders/{id}/operations/{operation}/ and the operation view for the terminal.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::execution {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::execution
