// The logbook capability (GMP equipment and area logbooks). See README.md.
#pragma once

namespace ordo::logbook {

// Hands the logbook's event types, tables, projectors, permissions and endpoints to
// the platform. Called once by the composition root (src/cli/capabilities.cc).
void Register();

}  // namespace ordo::logbook
