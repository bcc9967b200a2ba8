// The reserved actor names (see reserved_names.h).
#include "mes/access/domain/reserved_names.h"

#include <algorithm>
#include <cctype>

namespace ordo::access {

const std::vector<std::string>& ReservedNames() {
  static const std::vector<std::string> kNames{kSystemActor, kAnonymousActor};
  return kNames;
}

bool IsReservedName(std::string_view name) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!name.empty() && space(name.front())) name.remove_prefix(1);
  while (!name.empty() && space(name.back())) name.remove_suffix(1);
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto& names = ReservedNames();
  return std::find(names.begin(), names.end(), lower) != names.end();
}

}  // namespace ordo::access
