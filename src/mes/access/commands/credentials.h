// The engine commands of credentials: a user's own password change, an admin reset to a
// one-time password, the lock of an account after repeated failed sign-ins and its
// lifting. The hash is computed before (off the writer) and written beside the entry;
// no password and no hash is in the ledger.
#pragma once

#include <cstdint>
#include <string>

#include "engine/engine.h"
#include "mes/access/domain/credential.h"

namespace ordo::access {

// PasswordChanged of `user_id` (see DecidePasswordChanged) and the new hash, a chosen
// password set now. Reply {"user", "seq"}, status 200.
engine::Command ChangePasswordCommand(engine::Actor actor, std::int64_t user_id,
                                      std::string new_hash, std::string client);
// PasswordReset (see DecidePasswordReset) and the one-time hash. Reply {"user", "seq"},
// status 200.
engine::Command ResetPasswordCommand(engine::Actor actor, ResetPassword command,
                                     std::string one_time_hash);
// UserLocked of the user `user_id` until `until`, recorded by the system. Status 200.
// Refused (not_found) when the user is gone.
engine::Command LockUserCommand(std::int64_t user_id, TimeMicros until, int failures);
// UserUnlocked of the user named `name` (see DecideUnlockUser). Reply {"user", "seq"},
// status 200.
engine::Command UnlockUserCommand(engine::Actor actor, std::string name, std::string reason);

}  // namespace ordo::access
