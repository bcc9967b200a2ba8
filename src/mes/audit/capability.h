// The audit capability: the audit trail: ledger feed, verification, security events. See README.md.
#pragma once

namespace ordo::audit {

// Hands the capability's event types, tables, projectors, permissions and endpoints
// to the platform. Called once by the composition root (src/cli/capabilities.cc).
void Register();

}  // namespace ordo::audit
