// Test support: checks a JSON value against an OpenAPI 3.0 schema (the subset ordo's
// documents use: type, nullable, properties, required, items, enum, $ref to
// #/components/schemas). Returns every mismatch with its JSON path.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ordo::testing {

// Mismatches of `value` against `schema`; `document` resolves $ref. Empty when it fits.
std::vector<std::string> SchemaMismatches(const nlohmann::json& schema, const nlohmann::json& value,
                                          const nlohmann::json& document,
                                          const std::string& path = "$");

}  // namespace ordo::testing
