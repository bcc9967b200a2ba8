// Operations on a whole data directory, used by the `ordo` CLI and by tests: create
// (init), verify, export, replay check, online backup, and the lock that keeps a CLI
// writer from racing a running server.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "ledger/verify.h"
#include "store/data_dir.h"

namespace ordo::admin {

struct DemoCredential {
  std::string name, role, password;
};

// Length of the generated demo passwords (at least the default password minimum, 15).
inline constexpr std::size_t kDemoPasswordLength = 20;

// The demo's MIS feed account (role feed_reader) and the file in the data directory
// holding its password (mode 0600): `make demo` runs `ordo-mis serve --mes` with them.
inline constexpr const char* kDemoMisFeedUser = "mis-feed";
inline constexpr const char* kDemoMisFeedPasswordFile = "mis-feed.password";

struct InitOptions {
  store::DataDir dir;
  std::string site_name = "site";
  std::string admin_password;  // required; must satisfy the default password rules
  bool demo = false;           // also create one demo user per role
};

// Creates DIR, DIR/ordo.db (schema), the signing key, the first ledger entry, the
// admin user and, with demo, the demo users; signs a first checkpoint. Fails when DIR
// already holds a store, or (invalid_argument, field admin-password, the rule's reason)
// when the admin password breaks the default password rules. The first admin's password
// and the demo passwords are not one-time. Returns the generated demo credentials.
Result<std::vector<DemoCredential>> InitDataDir(const InitOptions& options, const Clock& clock);

// Verifies the ledger in DIR/ordo.db: chain, checkpoint signatures under the key from
// the key file (which must match the public key in the store), and that every
// checkpoint in the out-of-database checkpoint log is still in the store.
ledger::VerifyReport VerifyDataDir(const store::DataDir& dir);

// A check of a data directory's other files against the verified ledger, registered by a
// capability (the telemetry file against its seals, src/mes/telemetry/verify.cc). It gets
// the store (read-only) once the chain verified. `ok` false: `seq` the entry whose record
// the files contradict and `message` what is wrong, naming the row; `ok` true: `message`
// "" or a summary that VerifyDataDir appends to its own.
struct DataDirCheckResult {
  bool ok = true;
  std::int64_t seq = 0;
  std::string message;
};
using DataDirCheck =
    std::function<DataDirCheckResult(const store::DataDir& dir, storage::Database& store)>;
// Adds a check run by VerifyDataDir. Start-up only (not thread-safe against verifies).
void RegisterDataDirCheck(DataDirCheck check);
// Verifies a single database file (e.g. a backup). The trusted key is `public_key`
// when given, else the one recorded in the file.
ledger::VerifyReport VerifyDatabaseFile(const std::string& path, const std::string& public_key);

// Writes the self-contained export (see ledger/export.h) to `file`.
Status ExportLedger(const store::DataDir& dir, const std::string& file, const Clock& clock);

// Rebuilds the projections from the ledger into a scratch in-memory store and compares
// them row by row with the live ones. Returns the differences (empty when equal).
Result<std::vector<std::string>> ReplayCheck(const std::string& database_path);

// Consistent copy of the live store into `file` (SQLite online backup); safe while the
// server runs. Fails if `file` exists. Then each registered data-directory file
// (RegisterDataDirFile) that exists is copied the same way to `file` + "." + its name
// (after the store, so it holds at least every row the copied ledger seals). When a file's
// trim (below) finds that the file changed between the two copies in a way the trim cannot
// mend (kConflict naming the file as `field`), both copies are removed and taken again
// after 1 s, then 2 s, up to kBackupAttempts times; the last conflict is returned, with the
// attempt count. A failed backup leaves none of its files.
inline constexpr int kBackupAttempts = 3;
Status Backup(const store::DataDir& dir, const std::string& file);

// A SQLite file of a capability in the data directory (e.g. "telemetry.sqlite") that
// Backup copies beside the store's backup and RestoreBackup puts back. `trim` (optional)
// runs on the copy with the copied ledger's head seq, to drop what the copied ledger does
// not know of (rows written after the store was copied); kConflict with `field` set: the
// copy lacks something the copied ledger needs, so Backup copies again. Start-up only.
struct DataDirFile {
  std::string name;
  std::function<Status(storage::Database& copy, std::int64_t head_seq)> trim;
};
void RegisterDataDirFile(DataDirFile file);
const std::vector<DataDirFile>& RegisteredDataDirFiles();

// What UpgradeStore did.
struct UpgradeReport {
  std::string applied;  // e.g. "platform 1, access 1" (SchemaPlan::Describe), or "up to date"
  std::string backup;   // the backup taken before upgrading; "" when nothing was applied
};

// Brings the schema of DIR's store up to this release (docs/decisions/0004): reads the
// store's migration records; refuses (failed_precondition, naming what is newer) a store
// written by a newer release without writing anything; when migrations are pending,
// first writes a backup to DIR/backups/ordo-<UTC time>-before-upgrade.db (0600), then
// applies them in one transaction. The caller holds the DirLock.
Result<UpgradeReport> UpgradeStore(const store::DataDir& dir, const Clock& clock);

// Exclusive lock on DIR/ordo.lock, held by the server and by CLI writers.
class DirLock {
 public:
  static Result<std::unique_ptr<DirLock>> Acquire(const store::DataDir& dir);
  ~DirLock();

 private:
  explicit DirLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace ordo::admin
