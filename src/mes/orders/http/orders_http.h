// The orders endpoints (/api/v1/orders...): their table and handlers.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::orders {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::orders
