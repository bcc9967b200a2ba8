// The role events' projection (app_user.roles) and the query the revoke decision needs.
#pragma once

#include "core/result.h"
#include "storage/database.h"

namespace ordo::access {

// Registers the projectors of RoleGranted and RoleRevoked: app_user.roles becomes the
// event's new roles, version and updated_seq move with the entry.
void RegisterRoleProjectors();

// The number of users, not disabled, who hold the admin role. Every app_user row read is
// checked against its seal (store::CheckSealedRow): an edited row refuses the count with
// integrity_violation naming it.
Result<int> CountActiveAdmins(storage::Database& db);

}  // namespace ordo::access
