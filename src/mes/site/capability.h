// The site capability: site settings. See README.md.
#pragma once

namespace ordo::site {

// Hands the capability's event types, tables, projectors, permissions and endpoints
// to the platform. Called once by the composition root (src/cli/capabilities.cc).
void Register();

}  // namespace ordo::site
