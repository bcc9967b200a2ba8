// Verification and export of the ledger held in a data directory or database file.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "admin/data_dir_ops.h"
#include "core/crypto.h"
#include "ledger/export.h"
#include "store/ledger_store.h"

namespace ordo::admin {

namespace {

ledger::VerifyReport Broken(std::int64_t seq, std::string message) {
  ledger::VerifyReport r;
  r.ok = false;
  r.first_bad_seq = seq;
  r.message = std::move(message);
  return r;
}

ledger::VerifyReport VerifyOpen(storage::Database& db, const std::string& trusted_key,
                                const std::vector<ledger::Checkpoint>& external_log) {
  auto checkpoints = store::ReadCheckpoints(db);
  if (!checkpoints.ok()) return Broken(0, checkpoints.error().message);
  for (const auto& logged : external_log) {
    bool present = false;
    for (const auto& c : *checkpoints) present = present || c == logged;
    if (!present)
      return Broken(logged.seq, "checkpoint at seq " + std::to_string(logged.seq) +
                                    " is in the checkpoint log but missing or altered in the "
                                    "store; the ledger was rewritten");
  }
  ledger::ChainVerifier verifier(*checkpoints, trusted_key);
  Status s =
      store::ForEachEntry(db, [&](const ledger::LedgerEntry& e) { return verifier.Feed(e); });
  ledger::VerifyReport report = verifier.Finish();
  // A row that cannot be read stops the walk before it is fed: it is the first bad one.
  if (!s.ok()) return Broken(report.head_seq + 1, s.error().message);
  return report;
}

std::vector<DataDirCheck>& Checks() {
  static std::vector<DataDirCheck> checks;
  return checks;
}

}  // namespace

void RegisterDataDirCheck(DataDirCheck check) { Checks().push_back(std::move(check)); }

ledger::VerifyReport VerifyDataDir(const store::DataDir& dir) {
  if (!std::filesystem::exists(dir.DatabasePath()))
    return Broken(0, "no ordo store at '" + dir.DatabasePath() + "'");
  auto db = store::OpenStore(dir, storage::OpenMode::kReadOnly);
  if (!db.ok()) return Broken(0, db.error().message);
  auto key = store::ReadSigningKey(dir);
  if (!key.ok()) return Broken(0, key.error().message);
  const std::string trusted = PublicKeyOf(*key);
  auto stored = store::GetMeta(**db, "ledger_public_key");
  if (!stored.ok() || !*stored || **stored != trusted)
    return Broken(0, "the public key recorded in the store differs from the site's signing key");
  auto log = store::ReadCheckpointLog(dir);
  if (!log.ok()) return Broken(0, log.error().message);
  ledger::VerifyReport report = VerifyOpen(**db, trusted, *log);
  if (!report.ok) return report;
  for (const auto& check : Checks()) {
    DataDirCheckResult r = check(dir, **db);
    if (!r.ok) {
      report.ok = false;
      report.first_bad_seq = r.seq;
      report.message = r.message;
      return report;
    }
    if (!r.message.empty()) report.message += "; " + r.message;
  }
  return report;
}

ledger::VerifyReport VerifyDatabaseFile(const std::string& path, const std::string& public_key) {
  if (!std::filesystem::exists(path)) return Broken(0, "no database file at '" + path + "'");
  auto db = store::OpenStoreFile(path, storage::OpenMode::kReadOnly);
  if (!db.ok()) return Broken(0, db.error().message);
  auto stored = store::GetMeta(**db, "ledger_public_key");
  if (!stored.ok() || !*stored) return Broken(0, "the file records no ledger public key");
  if (!public_key.empty() && **stored != public_key)
    return Broken(0, "the file's public key differs from the given --public-key");
  return VerifyOpen(**db, public_key.empty() ? **stored : public_key, {});
}

Status ExportLedger(const store::DataDir& dir, const std::string& file, const Clock& clock) {
  auto db = store::OpenStore(dir, storage::OpenMode::kReadOnly);
  if (!db.ok()) return db.error();
  ORDO_TRY((*db)->Exec("BEGIN"));  // one consistent snapshot for checkpoints and entries
  auto key = store::GetMeta(**db, "ledger_public_key");
  if (!key.ok()) return key.error();
  auto checkpoints = store::ReadCheckpoints(**db);
  if (!checkpoints.ok()) return checkpoints.error();
  std::ofstream out(file, std::ios::trunc);
  if (!out) return Error::Make(ErrorCode::kUnavailable, "cannot write '" + file + "'");
  ledger::ExportWriter writer(out, key->value_or(""), clock.NowMicros(), *checkpoints);
  ORDO_TRY(store::ForEachEntry(**db, [&](const ledger::LedgerEntry& e) {
    writer.Add(e);
    return true;
  }));
  writer.Finish();
  (void)(*db)->Exec("COMMIT");
  if (!out) return Error::Make(ErrorCode::kUnavailable, "writing '" + file + "' failed");
  return Ok();
}

Result<std::unique_ptr<DirLock>> DirLock::Acquire(const store::DataDir& dir) {
  const std::string path = dir.root + "/ordo.lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return Error::Make(ErrorCode::kUnavailable,
                       "cannot open lock file '" + path + "': " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Error::Make(ErrorCode::kConflict,
                       "the data directory '" + dir.root +
                           "' is in use (is `ordo serve` running?); stop it or use the API");
  }
  return std::unique_ptr<DirLock>(new DirLock(fd));
}

DirLock::~DirLock() { ::close(fd_); }

}  // namespace ordo::admin
