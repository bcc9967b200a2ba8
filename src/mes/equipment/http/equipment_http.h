// The equipment endpoints: the source registry (sources_http.cc), machine data ingest
// and the read-back of states and counts (data_http.cc), with their response schemas
// (schemas.cc).
#pragma once

#include <vector>

#include "core/canonical_json.h"
#include "server/endpoint.h"

namespace ordo::equipment {

std::vector<server::Endpoint> SourceEndpoints();
std::vector<server::Endpoint> DataEndpoints();
// The equipment board, its stream and the downtime list (board_http.cc, board_schemas.cc).
std::vector<server::Endpoint> BoardEndpoints();
Json BoardSchema();
Json DowntimeListSchema();
// The supervisor's override of an availability block (availability_http.cc).
std::vector<server::Endpoint> AvailabilityEndpoints();

// Response schemas.
Json SourceSchema();
Json StatesSchema();
Json CountsSchema();
Json IngestSchema();
Json IntervalSchema();
Json AssignedSchema();
Json DowntimeSchema();

}  // namespace ordo::equipment
