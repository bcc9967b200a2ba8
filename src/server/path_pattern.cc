// Path patterns (path_pattern.h).
#include "server/path_pattern.h"

namespace ordo::server {

bool MatchPath(const std::string& pattern, const std::string& path,
               std::map<std::string, std::string>* params) {
  std::size_t i = 0, j = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      std::size_t end = path.find('/', j);
      if (end == std::string::npos) end = path.size();
      if (close == std::string::npos || j >= path.size() || end == j) return false;
      (*params)[pattern.substr(i + 1, close - i - 1)] = path.substr(j, end - j);
      i = close + 1;
      j = end;
      continue;
    }
    if (j >= path.size() || pattern[i] != path[j]) return false;
    ++i;
    ++j;
  }
  return j == path.size();
}

}  // namespace ordo::server
