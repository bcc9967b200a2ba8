// The engine commands of the sign-in trail: a sign-in succeeded or failed, a session
// ended. `client` is the client address (no port); no password is ever recorded.
#pragma once

#include <string>

#include "engine/engine.h"

namespace ordo::access {

// LoginSucceeded of `actor`. Refused (unauthenticated) when the user is missing or was
// disabled since the password was checked (see DecideLoginSucceeded). Status 200.
engine::Command LoginSucceededCommand(engine::Actor actor, const std::string& client);
// LoginFailed of the name that was typed; `detail` says why. Recorded as anonymous.
engine::Command LoginFailedCommand(const std::string& attempted_user, const std::string& client,
                                   const std::string& detail);
// LoggedOut of `actor`; `why` e.g. "sign-out". Status 200.
engine::Command LoggedOutCommand(engine::Actor actor, const std::string& client,
                                 const std::string& why);

}  // namespace ordo::access
