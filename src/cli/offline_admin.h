// Authentication of the offline CLI's user commands (`ordo user add|disable|unlock`, `ordo
// restore`): the operator names an ordo admin and a file holding that admin's password; the
// commands record that admin as the actor, never $USER. `ordo init` is the one
// exception: it creates the first admin, so there is nobody to authenticate as.
//
// The admin's app_user row is checked against its row seal as the server's reads check it
// (store::CheckSealedRow, docs/decisions/0006-projection-integrity.md): a row edited in
// ordo.db (a user given the admin role, a disabled admin re-enabled) is refused with
// integrity_violation naming the record, and nothing is written.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "engine/engine.h"
#include "mes/access/domain/password_rules.h"

namespace ordo::cli {

// Reads the store of `data_dir` (read-only; the caller holds the DirLock) and checks
// `user` with the first line of `password_file` (access::CheckOfflineAdmin). When
// DIR/keys/row-seals.json has sealed app_user, the user's row must match its seal (a
// missing seal or row_seal table is a violation too). Returns the actor {id, name,
// "admin"} with the local origin; writes nothing.
Result<engine::Actor> AuthenticateOfflineAdmin(const std::string& data_dir, const std::string& user,
                                               const std::string& password_file);
// The same against the backup file `db_file` (read-only), the store being restored: the
// admin who restores it is an admin of the store restored. The row is checked under the
// seal key of `keys_dir`/row-seals.json (the copy of the site's keys/) when the backup holds
// row seals; a backup from before row seals (no row_seal table) has none to check, and
// its rows are checked against a replay of its ledger by the restore itself.
Result<engine::Actor> AuthenticateBackupAdmin(const std::string& db_file,
                                              const std::string& keys_dir, const std::string& user,
                                              const std::string& password_file);

// The password rules of `data_dir`'s site settings in force at `now` (read-only; the
// caller holds the DirLock), the site_settings version checked against its seal when
// DIR/keys/row-seals.json has sealed md_version. Fails (rather than falling back to the
// defaults) when they cannot be read or a row fails its seal.
Result<access::PasswordRules> OfflinePasswordRules(const std::string& data_dir, TimeMicros now);

}  // namespace ordo::cli
