// The lots capability (material lots, their status and balance). See README.md.
#pragma once

namespace ordo::lots {

// Hands the lots capability's event types, tables, projectors, guards, permissions,
// endpoints and worklist source to the platform. Called once by the composition root
// (src/cli/capabilities.cc), after masterdata (receipts read materials in force).
void Register();

}  // namespace ordo::lots
