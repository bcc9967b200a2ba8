// The execution capability (the rules of operation execution and the data collected).
// See README.md.
#pragma once

namespace ordo::execution {

// Hands execution's event types, tables, projectors, guarded tables and permissions to
// the platform. Called once by the composition root (src/cli/capabilities.cc), after
// orders and lots (its commands will read their tables).
void Register();

}  // namespace ordo::execution
