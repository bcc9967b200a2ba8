// The personnel capability's endpoints.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::personnel {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::personnel
