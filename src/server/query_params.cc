// Query parameter parsing.
#include "server/query_params.h"

#include <charconv>

namespace ordo::server {

Result<std::int64_t> IntParam(const std::map<std::string, std::string>& query,
                              const std::string& name, std::int64_t fallback, std::int64_t min,
                              std::int64_t max) {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) return fallback;
  std::int64_t value = 0;
  const char* end = it->second.data() + it->second.size();
  auto [ptr, ec] = std::from_chars(it->second.data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max)
    return Error::Invalid(name, "query parameter '" + name + "' must be an integer from " +
                                    std::to_string(min) + " to " + std::to_string(max));
  return value;
}

}  // namespace ordo::server
