// JSON differences (diff.h).
#include "mes/batchrecord/domain/diff.h"

#include <set>

namespace ordo::batchrecord {

namespace {

void Walk(const Json& a, const Json& b, const std::string& path, std::size_t limit,
          std::vector<std::string>& out) {
  if (out.size() >= limit || a == b) return;
  const std::string here = path.empty() ? "$" : path;
  if (a.is_object() && b.is_object()) {
    std::set<std::string> keys;
    for (auto it = a.begin(); it != a.end(); ++it) keys.insert(it.key());
    for (auto it = b.begin(); it != b.end(); ++it) keys.insert(it.key());
    for (const auto& k : keys) {
      const std::string sub = path.empty() ? k : path + "." + k;
      if (!a.contains(k) || !b.contains(k)) {
        if (out.size() < limit) out.push_back(sub);
        continue;
      }
      Walk(a[k], b[k], sub, limit, out);
    }
    return;
  }
  if (a.is_array() && b.is_array()) {
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n && out.size() < limit; ++i) {
      const std::string sub = path + "[" + std::to_string(i) + "]";
      if (i >= a.size() || i >= b.size())
        out.push_back(sub);
      else
        Walk(a[i], b[i], sub, limit, out);
    }
    return;
  }
  out.push_back(here);
}

}  // namespace

std::vector<std::string> DiffPaths(const Json& a, const Json& b, std::size_t limit) {
  std::vector<std::string> out;
  Walk(a, b, "", limit, out);
  return out;
}

}  // namespace ordo::batchrecord
