// Decisions of role administration (see roles.h).
#include "mes/access/domain/roles.h"

#include <algorithm>

#include "core/permissions.h"
#include "mes/access/events.h"

namespace ordo::access {

namespace {

constexpr const char* kAdminRole = "admin";

bool Holds(const User& user, const std::string& role) {
  return std::find(user.roles.begin(), user.roles.end(), role) != user.roles.end();
}

Error UserMissing(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "there is no user with id " + std::to_string(id), "id",
               "user_missing"};
}

}  // namespace

Status ValidateRoleChange(const std::string& role, const std::string& reason) {
  if (!IsRole(role))
    return Error::Invalid("role", "unknown role '" + role + "'; expected " + RoleNames(),
                          "unknown_role");
  if (reason.empty() || reason.size() > 1000)
    return Error::Invalid("reason", "a reason of 1 to 1000 characters is required",
                          "reason_required");
  return Ok();
}

Result<ledger::Event> DecideGrantRole(const GrantRole& c, const std::optional<User>& target,
                                      std::int64_t actor_user_id) {
  ORDO_TRY(ValidateRoleChange(c.role, c.reason));
  if (!target) return UserMissing(c.user_id);
  if (target->disabled)
    return Error{ErrorCode::kFailedPrecondition,
                 "user '" + target->name + "' is disabled; a disabled user gets no roles", "id",
                 "user_disabled"};
  if (target->id == actor_user_id)
    return Error{ErrorCode::kPermissionDenied,
                 "you cannot grant a role to yourself; another admin must grant it", "id",
                 "self_grant_forbidden"};
  if (Holds(*target, c.role))
    return Error{ErrorCode::kFailedPrecondition,
                 "user '" + target->name + "' already holds the role '" + c.role + "'", "role",
                 "already_held"};
  RoleGranted granted{target->id, target->name, c.role, target->roles, target->roles};
  granted.new_roles.push_back(c.role);
  ledger::Event e =
      ledger::MakeEvent(granted, kUserSubject, std::to_string(target->id), target->version + 1);
  e.reason = c.reason;
  return e;
}

Result<ledger::Event> DecideRevokeRole(const RevokeRole& c, const std::optional<User>& target,
                                       int active_admins) {
  ORDO_TRY(ValidateRoleChange(c.role, c.reason));
  if (!target) return UserMissing(c.user_id);
  if (!Holds(*target, c.role))
    return Error{ErrorCode::kFailedPrecondition,
                 "user '" + target->name + "' does not hold the role '" + c.role + "'", "role",
                 "not_held"};
  if (target->roles.size() == 1)
    return Error{ErrorCode::kFailedPrecondition,
                 "'" + c.role + "' is the only role of user '" + target->name +
                     "'; a user keeps at least one role (disable the user instead)",
                 "role", "last_role"};
  if (c.role == kAdminRole && !target->disabled && active_admins <= 1)
    return Error{
        ErrorCode::kFailedPrecondition,
        "user '" + target->name + "' is the only active admin; grant admin to another user first",
        "role", "last_admin"};
  RoleRevoked revoked{target->id, target->name, c.role, target->roles, {}};
  for (const auto& r : target->roles)
    if (r != c.role) revoked.new_roles.push_back(r);
  ledger::Event e =
      ledger::MakeEvent(revoked, kUserSubject, std::to_string(target->id), target->version + 1);
  e.reason = c.reason;
  return e;
}

}  // namespace ordo::access
