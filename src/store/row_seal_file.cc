// The seal file DIR/keys/row-seals.json: the row seal key and which tables it has sealed,
// kept outside the database (see row_seal.h).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/canonical_json.h"
#include "core/crypto.h"
#include "store/row_seal.h"

namespace ordo::store {

namespace {

Error FileError(const std::string& what, const std::string& path) {
  return Error::Make(ErrorCode::kUnavailable, what + " '" + path + "': " + std::strerror(errno));
}

}  // namespace

std::string SealStatePath(const DataDir& dir) { return dir.KeysDir() + "/row-seals.json"; }

Result<std::optional<SealState>> ReadSealState(const DataDir& dir) {
  return ReadSealStateFile(SealStatePath(dir));
}

Result<std::optional<SealState>> ReadSealStateFile(const std::string& path) {
  if (::access(path.c_str(), F_OK) != 0) return std::optional<SealState>();
  std::ifstream in(path);
  if (!in) return FileError("cannot read the row seal file", path);
  std::stringstream text;
  text << in.rdbuf();
  Json j = Json::parse(text.str(), nullptr, false);
  SealState state;
  if (!j.is_object() || !j.contains("key") || !j["key"].is_string() ||
      !FromHex(j["key"].get<std::string>(), &state.key) || state.key.size() != 32 ||
      !j.contains("sealed") || !j["sealed"].is_object())
    return Error::Make(ErrorCode::kFailedPrecondition,
                       "the row seal file '" + path + "' is malformed");
  for (const auto& item : j["sealed"].items())
    if (item.value().is_string()) state.sealed[item.key()] = item.value().get<std::string>();
  return std::optional<SealState>(std::move(state));
}

Status WriteSealState(const DataDir& dir, const SealState& state) {
  const std::string path = SealStatePath(dir);
  const std::string temporary = path + ".tmp";
  Json j{{"key", ToHex(state.key)}, {"sealed", Json(state.sealed)}};
  const std::string text = CanonicalJson(j) + "\n";
  ::unlink(temporary.c_str());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return FileError("cannot create", temporary);
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) return FileError("cannot write", temporary);
  if (::rename(temporary.c_str(), path.c_str()) != 0) return FileError("cannot replace", path);
  int dir_fd = ::open(dir.KeysDir().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    (void)::fsync(dir_fd);
    ::close(dir_fd);
  }
  return Ok();
}

}  // namespace ordo::store
