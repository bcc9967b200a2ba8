// Decisions about users.
#include "mes/access/domain/user.h"

#include "core/permissions.h"
#include "mes/access/domain/reserved_names.h"
#include "mes/access/events.h"

namespace ordo::access {

namespace {

// invalid_argument, reason reserved_name, when `value` is one of the server's own actor
// names (reserved_names.h).
Status NotReserved(const char* field, const std::string& value) {
  if (!IsReservedName(value)) return Ok();
  return Error::Invalid(field,
                        std::string(field) + " '" + value +
                            "' is reserved: the server records its own entries under that name",
                        "reserved_name");
}

}  // namespace

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
  ORDO_TRY(NotReserved("name", c.name));
  if (c.display_name.empty() || c.display_name.size() > 200)
    return Error::Invalid("display_name", "display_name must be 1 to 200 characters long");
  ORDO_TRY(NotReserved("display_name", c.display_name));
  if (c.roles.empty()) return Error::Invalid("roles", "a user needs at least one role");
  for (const auto& r : c.roles)
    if (!IsRole(r))
      return Error::Invalid("roles", "unknown role '" + r + "'; expected " + RoleNames());
  return Ok();
}

Result<ledger::Event> DecideCreateUser(const CreateUser& c, const std::optional<User>& existing,
                                       std::int64_t next_id) {
  ORDO_TRY(ValidateCreateUser(c));
  if (existing)
    return Error{ErrorCode::kConflict,
                 "a user named '" + c.name + "' already exists (user names are never reused)",
                 "name", "name_taken"};
  return ledger::MakeEvent(UserCreated{next_id, c.name, c.display_name, c.roles}, kUserSubject,
                           std::to_string(next_id));
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
  ledger::Event e =
      ledger::MakeEvent(UserDisabled{target->id, target->name, false, true}, kUserSubject,
                        std::to_string(target->id), target->version + 1);
  e.reason = c.reason;
  return e;
}

Status ValidateRenameUser(const RenameUser& c) {
  if (c.display_name.empty() || c.display_name.size() > 200)
    return Error::Invalid("display_name", "display_name must be 1 to 200 characters long");
  ORDO_TRY(NotReserved("display_name", c.display_name));
  if (c.reason.empty()) return Error::Invalid("reason", "a rename needs a reason");
  return Ok();
}

Result<ledger::Event> DecideRenameUser(const RenameUser& c, const std::optional<User>& target) {
  ORDO_TRY(ValidateRenameUser(c));
  if (!target)
    return Error::Make(ErrorCode::kNotFound, "there is no user " + std::to_string(c.user_id));
  if (target->display_name == c.display_name)
    return Error{ErrorCode::kFailedPrecondition, "the user already has that name", "display_name",
                 "no_change"};
  ledger::Event e = ledger::MakeEvent(UserRenamed{c.user_id, target->display_name, c.display_name},
                                      kUserSubject, std::to_string(c.user_id), target->version + 1);
  e.reason = c.reason;
  return e;
}

}  // namespace ordo::access
