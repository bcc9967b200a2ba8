// The masterdata capability's tables and projectors (docs/ledger-format.md, "Master data,
// change control and signature projections").
#pragma once

#include "mes/masterdata/in_force.h"
#include "store/schema.h"

namespace ordo::masterdata {

// Tables change_request, md_version and cr_participant as migrations (owner
// "masterdata").
store::TableSet Tables();
// Registers the projectors of ChangeRequestOpened, DraftSaved, DraftWithdrawn,
// ChangeRequestSubmitted, ChangeRequestApproved, ChangeRequestRejected and
// ChangeRequestWithdrawn (the reviewed and approval_signed events change no table).
void RegisterProjectors();
// Registers md_version as a guarded (sealed) table (store/version_integrity.cc).
void RegisterGuards();
// VersionsOf (queries.h) without the seal check (queries.cc); VersionsOf is this plus
// CheckedVersions (version_integrity.cc).
Result<std::vector<VersionRow>> VersionRowsOf(storage::Database& db, const std::string& kind,
                                              const std::string& id);
// `rows` after checking each against its seal and its content against its content hash:
// integrity_violation (naming the row) when one fails.
Result<std::vector<VersionRow>> CheckedVersions(storage::Database& db,
                                                Result<std::vector<VersionRow>> rows);

}  // namespace ordo::masterdata
