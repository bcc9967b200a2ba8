// The personnel capability: qualification grants and training records. See README.md.
#pragma once

namespace ordo::personnel {

// Hands the capability's event types, tables, projectors, permissions and endpoints
// to the platform. Called once by the composition root (src/cli/capabilities.cc).
void Register();

}  // namespace ordo::personnel
