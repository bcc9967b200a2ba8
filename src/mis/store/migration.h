// Schema migrations of the MIS store, per module: each module (access, imports,
// elements, ...) hands its ordered list to the composition root (src/mis/main.cc), which
// passes all of them to OpenMisStore (store/mis_store.h). A module's versions are 1, 2,
// 3 ... and each version's SQL runs once, in order, in the transaction that opens the store.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace ordo::mis::store {

struct Migration {
  std::string module;  // e.g. "access": lower-case letters, digits and '_'
  int version = 0;     // 1, 2, 3 ... without gaps within the module
  std::string sql;     // one or more statements; never edited once released
};

// Checks a list of migrations (the binary's own, so a failure is a bug of the build):
// every module name is [a-z][a-z0-9_]*, every sql non-empty, and each module's versions
// appear in the list as exactly 1, 2, ..., N in that order (other modules' migrations may
// come between). internal naming the module and version otherwise.
Status CheckMigrations(const std::vector<Migration>& migrations);

// The highest version of `module` in `migrations` (0 when it has none).
int LatestVersion(const std::vector<Migration>& migrations, const std::string& module);

}  // namespace ordo::mis::store
