// The genealogy capability's endpoints (the table routing, permissions, OpenAPI and docs
// derive from).
#pragma once

#include <vector>

#include "core/canonical_json.h"
#include "mes/genealogy/genealogy.h"
#include "server/endpoint.h"

namespace ordo::genealogy {

std::vector<server::Endpoint> Endpoints();

// The JSON form of a trace (the answer of GET /api/v1/genealogy/{id}; `ordo trace --json`
// prints it as it comes).
Json TraceJson(const Trace& trace);

}  // namespace ordo::genealogy
