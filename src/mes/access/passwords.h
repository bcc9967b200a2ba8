// The access capability's public password check: re-authentication for signatures and
// policy acknowledgements (implemented in http/passwords.cc).
#pragma once

#include <cstdint>
#include <string>

#include "server/api.h"

namespace ordo::access {

// Checks `password` against the Argon2id hash of `user_id` on the API's hashing pool and
// resumes on the io thread: true when it matches. A user without a hash costs the same
// work (checked against a dummy hash) and never matches; a locked account never matches
// either (the admin lock, lifted with `ordo user unlock`). Io thread only.
server::Awaitable<bool> CheckPassword(server::Api& api, std::int64_t user_id, std::string password);

}  // namespace ordo::access
