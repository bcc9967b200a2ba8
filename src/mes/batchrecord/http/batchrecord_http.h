// The batch record's endpoints (their table) and its worklist source.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::batchrecord {

std::vector<server::Endpoint> Endpoints();
void RegisterWorklistSources();

}  // namespace ordo::batchrecord
