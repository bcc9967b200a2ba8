// A new file readable by its owner only (mode 0600), for a secret `ordo init` hands to
// the operator of the demo: an API key, a password.
#pragma once

#include <string>

#include "core/result.h"

namespace ordo::admin {

// Creates `path` (never overwrites: unavailable when it exists) holding `line` and a line
// end. unavailable, naming the path, when it cannot be created or written.
Status WriteSecretFile(const std::string& path, const std::string& line);

}  // namespace ordo::admin
