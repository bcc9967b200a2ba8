// The lock of an MIS data directory: an exclusive flock on DIR/mis.lock, held by the one
// `ordo-mis serve` (or init) working on DIR, so a second one refuses to start instead of
// serving the same store twice. The kernel drops the lock when the process dies.
#pragma once

#include <string>

#include "core/result.h"

namespace ordo::mis::store {

class DirLock {
 public:
  // Takes the lock of `data_dir` (which must exist). failed_precondition (reason
  // data_dir_in_use) when another process holds it; unavailable when the lock file
  // cannot be opened.
  static Result<DirLock> Acquire(const std::string& data_dir);
  DirLock(DirLock&& other) noexcept;
  DirLock& operator=(DirLock&& other) noexcept;
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;
  ~DirLock();

 private:
  explicit DirLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace ordo::mis::store
