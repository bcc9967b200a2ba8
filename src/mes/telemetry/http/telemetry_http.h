// The telemetry endpoints: define and list tags, read a tag's values.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::telemetry {

std::vector<server::Endpoint> Endpoints();

}  // namespace ordo::telemetry
