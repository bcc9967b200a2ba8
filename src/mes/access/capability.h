// The access capability: users, roles and sign-in. See README.md.
#pragma once

namespace ordo::access {

// Hands the capability's event types, tables, projectors, permissions and endpoints
// to the platform. Called once by the composition root (src/cli/capabilities.cc).
void Register();

}  // namespace ordo::access
