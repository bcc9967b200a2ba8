// `ordo restore`: a backup put in place as a new data directory, verified before it is
// used, and recorded as the first entry written after it (docs/operations.md, Restore).
#include "admin/restore.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "admin/data_dir_ops.h"
#include "core/crypto.h"
#include "engine/engine.h"
#include "ledger/event_schema.h"
#include "storage/rows.h"
#include "store/ledger_store.h"

namespace ordo::admin {

namespace {

namespace fs = std::filesystem;

Result<std::string> ReadWholeFile(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error::Make(ErrorCode::kNotFound,
                       "cannot read " + what + " '" + path + "': " + std::strerror(errno));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Error::Make(ErrorCode::kUnavailable, "reading '" + path + "' failed");
  return bytes.str();
}

// Writes `bytes` to a new file (0600) and flushes it.
Status WriteNewFile(const std::string& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return Error::Make(ErrorCode::kUnavailable,
                       "cannot create '" + path + "': " + std::strerror(errno));
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return Error::Make(ErrorCode::kUnavailable,
                         "cannot write '" + path + "': " + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) return Error::Make(ErrorCode::kUnavailable, "cannot flush '" + path + "'");
  return Ok();
}

// Removes what a failed restore created, so nothing that looks like a store is left.
class Undo {
 public:
  Undo(store::DataDir dir, bool created_root) : dir_(std::move(dir)), created_root_(created_root) {}
  ~Undo() {
    if (committed_) return;
    std::error_code ec;
    if (created_root_) {
      fs::remove_all(dir_.root, ec);
      return;
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      fs::remove(dir_.DatabasePath() + suffix, ec);
      fs::remove(dir_.DatabasePath() + ".restoring" + suffix, ec);
    }
    fs::remove_all(dir_.KeysDir(), ec);
    fs::remove_all(dir_.root + "/backups", ec);
  }
  void Commit() { committed_ = true; }

