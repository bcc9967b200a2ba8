// The personnel capability's endpoints: POST and GET /api/v1/personnel/qualifications and
// /api/v1/personnel/training.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::personnel {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::personnel
