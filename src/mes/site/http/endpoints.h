// The site capability's endpoints.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::site {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::site
