// Parsing of URL query parameters with the same clear errors as request bodies.
#pragma once

#include <map>
#include <string>

#include "core/result.h"

namespace ordo::server {

// Integer parameter `name` in [min, max]; `fallback` when absent.
Result<std::int64_t> IntParam(const std::map<std::string, std::string>& query,
                              const std::string& name, std::int64_t fallback, std::int64_t min,
                              std::int64_t max);

}  // namespace ordo::server
