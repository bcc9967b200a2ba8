// The signatures capability's endpoints.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::signatures {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::signatures
