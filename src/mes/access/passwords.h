// The access capability's public password check (re-authentication for signatures and
// policy acknowledgements). (Transitional: forwards to src/server until it moves, issue 7.)
#pragma once

#include "server/legacy_handlers.h"

namespace ordo::access {

// Checks `password` for `user_id` on the hashing pool; resumes on the io thread.
using server::CheckPassword;

}  // namespace ordo::access
