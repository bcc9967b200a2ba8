#include "storage/sqlite/wal_checkpointer.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <filesystem>

#include "storage/sqlite/sqlite_database.h"

namespace ordo::storage {
namespace {

// Puts the calling thread's I/O in Linux's idle class (linux/ioprio.h: IOPRIO_WHO_PROCESS
// with 0 is the calling thread; the class is the top 3 bits of the 16-bit value). The disk
// schedulers that keep priorities (mq-deadline since Linux 5.14, bfq) then serve the
// checkpoint's writes and syncs after any other I/O waiting, such as a commit's sync of a
// log. Best effort: a failure (another OS, a kernel without it) changes nothing else.
void UseIdleIoClass() {
  constexpr int kIoprioWhoProcess = 1, kIoprioClassIdle = 3, kIoprioClassShift = 13;
  (void)::syscall(SYS_ioprio_set, kIoprioWhoProcess, 0, kIoprioClassIdle << kIoprioClassShift);
}

}  // namespace

WalCheckpointer::WalCheckpointer(std::function<std::vector<std::string>()> files,
                                 std::chrono::milliseconds every, std::chrono::milliseconds min_gap)
    : files_(std::move(files)), every_(every), min_gap_(min_gap), thread_([this] { Run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void WalCheckpointer::Poke() {
  {
    std::lock_guard lock(mutex_);
    poked_ = true;
  }
  wake_.notify_one();
}

std::int64_t WalCheckpointer::turns() const {
  std::lock_guard lock(mutex_);
  return turns_;
}

void WalCheckpointer::Run() {
  UseIdleIoClass();
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, every_, [this] { return stopping_ || poked_; });
    if (stopping_) break;
    poked_ = false;
    lock.unlock();
    CheckpointAll();
    lock.lock();
    ++turns_;
    wake_.wait_for(lock, min_gap_, [this] { return stopping_; });  // however often poked
  }
  lock.unlock();
  open_.clear();
}

void WalCheckpointer::CheckpointAll() {
  for (const std::string& path : files_()) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      open_.erase(path);
      continue;
    }
    auto it = open_.find(path);
    if (it == open_.end()) {
      auto db = OpenSqlite(path, OpenMode::kReadWrite);
      if (!db.ok()) continue;  // tried again at the next turn
      it = open_.emplace(path, std::move(*db)).first;
    }
    // PASSIVE: copies what it can without waiting for (or blocking) anyone.
    if (Status s = it->second->Exec("PRAGMA wal_checkpoint(PASSIVE)"); !s.ok()) open_.erase(it);
  }
}

}  // namespace ordo::storage
