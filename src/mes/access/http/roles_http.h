// The role administration endpoints: POST /api/v1/users/{id}/roles (grant) and
// POST /api/v1/users/{id}/roles/{role}/revoke, both with a reason (http/roles_http.cc).
#pragma once

#include <vector>

#include "server/endpoint.h"

namespace ordo::access {

// The endpoint table of role administration (registered with the access capability).
std::vector<server::Endpoint> RoleEndpoints();

}  // namespace ordo::access
