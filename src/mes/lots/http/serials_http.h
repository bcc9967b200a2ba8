// The serial endpoints of the lots capability (GET /api/v1/serials and
// /api/v1/serials/{serial}, permission lots.read): the table routing, permissions, OpenAPI
// and docs derive from.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::lots {

std::vector<server::Endpoint> SerialEndpoints();

}  // namespace ordo::lots
