// Checks of a module's migration list.
#include "mis/store/migration.h"

#include <algorithm>
#include <map>

namespace ordo::mis::store {

namespace {

bool IsModuleName(const std::string& name) {
  if (name.empty() || name.size() > 64 || name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Error Bug(const std::string& message) {
  return Error::Make(ErrorCode::kInternal, "migration list of this build: " + message);
}

}  // namespace

Status CheckMigrations(const std::vector<Migration>& migrations) {
  std::map<std::string, int> last_version;
  for (const Migration& m : migrations) {
    if (!IsModuleName(m.module))
      return Bug("module name '" + m.module + "' is not [a-z][a-z0-9_]*");
    const std::string id = m.module + " version " + std::to_string(m.version);
    if (m.version < 1) return Bug(id + ": versions start at 1");
    if (m.sql.find_first_not_of(" \t\r\n") == std::string::npos) return Bug(id + " has no SQL");
    int& last = last_version[m.module];
    if (m.version != last + 1)
      return Bug(id + " follows version " + std::to_string(last) + " of its module (expected " +
                 std::to_string(last + 1) + ": versions are listed 1, 2, ... without gaps)");
    last = m.version;
  }
  return Ok();
}

int LatestVersion(const std::vector<Migration>& migrations, const std::string& module) {
  int latest = 0;
  for (const Migration& m : migrations)
    if (m.module == module) latest = std::max(latest, m.version);
  return latest;
}

}  // namespace ordo::mis::store
