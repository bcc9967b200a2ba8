// How a typed login name is recorded when it belongs to no user (a failed sign-in or
// signing): never verbatim, because people type their password into the user field.
// Pure: the per-installation key arrives as an argument (store/name_key.h keeps it).
#pragma once

#include <string>

namespace ordo::access {

// `typed` itself when `known` (a user with that login name exists); otherwise
// "unknown:" followed by the first 24 hex digits of HMAC-SHA-256(key, typed): equal
// typed names give equal records (repeated guesses stay visible) and nobody without
// the key can test guesses against them.
std::string RecordedLoginName(const std::string& typed, bool known, const std::string& key);

}  // namespace ordo::access
