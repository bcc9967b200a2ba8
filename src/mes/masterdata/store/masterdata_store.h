// The masterdata capability's tables and projectors (docs/ledger-format.md, "Master data,
// change control and signature projections").
#pragma once

#include "store/schema.h"

namespace ordo::masterdata {

// Tables change_request, md_version and cr_participant as migrations (owner
// "masterdata").
store::TableSet Tables();
// Registers the projectors of ChangeRequestOpened, DraftSaved, DraftWithdrawn,
// ChangeRequestSubmitted, ChangeRequestApproved, ChangeRequestRejected and
// ChangeRequestWithdrawn (the reviewed and approval_signed events change no table).
void RegisterProjectors();

}  // namespace ordo::masterdata
