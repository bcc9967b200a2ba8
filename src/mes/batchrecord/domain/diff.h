// Where two JSON documents differ, as JSON paths ("operations[2].parameters[0].value").
// Pure; used by the amendment view and `ordo ledger verify --record`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::batchrecord {

// The paths at which `a` and `b` differ, depth first in key order (a value only in one of
// them counts), at most `limit`. Empty when they are equal.
std::vector<std::string> DiffPaths(const Json& a, const Json& b, std::size_t limit = 50);

}  // namespace ordo::batchrecord
