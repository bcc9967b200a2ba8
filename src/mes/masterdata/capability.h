// The masterdata capability: master data under change control. See README.md.
#pragma once

namespace ordo::masterdata {

// Hands the capability's event types, tables, projectors, permissions and endpoints
// to the platform. Called once by the composition root (src/cli/capabilities.cc).
void Register();

}  // namespace ordo::masterdata
