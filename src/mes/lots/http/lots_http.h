// The lots capability's endpoints (the table routing, permissions, OpenAPI and docs
// derive from) and its worklist source.
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::lots {

std::vector<server::Endpoint> Endpoints();

// Quarantined lots wait for quality's release (source lots.quarantine, lots.release).
void RegisterWorklistSources();

}  // namespace ordo::lots
