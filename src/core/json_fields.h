// Small readers of JSON object fields for content whose shape was checked where it was
// written (master data content, pinned specs): a missing field or one of another type
// reads as empty rather than failing.
#pragma once

#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo {

// The string field `key` of `object`, or "" when it is missing, not a string, or
// `object` is not an object.
inline std::string TextField(const Json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The strings of the array field `key` of `object` (other elements skipped), or none.
inline std::vector<std::string> TextsField(const Json& object, const char* key) {
  std::vector<std::string> out;
  if (!object.is_object()) return out;
  auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace ordo
