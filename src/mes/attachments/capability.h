// The attachments capability: attachments of work instructions, by SHA-256. See README.md.
#pragma once

namespace ordo::attachments {

// Hands the capability's event types, tables, projectors, permissions and endpoints
// to the platform. Called once by the composition root (src/cli/capabilities.cc).
void Register();

}  // namespace ordo::attachments