 private:
  store::DataDir dir_;
  bool created_root_;
  bool committed_ = false;
};

Error Refused(const std::string& message) {
  return Error::Make(ErrorCode::kFailedPrecondition,
                     "restore refused: " + message + "; nothing was restored");
}

}  // namespace

Result<RestoreReport> RestoreBackup(const RestoreOptions& o, const Clock& clock) {
  const store::DataDir& dir = o.dir;
  auto backup = ReadWholeFile(o.backup_file, "the backup");
  if (!backup.ok()) return backup.error();
  auto secret = ReadWholeFile(o.keys_dir + "/ledger-signing.key", "the signing key");
  if (!secret.ok()) return secret.error();
  std::string secret_hex = secret->substr(0, secret->find('\n'));
  if (secret_hex.size() != 128)
    return Error::Make(ErrorCode::kFailedPrecondition,
                       "the signing key in '" + o.keys_dir + "' is malformed");
  auto old_log = ReadWholeFile(o.keys_dir + "/checkpoints.jsonl", "the checkpoint log");
  if (!old_log.ok()) return old_log.error();

  // The target: a new or empty directory that holds no store and is not in use.
  std::error_code ec;
  const bool created_root = !fs::exists(dir.root, ec);
  fs::create_directories(dir.root, ec);
  if (ec)
    return Error::Make(ErrorCode::kUnavailable,
                       "cannot create data directory '" + dir.root + "': " + ec.message());
  if (created_root) ::chmod(dir.root.c_str(), 0700);
  auto lock = DirLock::Acquire(dir);
  if (!lock.ok()) return lock.error();  // a running server holds it
  for (const std::string& path : {dir.DatabasePath(), dir.DatabasePath() + "-wal", dir.KeysDir()})
    if (fs::exists(path, ec))
      return Error::Make(ErrorCode::kConflict, "'" + dir.root + "' already holds an ordo store (" +
                                                   path + "); restore only into a new directory");
  Undo undo(dir, created_root);

  // 1. Copy and verify the copy: chain, checkpoint signatures under the site's key, and
  //    projections equal to a replay of the ledger.
  RestoreReport report;
  report.backup_sha256 = Sha256Hex(*backup);
  const std::string staging = dir.DatabasePath() + ".restoring";
  ORDO_TRY(WriteNewFile(staging, *backup));
  backup->clear();
  const std::string public_key = PublicKeyOf(secret_hex);
  ledger::VerifyReport verified = VerifyDatabaseFile(staging, public_key);
  if (!verified.ok)
    return Refused("the backup does not verify (at seq " + std::to_string(verified.first_bad_seq) +
                   "): " + verified.message);
  auto differences = ReplayCheck(staging);
  if (!differences.ok())
    return Refused("the backup cannot be replayed: " + differences.error().message);
  if (!differences->empty())
    return Refused("the backup's projections differ from a replay of its ledger: " +
                   differences->front());
  std::vector<ledger::Checkpoint> checkpoints;
  {
    auto db = store::OpenStoreFile(staging, storage::OpenMode::kReadOnly);
    if (!db.ok()) return db.error();
    auto head = store::ReadHead(**db);
    if (!head.ok()) return head.error();
    report.source_head_seq = head->seq;
    report.source_head_hash = head->hash;
    auto stored = store::ReadCheckpoints(**db);
    if (!stored.ok()) return stored.error();
    checkpoints = std::move(*stored);
  }

  // 2. The checkpoint log: every logged checkpoint below the backup's head must be in
  //    the backup; those at or after it sign entries the backup does not hold. The old
  //    log is kept beside the new one, which lists the backup's checkpoints.
  ORDO_TRY(store::WriteSigningKey(dir, secret_hex));
  ORDO_TRY(WriteNewFile(dir.CheckpointLogPath(), *old_log));
  // The other keys of the site, when KEYS holds them: the key of the recorded hashes of
  // unknown sign-in names (without it a new key is made, and new hashes no longer match
  // old ones), and the row seal key, but only when the backup holds seals made with it:
  // a backup from before row seals has none, and its verified rows are sealed afresh at
  // the first start (with the live key copied, every guarded row would read as unsealed).
  std::int64_t seals = 0;
  {
    auto db = store::OpenStoreFile(staging, storage::OpenMode::kReadOnly);
    if (!db.ok()) return db.error();
    auto count =
        storage::FirstRow<std::int64_t>(**db, "SELECT COUNT(*) FROM row_seal", storage::NoBind,
                                        [](const storage::Statement& r) { return r.Int(0); });
    if (count.ok()) seals = count->value_or(0);  // no row_seal table: a backup from before
  }
  for (const char* name : {"row-seals.json", "login-name-hmac.key"}) {
    const std::string from = o.keys_dir + "/" + name;
    if (!std::filesystem::exists(from)) continue;
    if (std::string(name) == "row-seals.json" && seals == 0) continue;
    auto bytes = ReadWholeFile(from, name);
    if (!bytes.ok()) return bytes.error();
    ORDO_TRY(WriteNewFile(dir.KeysDir() + "/" + name, *bytes));
  }
  auto logged = store::ReadCheckpointLog(dir);
  if (!logged.ok()) return logged.error();
  for (const auto& c : *logged) {
    bool present = false;
    for (const auto& s : checkpoints) present = present || s == c;
    if (present) continue;
    if (c.seq < report.source_head_seq)
      return Refused("checkpoint at seq " + std::to_string(c.seq) +
                     " of the checkpoint log is not in the backup; the backup is not a copy "
                     "of this site's ledger or it was rewritten");
    ++report.log_checkpoints_after_backup;
  }
  report.archived_checkpoint_log = "checkpoints-before-restore.jsonl";
  fs::rename(dir.CheckpointLogPath(), dir.KeysDir() + "/" + report.archived_checkpoint_log, ec);
  if (ec) return Error::Make(ErrorCode::kUnavailable, "cannot archive the old checkpoint log");
  for (const auto& c : checkpoints) ORDO_TRY(store::AppendCheckpointLog(dir, c));

  // The capabilities' own files copied beside the backup (Backup), when present.
  for (const DataDirFile& extra : RegisteredDataDirFiles()) {
    const std::string from = o.backup_file + "." + extra.name;
    if (!fs::exists(from)) continue;
    fs::copy_file(from, dir.root + "/" + extra.name, ec);
    if (ec)
      return Error::Make(ErrorCode::kUnavailable, "cannot copy '" + from + "': " + ec.message());
  }

  // 3. Put it in place, bring the schema up to this release, record the restore.
  fs::rename(staging, dir.DatabasePath(), ec);
  if (ec) return Error::Make(ErrorCode::kUnavailable, "cannot move the restored store in place");
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(staging + suffix, ec);
  auto upgraded = UpgradeStore(dir, clock);
  if (!upgraded.ok()) return upgraded.error();
  {
    engine::EngineOptions options;
    options.data_dir = dir;
    options.clock = &clock;
    auto engine = engine::Engine::Start(options);
    if (!engine.ok()) return engine.error();
    ledger::StoreRestored payload{fs::path(o.backup_file).filename().string(),
                                  report.backup_sha256,
                                  report.source_head_seq,
                                  report.source_head_hash,
                                  report.log_checkpoints_after_backup,
                                  report.archived_checkpoint_log};
    engine::Command command;
    command.actor = o.actor;
    command.decide = [payload](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
      return std::vector<ledger::Event>{
          ledger::MakeEvent(payload, "store", "restore-" + payload.backup_sha256.substr(0, 16))};
    };
    command.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>& entries) {
      return Json{{"seq", entries.front().seq}};
    };
    auto recorded = (*engine)->SubmitAndWait(std::move(command));
    if (!recorded.ok()) return recorded.error();
    report.restored_seq = recorded->body["seq"].get<std::int64_t>();
    auto signed_head = (*engine)->CheckpointNow();
    if (!signed_head.ok()) return signed_head.error();
    (*engine)->Stop();
  }
  ledger::VerifyReport final_check = VerifyDataDir(dir);
  if (!final_check.ok)
    return Error::Make(ErrorCode::kInternal,
                       "the restored store does not verify: " + final_check.message);
  undo.Commit();
  return report;
}

}  // namespace ordo::admin
