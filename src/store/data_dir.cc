// Key file and checkpoint log handling.
#include "store/data_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "storage/sqlite/sqlite_database.h"

namespace ordo::store {

Result<std::unique_ptr<storage::Database>> OpenStore(const DataDir& dir, storage::OpenMode mode) {
  return storage::OpenSqlite(dir.DatabasePath(), mode);
}

Result<std::unique_ptr<storage::Database>> OpenStoreFile(const std::string& path,
                                                         storage::OpenMode mode) {
  return storage::OpenSqlite(path, mode);
}

Result<std::unique_ptr<storage::Database>> OpenScratch() {
  return storage::OpenSqlite(":memory:", storage::OpenMode::kCreate);
}

namespace {

Error IoError(const std::string& what, const std::string& path) {
  return Error::Make(ErrorCode::kUnavailable, what + " '" + path + "': " + std::strerror(errno));
}

Status WriteAllAndSync(int fd, const std::string& data, const std::string& path) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError("cannot write", path);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return IoError("cannot flush", path);
  return Ok();
}

// Makes a new directory entry durable (the file's own fsync does not cover it).
Status SyncDirectory(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return IoError("cannot open directory", path);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return IoError("cannot flush directory", path);
  return Ok();
}

}  // namespace

Status WriteSigningKey(const DataDir& dir, const std::string& secret_key_hex) {
  if (::mkdir(dir.KeysDir().c_str(), 0700) != 0 && errno != EEXIST)
    return IoError("cannot create", dir.KeysDir());
  const std::string path = dir.SigningKeyPath();
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return IoError("cannot create key file", path);
  Status s = WriteAllAndSync(fd, secret_key_hex + "\n", path);
  ::close(fd);
  if (!s.ok()) return s;
  ORDO_TRY(SyncDirectory(dir.KeysDir()));
  return SyncDirectory(dir.root);
}

Result<std::string> ReadSigningKey(const DataDir& dir) {
  const std::string path = dir.SigningKeyPath();
  std::ifstream in(path);
  if (!in) return IoError("cannot read the ledger signing key", path);
  std::string key;
  std::getline(in, key);
  if (key.size() != 128)
    return Error::Make(ErrorCode::kFailedPrecondition,
                       "the ledger signing key '" + path + "' is malformed");
  return key;
}

Status AppendCheckpointLog(const DataDir& dir, const ledger::Checkpoint& c) {
  const std::string path = dir.CheckpointLogPath();
  const bool created = ::access(path.c_str(), F_OK) != 0;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return IoError("cannot open checkpoint log", path);
  Status s = WriteAllAndSync(fd, CanonicalJson(ledger::ToJson(c)) + "\n", path);
  ::close(fd);
  if (s.ok() && created) return SyncDirectory(dir.KeysDir());
  return s;
}

Result<std::vector<ledger::Checkpoint>> ReadCheckpointLog(const DataDir& dir) {
  std::vector<ledger::Checkpoint> out;
  std::ifstream in(dir.CheckpointLogPath());
  if (!in)
    return Error::Make(ErrorCode::kFailedPrecondition,
                       "the checkpoint log '" + dir.CheckpointLogPath() +
                           "' is missing (ordo init creates it; it was removed)");
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    Json j = Json::parse(line, nullptr, false);
    auto c = ledger::CheckpointFromJson(j);
    // A torn last line (crash mid-append) is tolerated; anything else is an error.
    if (!c.ok()) {
      if (in.peek() == EOF) break;
      return Error::Make(
          ErrorCode::kFailedPrecondition,
          dir.CheckpointLogPath() + " line " + std::to_string(line_no) + " is not a checkpoint");
    }
    out.push_back(*c);
  }
  return out;
}

}  // namespace ordo::store
