// Checkpoints the write-ahead logs of SQLite files on a thread of its own. By default
// SQLite checkpoints inside the COMMIT that makes the log pass 1000 pages, so the writer
// (and every command waiting in its queue) waits for the copy into the database file and
// its fsync. With a WalCheckpointer the writer connections set a high auto-checkpoint
// threshold (kWriterAutoCheckpointPages, a safety net) and the checkpointer copies the log
// back while the writer is idle (Poke) or at least every `every`, but not more often than
// every `min_gap` (each checkpoint syncs the files, and those syncs compete with the
// writer's commits for the disk). The thread's I/O is in Linux's idle class, so a disk
// scheduler that keeps priorities serves the writer's syncs first.
//
// A checkpoint is PASSIVE: it never blocks the writer or readers and copies what no reader
// still needs; the writer starts the log afresh at its next transaction once a checkpoint
// has copied all of it. A file that does not exist is skipped (never created); a failed
// checkpoint is tried again at the next turn (the writer's threshold bounds the log
// meanwhile).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/database.h"

namespace ordo::storage {

// The auto-checkpoint threshold (pages) of a writer connection whose files a
// WalCheckpointer serves: about 40 MiB of log at 4 KiB pages, ten times SQLite's default.
inline constexpr int kWriterAutoCheckpointPages = 10'000;

class WalCheckpointer {
 public:
  // `files`: called at each turn for the paths to checkpoint (they may change over time,
  // e.g. a file created later). Starts the thread.
  WalCheckpointer(std::function<std::vector<std::string>()> files,
                  std::chrono::milliseconds every = std::chrono::seconds(1),
                  std::chrono::milliseconds min_gap = std::chrono::milliseconds(250));
  // Stops and joins the thread (a checkpoint in progress finishes first).
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Asks for a checkpoint of every file now (the writer has just committed and its queue
  // is empty). Cheap and non-blocking; pokes during a checkpoint give one more turn.
  void Poke();
  // Checkpoint turns completed so far (for tests).
  std::int64_t turns() const;

 private:
  void Run();
  void CheckpointAll();

  std::function<std::vector<std::string>()> files_;
  std::chrono::milliseconds every_, min_gap_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool poked_ = false, stopping_ = false;                  // guarded by mutex_
  std::int64_t turns_ = 0;                                 // guarded by mutex_
  std::map<std::string, std::unique_ptr<Database>> open_;  // the thread's own connections
  std::thread thread_;
};

}  // namespace ordo::storage
