// The sign-in trail: the events recorded when a sign-in succeeds or fails and when a
// session ends. The password is checked before (off the writer); these decisions only
// record the outcome.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/access/domain/user.h"

namespace ordo::access {

// The subject kind of session events in the ledger.
inline constexpr const char* kSessionSubject = "session";

// Decides LoginSucceeded for `user_id` (login `user_name`) from `client`. `user` is the
// account as it is now: the password was checked off the writer and the account may have
// been disabled since, so a missing or disabled account is refused (unauthenticated).
Result<ledger::Event> DecideLoginSucceeded(std::int64_t user_id, const std::string& user_name,
                                           const std::string& client,
                                           const std::optional<User>& user);

// LoginFailed: `attempted_user` is the name that was typed (the subject id), `detail`
// why it failed (unknown user, user disabled, wrong password, throttled).
ledger::Event LoginFailedEvent(const std::string& attempted_user, const std::string& client,
                               const std::string& detail);

// LoggedOut of `user_id` (login `user_name`); `why` e.g. "sign-out".
ledger::Event LoggedOutEvent(std::int64_t user_id, const std::string& user_name,
                             const std::string& client, const std::string& why);

}  // namespace ordo::access
