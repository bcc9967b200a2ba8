// The dispatch endpoints (/api/v1/work-units...): their table, handlers and schemas.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::dispatch {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::dispatch
