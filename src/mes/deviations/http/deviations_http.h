// The deviations endpoints (docs/api.md) and the worklist source deviations.open.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::deviations {

std::vector<server::Endpoint> Endpoints();
// deviations.open: open deviations waiting for quality (oldest first).
void RegisterWorklistSources();

}  // namespace ordo::deviations
