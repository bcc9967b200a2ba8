// Response schemas of the dispatch endpoints.
#pragma once

#include "core/canonical_json.h"

namespace ordo::dispatch {

Json WorkUnitSchema();
Json DispatchListSchema();

}  // namespace ordo::dispatch
