// WriteSecretFile.
#include "admin/secret_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ordo::admin {

Status WriteSecretFile(const std::string& path, const std::string& line) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return Error::Make(ErrorCode::kUnavailable,
                       "cannot create " + path + ": " + std::strerror(errno));
  const std::string text = line + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!written) return Error::Make(ErrorCode::kUnavailable, "cannot write " + path);
  return Ok();
}

}  // namespace ordo::admin
