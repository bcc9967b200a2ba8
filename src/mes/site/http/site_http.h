// The site capability's endpoint: GET /api/v1/site/settings.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::site {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::site
