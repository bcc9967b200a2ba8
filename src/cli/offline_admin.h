// Authentication of the offline CLI's user commands (`ordo user add|disable|unlock`, `ordo
// restore`): the operator names an ordo admin and a file holding that admin's password; the
// commands record that admin as the actor, never $USER. `ordo init` is the one
// exception: it creates the first admin, so there is nobody to authenticate as.
#pragma once

#include <string>

#include "core/result.h"
#include "engine/engine.h"

namespace ordo::cli {

// Reads the store of `data_dir` (read-only; the caller holds the DirLock) and checks
// `user` with the first line of `password_file` (access::CheckOfflineAdmin). Returns
// the actor {id, name, "admin"} with the local origin; writes nothing.
Result<engine::Actor> AuthenticateOfflineAdmin(const std::string& data_dir, const std::string& user,
                                               const std::string& password_file);
// The same against the store file `db_file` (read-only), e.g. a backup being restored:
// the admin who restores it is an admin of the store restored.
Result<engine::Actor> AuthenticateOfflineAdminIn(const std::string& db_file,
                                                 const std::string& user,
                                                 const std::string& password_file);

}  // namespace ordo::cli
