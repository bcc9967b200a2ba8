// Credentials: the state of a user's password (one-time or chosen, when it was set,
// whether the account is locked) and the decisions about it: may this password be used
// to sign in, a user's own change, an admin reset to a one-time password, a lock after
// repeated failed sign-ins and its lifting. Pure: time arrives as an argument.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/access/domain/user.h"

namespace ordo::access {

// A user's credential as stored (credential and password_state tables, account_lock).
struct CredentialState {
  bool must_change = false;        // a one-time password (admin set-up or reset)
  TimeMicros set_at_us = 0;        // when the password was set
  TimeMicros locked_until_us = 0;  // 0 = not locked
};

// What a correct password allows at sign-in.
enum class PasswordStanding {
  kUsable,   // sign in
  kOneTime,  // set by an admin: must be changed first
  kExpired,  // older than the site's expiry: must be changed first
};

// The standing of a correct password at `now`. `expiry_days` 0 = passwords never expire.
PasswordStanding StandingAt(const CredentialState& state, TimeMicros now, int expiry_days);
// "one_time" / "expired" / "usable".
const char* StandingName(PasswordStanding standing);

// True while the account is locked at `now`.
bool IsLocked(const CredentialState& state, TimeMicros now);

// PasswordChanged of `user` (their own change, from `client`); the password was
// checked before. Refusals: unauthenticated when the user is missing or disabled (the
// account may have been disabled while the password was checked).
Result<ledger::Event> DecidePasswordChanged(const std::optional<User>& user,
                                            const std::string& client);

struct ResetPassword {
  std::int64_t user_id = 0;
  std::string reason;
};

// PasswordReset of `target` by the admin `actor_user_id`. Refusals: invalid_argument
// (field reason) without a reason of 1 to 1000 characters; not_found (field id);
// failed_precondition (field id) when the user is disabled (reason user_disabled) or is
// the actor (reason self_reset: change your own password with the old one).
Result<ledger::Event> DecidePasswordReset(const ResetPassword& command,
                                          const std::optional<User>& target,
                                          std::int64_t actor_user_id);

// UserLocked of `user` until `until` after `failures` consecutive failed sign-ins.
ledger::Event UserLockedEvent(const User& user, TimeMicros until, int failures);

// UserUnlocked of `target`. Refusals: invalid_argument (field reason) without a reason;
// not_found (field name); failed_precondition (reason not_locked) when the account is
// not locked at `now`.
Result<ledger::Event> DecideUnlockUser(const std::optional<User>& target,
                                       const CredentialState& state, TimeMicros now,
                                       const std::string& reason);

// Whether the offline CLI (`ordo user add|disable|unlock --user NAME --password-file
// FILE`) may act as `user`: refusals, in this order: unauthenticated when the user is
// missing or disabled or the password did not match (one message for all three);
// permission_denied when the user is not an admin; failed_precondition (reason
// password_change_required) when the password is one-time. A lock does not refuse:
// the CLI is an admin's second path when the network sign-in is locked. An expired
// password does not refuse either (expiry asks for a change at the next sign-in).
Status CheckOfflineAdmin(const std::optional<User>& user, bool password_verified,
                         const CredentialState& state);

}  // namespace ordo::access
