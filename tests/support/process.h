// Test support: temporary directories and child processes (fork/exec), with the
// child's stdout/stderr captured to files. Everything here is POSIX/Linux-only.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace ordo::testing {

// A fresh directory under $TMPDIR (or /tmp), removed on destruction unless the
// environment variable ORDO_TEST_KEEP is set (then its path is printed instead).
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "ordo-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& contents);
// The last `max_bytes` of a file (for failure messages).
std::string Tail(const std::string& path, std::size_t max_bytes = 4000);

// Exit status decoded from waitpid: exit code, or 128 + signal for a killed child.
struct ExitStatus {
  int code = -1;
  int signal = 0;  // non-zero when the child was killed by a signal
  std::string ToString() const;
};

// A child process. The destructor SIGKILLs and reaps it when it is still running.
// The child also gets PR_SET_PDEATHSIG(SIGKILL), so it cannot outlive the thread
// that spawned it (spawn from the test's main thread).
class Process {
 public:
  // fork/exec argv[0] (a path) with stdout/stderr redirected (truncated) to the files.
  static Process Spawn(const std::vector<std::string>& argv, const std::string& stdout_path,
                       const std::string& stderr_path);
  Process() = default;
  Process(Process&& other) noexcept;
  Process& operator=(Process&& other) noexcept;
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process();

  pid_t pid() const { return pid_; }
  bool valid() const { return pid_ > 0; }
  // True while the child has not exited (reaps it when it has).
  bool Running();
  void Signal(int signal) const;
  // Waits up to `timeout` for the exit; nullopt on timeout.
  std::optional<ExitStatus> Wait(std::chrono::milliseconds timeout);
  // SIGKILL and reap (no-op when already reaped).
  void Kill();
  // The exit status once reaped.
  const std::optional<ExitStatus>& exit_status() const { return status_; }

 private:
  pid_t pid_ = -1;
  std::optional<ExitStatus> status_;
};

struct RunResult {
  ExitStatus status;
  bool timed_out = false;
  std::string out, err;
  std::string Describe() const;  // for assertion messages
};

// Runs a command to completion (SIGKILL after `timeout`), capturing output via files
// in `scratch_dir`.
RunResult Run(const std::vector<std::string>& argv, const std::string& scratch_dir,
              std::chrono::milliseconds timeout = std::chrono::seconds(120));

}  // namespace ordo::testing
