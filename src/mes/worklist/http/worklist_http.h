// The worklist endpoint table (GET /api/v1/worklist) and its handler.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::worklist {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::worklist
