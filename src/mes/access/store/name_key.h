// The per-installation key of the keyed hash of unknown login names
// (domain/attempted_name.h): 32 random bytes, hex, in DIR/keys/login-name-hmac.key (0600),
// created on first use. It is not in ordo.db and not in the ledger, so a copy of the
// database alone cannot be used to test guesses against recorded names.
#pragma once

#include <string>

#include "core/result.h"

namespace ordo::access {

// The key of the data directory `data_dir`, created when missing. unavailable when the
// file cannot be read or created.
Result<std::string> LoadOrCreateNameKey(const std::string& data_dir);

}  // namespace ordo::access
