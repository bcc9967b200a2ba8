// The logbook's endpoints: POST and GET /api/v1/logbook.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::logbook {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::logbook
