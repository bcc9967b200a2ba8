// Offline CLI authentication as an ordo admin.
#include "cli/offline_admin.h"

#include "cli/passwords.h"
#include "core/crypto.h"
#include "mes/access/store/access_store.h"
#include "mes/access/store/credential_store.h"
#include "store/data_dir.h"

namespace ordo::cli {

Result<engine::Actor> AuthenticateOfflineAdmin(const std::string& data_dir, const std::string& user,
                                               const std::string& password_file) {
  return AuthenticateOfflineAdminIn(store::DataDir{data_dir}.DatabasePath(), user, password_file);
}

Result<engine::Actor> AuthenticateOfflineAdminIn(const std::string& db_file,
                                                 const std::string& user,
                                                 const std::string& password_file) {
  if (user.empty() || password_file.empty())
    return Error::Invalid("user",
                          "name the acting admin: --user NAME --password-file FILE (the CLI "
                          "never acts as $USER)");
  auto password = ReadPassword(password_file, "");
  if (!password.ok()) return password.error();
  auto db = store::OpenStoreFile(db_file, storage::OpenMode::kReadOnly);
  if (!db.ok()) return db.error();
  auto found = access::FindUserByName(**db, user);
  if (!found.ok()) return found.error();
  bool verified = false;
  access::CredentialState state;
  if (*found) {
    auto hash = access::GetPasswordHash(**db, (*found)->id);
    if (!hash.ok()) return hash.error();
    verified = *hash && VerifyPassword(**hash, *password);
    // A store older than the credential tables has no one-time passwords.
    auto s = access::GetCredentialState(**db, (*found)->id);
    if (s.ok()) state = *s;
  }
  ORDO_TRY(access::CheckOfflineAdmin(*found, verified, state));
  return engine::Actor{(*found)->id, (*found)->name, "admin", engine::LocalOrigin()};
}

}  // namespace ordo::cli
