// The access capability's public rule for recording a typed login name after a failed
// sign-in or signing (implemented in http/attempts.cc): a user's name as is, any other
// text only as a keyed hash, so a password typed into the user field is never kept.
#pragma once

#include <string>

#include "server/api.h"

namespace ordo::access {

// `typed` when a user has that login name (or it is empty); otherwise "unknown:" and a
// keyed hash (domain/attempted_name.h) under the installation's key
// (store/name_key.h), or "unknown:redacted" when the key cannot be read. Io thread only.
std::string RecordableLoginName(server::Api& api, const std::string& typed);

}  // namespace ordo::access
