// Offline CLI authentication as an ordo admin, with the admin's row checked against its
// seal (see offline_admin.h).
#include "cli/offline_admin.h"

#include "cli/passwords.h"
#include "core/crypto.h"
#include "mes/access/store/access_store.h"
#include "mes/access/store/credential_store.h"
#include "mes/site/settings.h"
#include "storage/rows.h"
#include "store/data_dir.h"
#include "store/row_seal.h"

namespace ordo::cli {

namespace {

// Installs a seal key for one database path while it lives (the CLI has no engine that
// would install it).
class ScopedSealKey {
 public:
  ScopedSealKey(std::string path, std::string key) : path_(std::move(path)) {
    store::InstallSealKey(path_, std::move(key));
  }
  ~ScopedSealKey() { store::RemoveSealKey(path_); }
  ScopedSealKey(const ScopedSealKey&) = delete;
  ScopedSealKey& operator=(const ScopedSealKey&) = delete;

 private:
  std::string path_;
};

Result<bool> HasRowSealTable(storage::Database& db) {
  auto found = storage::FirstRow<std::int64_t>(
      db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'row_seal'",
      storage::NoBind, [](const storage::Statement& s) { return s.Int(0); });
  if (!found.ok()) return found.error();
  return found->value_or(0) > 0;
}

// `db_file` is opened read-only. With `seal_file` sealing app_user, the user's row is
// checked under its key; `pre_seal_store_ok`: a store without a row_seal table is not
// checked (a backup from before row seals) rather than refused.
Result<engine::Actor> Authenticate(const std::string& db_file, const std::string& seal_file,
                                   bool pre_seal_store_ok, const std::string& user,
                                   const std::string& password_file) {
  if (user.empty() || password_file.empty())
    return Error::Invalid("user",
                          "name the acting admin: --user NAME --password-file FILE (the CLI "
                          "never acts as $USER)");
  auto password = ReadPassword(password_file, "");
  if (!password.ok()) return password.error();
  auto seals = store::ReadSealStateFile(seal_file);
  if (!seals.ok()) return seals.error();
  auto db = store::OpenStoreFile(db_file, storage::OpenMode::kReadOnly);
  if (!db.ok()) return db.error();
  std::optional<ScopedSealKey> sealing;
  if (*seals && (*seals)->sealed.count("app_user")) {
    auto has_table = HasRowSealTable(**db);
    if (!has_table.ok()) return has_table.error();
    if (*has_table || !pre_seal_store_ok) sealing.emplace((*db)->path(), (*seals)->key);
  }
  auto found = access::FindUserByName(**db, user);  // checks the seal when a key is installed
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

}  // namespace

Result<engine::Actor> AuthenticateOfflineAdmin(const std::string& data_dir, const std::string& user,
                                               const std::string& password_file) {
  const store::DataDir dir{data_dir};
  return Authenticate(dir.DatabasePath(), store::SealStatePath(dir), /*pre_seal_store_ok=*/false,
                      user, password_file);
}

Result<access::PasswordRules> OfflinePasswordRules(const std::string& data_dir, TimeMicros now) {
  const store::DataDir dir{data_dir};
  auto seals = store::ReadSealStateFile(store::SealStatePath(dir));
  if (!seals.ok()) return seals.error();
  auto db = store::OpenStore(dir, storage::OpenMode::kReadOnly);
  if (!db.ok()) return db.error();
  std::optional<ScopedSealKey> sealing;
  if (*seals && (*seals)->sealed.count("md_version")) sealing.emplace((*db)->path(), (*seals)->key);
  auto settings = site::GetSiteSettings(**db, now);
  if (!settings.ok()) return settings.error();
  access::PasswordRules rules;
  rules.min_length = settings->password_min_length;
  return rules;
}

Result<engine::Actor> AuthenticateBackupAdmin(const std::string& db_file,
                                              const std::string& keys_dir, const std::string& user,
                                              const std::string& password_file) {
  return Authenticate(db_file, keys_dir + "/row-seals.json", /*pre_seal_store_ok=*/true, user,
                      password_file);
}

}  // namespace ordo::cli
