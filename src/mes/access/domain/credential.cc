// Decisions about credentials.
#include "mes/access/domain/credential.h"

#include <algorithm>

#include "mes/access/events/credentials.h"

namespace ordo::access {

PasswordStanding StandingAt(const CredentialState& state, TimeMicros now, int expiry_days) {
  if (state.must_change) return PasswordStanding::kOneTime;
  if (expiry_days > 0) {
    const TimeMicros age = now - state.set_at_us;
    if (age >= static_cast<TimeMicros>(expiry_days) * 86'400'000'000LL)
      return PasswordStanding::kExpired;
  }
  return PasswordStanding::kUsable;
}

const char* StandingName(PasswordStanding standing) {
  switch (standing) {
    case PasswordStanding::kOneTime:
      return "one_time";
    case PasswordStanding::kExpired:
      return "expired";
    case PasswordStanding::kUsable:
      break;
  }
  return "usable";
}

bool IsLocked(const CredentialState& state, TimeMicros now) { return state.locked_until_us > now; }

Result<ledger::Event> DecidePasswordChanged(const std::optional<User>& user,
                                            const std::string& client) {
  if (!user || user->disabled)
    return Error::Make(ErrorCode::kUnauthenticated, "the account is disabled");
  return ledger::MakeEvent(PasswordChanged{user->id, user->name, client}, kCredentialSubject,
                           std::to_string(user->id));
}

Result<ledger::Event> DecidePasswordReset(const ResetPassword& c, const std::optional<User>& target,
                                          std::int64_t actor_user_id) {
  if (c.reason.empty() || c.reason.size() > 1000)
    return Error::Invalid("reason", "a reason of 1 to 1000 characters is required");
  if (!target)
    return Error{ErrorCode::kNotFound, "no user with id " + std::to_string(c.user_id), "id", {}};
  if (target->disabled)
    return Error{ErrorCode::kFailedPrecondition,
                 "user '" + target->name + "' is disabled; a disabled account gets no password",
                 "id", "user_disabled"};
  if (target->id == actor_user_id)
    return Error{ErrorCode::kFailedPrecondition,
                 "you cannot reset your own password; change it with your current one "
                 "(POST /api/v1/session/password)",
                 "id", "self_reset"};
  ledger::Event e = ledger::MakeEvent(PasswordReset{target->id, target->name}, kCredentialSubject,
                                      std::to_string(target->id));
  e.reason = c.reason;
  return e;
}

ledger::Event UserLockedEvent(const User& user, TimeMicros until, int failures) {
  return ledger::MakeEvent(UserLocked{user.id, user.name, until, failures}, kCredentialSubject,
                           std::to_string(user.id));
}

Result<ledger::Event> DecideUnlockUser(const std::optional<User>& target,
                                       const CredentialState& state, TimeMicros now,
                                       const std::string& reason) {
  if (reason.empty() || reason.size() > 1000)
    return Error::Invalid("reason", "a reason of 1 to 1000 characters is required");
  if (!target) return Error{ErrorCode::kNotFound, "there is no such user", "name", {}};
  if (!IsLocked(state, now))
    return Error{ErrorCode::kFailedPrecondition,
                 "user '" + target->name + "' is not locked; nothing to unlock", "name",
                 "not_locked"};
  ledger::Event e = ledger::MakeEvent(UserUnlocked{target->id, target->name}, kCredentialSubject,
                                      std::to_string(target->id));
  e.reason = reason;
  return e;
}

Status CheckOfflineAdmin(const std::optional<User>& user, bool password_verified,
                         const CredentialState& state) {
  if (!user || user->disabled || !password_verified)
    return Error::Make(ErrorCode::kUnauthenticated,
                       "--user/--password-file: user name or password is wrong, or the account "
                       "is disabled; nothing was written");
  if (std::find(user->roles.begin(), user->roles.end(), "admin") == user->roles.end())
    return Error::Make(ErrorCode::kPermissionDenied,
                       "user '" + user->name + "' is not an admin; nothing was written");
  if (state.must_change)
    return Error{ErrorCode::kFailedPrecondition,
                 "user '" + user->name +
                     "' has a one-time password: change it at the sign-in first; nothing was "
                     "written",
                 "password", "password_change_required"};
  return Ok();
}

}  // namespace ordo::access
