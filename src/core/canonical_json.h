// Canonical JSON: the one byte form of a JSON value that ordo hashes and signs.
// Object keys sorted by byte order, no whitespace, UTF-8, numbers as nlohmann
// prints them (integers exact; doubles shortest round-trip). See docs/ledger-format.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ordo {

using Json = nlohmann::json;

// Canonical form of `value`. Precondition: strings are valid UTF-8 (values parsed by
// nlohmann's parser always are); NaN and infinities are never stored.
std::string CanonicalJson(const Json& value);

}  // namespace ordo
