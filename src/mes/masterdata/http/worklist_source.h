// The master data worklist source: change requests to approve (masterdata.approve
// holders, never one they took part in) and one's own drafts and submitted requests
// with what they wait for (masterdata.read: anyone who may have drafted).
#pragma once

namespace ordo::masterdata {

// Registers the source "masterdata.change_requests" (server/worklist.h). Start-up only.
void RegisterWorklistSources();

}  // namespace ordo::masterdata
