// The access capability's endpoints.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::access {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::access
