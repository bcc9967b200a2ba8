// Matching a request path against an endpoint's path pattern, for the MES's router
// (server/api.cc) and the MIS's (mis/http/router.cc).
#pragma once

#include <map>
#include <string>

namespace ordo::server {

// True when `path` matches `pattern` ("/api/v1/users/{id}/disable"): literal characters
// equal, each {name} one non-empty path segment (no '/'), which is put in `params` under
// that name. Nothing else: no trailing-slash or case folding. A pattern with an unclosed
// '{' matches nothing.
bool MatchPath(const std::string& pattern, const std::string& path,
               std::map<std::string, std::string>* params);

}  // namespace ordo::server
