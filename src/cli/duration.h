// Parsing the durations of command-line flags such as `ordo serve --audit-interval`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ordo::cli {

// Seconds in "90", "90s", "15m", "1h" or "2d" (a whole number and one optional unit);
// "0" is zero. nullopt for anything else (empty, negative, fractions, other units, more
// than 366 days).
std::optional<std::int64_t> ParseDurationSeconds(const std::string& text);

}  // namespace ordo::cli
