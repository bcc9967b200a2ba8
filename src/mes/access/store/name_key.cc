// The login-name HMAC key file.
#include "mes/access/store/name_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

#include "core/crypto.h"
#include "store/data_dir.h"

namespace ordo::access {

Result<std::string> LoadOrCreateNameKey(const std::string& data_dir) {
  const store::DataDir dir{data_dir};
  const std::string path = dir.KeysDir() + "/login-name-hmac.key";
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::ifstream in(path);
    if (in) {
      std::string key;
      std::getline(in, key);
      if (key.size() == 64) return key;
      return Error::Make(ErrorCode::kUnavailable, "the login-name key '" + path + "' is malformed");
    }
    if (::mkdir(dir.KeysDir().c_str(), 0700) != 0 && errno != EEXIST)
      return Error::Make(ErrorCode::kUnavailable, "cannot create " + dir.KeysDir());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      if (errno == EEXIST) continue;  // created by someone else meanwhile: read it
      return Error::Make(ErrorCode::kUnavailable, "cannot create the login-name key " + path);
    }
    const std::string key = RandomHex(32);
    const std::string line = key + "\n";
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    const bool synced = written && ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) return Error::Make(ErrorCode::kUnavailable, "cannot write " + path);
    return key;
  }
  return Error::Make(ErrorCode::kUnavailable, "cannot read the login-name key " + path);
}

}  // namespace ordo::access
