// The engine commands that grant and revoke a user's roles (HTTP API only).
#pragma once

#include "engine/engine.h"
#include "mes/access/domain/roles.h"

namespace ordo::access {

// RoleGranted (see DecideGrantRole); the actor is the admin who grants. Reply:
// {"user": the user as projected after the grant, "seq"}, status 200.
engine::Command GrantRoleCommand(engine::Actor actor, GrantRole command);
// RoleRevoked (see DecideRevokeRole), counting the active admins in the same
// transaction. Reply as GrantRoleCommand.
engine::Command RevokeRoleCommand(engine::Actor actor, RevokeRole command);

}  // namespace ordo::access
