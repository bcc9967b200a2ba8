// Registration of the review capability (signed audit trail reviews).
#pragma once

namespace ordo::review {

// Registers the review's event, table, projector, permission and endpoints. Start-up
// only, after the signatures and audit capabilities.
void Register();

}  // namespace ordo::review
