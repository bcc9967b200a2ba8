// Role administration: an admin grants a role to a user or revokes one, always with a
// reason. Pure decisions on the user as it is now; the events are RoleGranted and
// RoleRevoked (role_events.h). Roles set at creation (CreateUser) are unchanged by this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/access/domain/user.h"

namespace ordo::access {

struct GrantRole {
  std::int64_t user_id = 0;
  std::string role;
  std::string reason;  // 1 to 1000 characters, recorded as the entry's reason
};

struct RevokeRole {
  std::int64_t user_id = 0;
  std::string role;
  std::string reason;
};

// Checks a role change alone: invalid_argument, field role, reason unknown_role (not one
// of operator, supervisor, quality, engineer, admin, feed_reader); invalid_argument, field reason,
// reason reason_required (not 1 to 1000 characters).
Status ValidateRoleChange(const std::string& role, const std::string& reason);

// Decides RoleGranted: the role is appended to the user's roles. Refuses, in this order:
// as ValidateRoleChange; not_found, field id, reason user_missing (no such user);
// failed_precondition, field id, reason user_disabled; permission_denied, field id,
// reason self_grant_forbidden (an admin cannot grant a role to themselves: another admin
// must); failed_precondition, field role, reason already_held.
Result<ledger::Event> DecideGrantRole(const GrantRole& command, const std::optional<User>& target,
                                      std::int64_t actor_user_id);

// Decides RoleRevoked: the role is removed from the user's roles. `active_admins` is the
// number of users, not disabled, who hold admin now (the target included). Refuses, in
// this order: as ValidateRoleChange; not_found, field id, reason user_missing;
// failed_precondition, field role, reason not_held; failed_precondition, field role,
// reason last_role (a user keeps at least one role: disable the user instead);
// failed_precondition, field role, reason last_admin (revoking admin from the only active
// admin would leave the site without one). Revoking one's own role is allowed.
Result<ledger::Event> DecideRevokeRole(const RevokeRole& command, const std::optional<User>& target,
                                       int active_admins);

}  // namespace ordo::access
