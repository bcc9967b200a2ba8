// Decisions about users.
#include "mes/access/domain/user.h"

#include "core/permissions.h"

namespace ordo::access {

Status ValidateCreateUser(const CreateUser& c) {
  if (c.name.size() < 2 || c.name.size() > 64)
    return Error::Invalid("name", "name must be 2 to 64 characters long");
  for (char ch : c.name) {
    bool ok =
        (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
    if (!ok)
      return Error::Invalid("name",
                            "name may contain only lower-case letters, digits, '.', '_' and '-'");
  }
  if (c.display_name.empty() || c.display_name.size() > 200)
    return Error::Invalid("display_name", "display_name must be 1 to 200 characters long");
  if (c.roles.empty()) return Error::Invalid("roles", "a user needs at least one role");
  for (const auto& r : c.roles)
    if (!IsRole(r))
      return Error::Invalid("roles", "unknown role '" + r +
                                         "'; expected operator, supervisor, quality, engineer "
                                         "or admin");
  return Ok();
}

Result<ledger::Event> DecideCreateUser(const CreateUser& c, const std::optional<User>& existing,
                                       std::int64_t next_id) {
  ORDO_TRY(ValidateCreateUser(c));
  if (existing)
    return Error{ErrorCode::kConflict,
                 "a user named '" + c.name + "' already exists (user names are never reused)",
                 "name", "name_taken"};
  ledger::Event e;
  e.type = "user.created";
  e.subject_kind = "user";
  e.subject_id = std::to_string(next_id);
  e.subject_version = 1;
  e.payload = Json{
      {"user_id", next_id}, {"name", c.name}, {"display_name", c.display_name}, {"roles", c.roles}};
  return e;
}

Result<ledger::Event> DecideDisableUser(const DisableUser& c, const std::optional<User>& target,
                                        std::int64_t actor_user_id) {
  if (c.reason.empty() || c.reason.size() > 1000)
    return Error::Invalid("reason", "a reason of 1 to 1000 characters is required");
  if (!target)
    return Error{ErrorCode::kNotFound, "no user with id " + std::to_string(c.user_id), "id", {}};
  if (target->disabled)
    return Error{ErrorCode::kFailedPrecondition, "user '" + target->name + "' is already disabled",
                 "id", "already_disabled"};
  if (target->id == actor_user_id)
    return Error{ErrorCode::kFailedPrecondition, "you cannot disable your own account", "id",
                 "self_disable"};
  ledger::Event e;
  e.type = "user.disabled";
  e.subject_kind = "user";
  e.subject_id = std::to_string(target->id);
  e.subject_version = target->version + 1;
  e.payload = Json{{"user_id", target->id},
                   {"name", target->name},
                   {"old", {{"disabled", false}}},
                   {"new", {{"disabled", true}}}};
  e.reason = c.reason;
  return e;
}

}  // namespace ordo::access
