// The genealogy capability's endpoints (the table routing, permissions, OpenAPI and docs
// derive from).
#pragma once

#include <vector>

#include "core/canonical_json.h"
#include "mes/genealogy/genealogy.h"
#include "mes/genealogy/recall.h"
#include "server/endpoint.h"

namespace ordo::genealogy {

std::vector<server::Endpoint> Endpoints();

// The JSON form of a trace (the answer of GET /api/v1/genealogy/{id}; `ordo trace --json`
// prints it as it comes).
Json TraceJson(const Trace& trace);

// GET /api/v1/genealogy/{lot}/recall (http/recall_http.cc) and the JSON form of a recall
// report (`ordo trace recall` prints it as it comes).
server::Endpoint RecallEndpoint();
Json RecallJson(const RecallReport& report);

}  // namespace ordo::genealogy
