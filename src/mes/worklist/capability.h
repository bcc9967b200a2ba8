// The worklist capability (the home page's list of what waits for a person). See README.md.
#pragma once

namespace ordo::worklist {

// Hands the worklist's permission and endpoint to the platform. Called once by the
// composition root (src/cli/capabilities.cc); the sources come from other capabilities.
void Register();

}  // namespace ordo::worklist
