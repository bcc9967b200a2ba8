// The audit capability's endpoints.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::audit {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::audit
