// flock of DIR/mis.lock.
#include "mis/store/dir_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace ordo::mis::store {

Result<DirLock> DirLock::Acquire(const std::string& data_dir) {
  const std::string path = (std::filesystem::path(data_dir) / "mis.lock").string();
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return Error::Make(ErrorCode::kUnavailable,
                       "cannot open the lock file " + path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK)
      return Error{
          ErrorCode::kFailedPrecondition,
          "another ordo-mis is using " + data_dir + " (it holds " + path + "); stop it first", "",
          "data_dir_in_use"};
    return Error::Make(ErrorCode::kUnavailable,
                       "cannot lock " + path + ": " + std::strerror(error));
  }
  return DirLock(fd);
}

DirLock::DirLock(DirLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DirLock& DirLock::operator=(DirLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

DirLock::~DirLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace ordo::mis::store
