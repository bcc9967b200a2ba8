// Field paths shared by validation, references and diffs: "operations[id=20].high".
// Internal to the masterdata domain.
#pragma once

#include <string>

#include "core/canonical_json.h"

namespace ordo::masterdata {

// `prefix.name`, or `name` at the top level.
inline std::string JoinPath(const std::string& prefix, const std::string& name) {
  return prefix.empty() ? name : prefix + "." + name;
}

// A list item by position: `list[index]`.
inline std::string IndexPath(const std::string& list_path, std::size_t index) {
  return list_path + "[" + std::to_string(index) + "]";
}

// A list item: `list[key=value]` when the item's key is present and a string, else
// `list[index]`.
inline std::string ItemPath(const std::string& list_path, const std::string& key, const Json& item,
                            std::size_t index) {
  if (!key.empty() && item.is_object()) {
    auto it = item.find(key);
    if (it != item.end() && it->is_string())
      return list_path + "[" + key + "=" + it->get<std::string>() + "]";
  }
  return IndexPath(list_path, index);
}

}  // namespace ordo::masterdata
