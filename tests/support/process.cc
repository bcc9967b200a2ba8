#include "support/process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace ordo::testing {

TempDir::TempDir(const std::string& prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/" + prefix + "-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data()))
    throw std::runtime_error("mkdtemp failed: " + std::string(strerror(errno)));
  path_ = buf.data();
}

TempDir::~TempDir() {
  if (std::getenv("ORDO_TEST_KEEP")) {
    std::fprintf(stderr, "[ordo-test] kept %s\n", path_.c_str());
    return;
  }
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
}

std::string Tail(const std::string& path, std::size_t max_bytes) {
  std::string all = ReadFile(path);
  return all.size() <= max_bytes ? all : "..." + all.substr(all.size() - max_bytes);
}

std::string ExitStatus::ToString() const {
  if (signal) return "killed by signal " + std::to_string(signal);
  return "exit code " + std::to_string(code);
}

namespace {

ExitStatus Decode(int wstatus) {
  ExitStatus s;
  if (WIFEXITED(wstatus)) {
    s.code = WEXITSTATUS(wstatus);
  } else if (WIFSIGNALED(wstatus)) {
    s.signal = WTERMSIG(wstatus);
    s.code = 128 + s.signal;
  }
  return s;
}

}  // namespace

Process Process::Spawn(const std::vector<std::string>& argv, const std::string& stdout_path,
                       const std::string& stderr_path) {
  // Everything the child needs is prepared before fork: only async-signal-safe calls
  // happen between fork and exec (the test may have other threads).
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int out = ::open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int err = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0 || err < 0) {
    if (out >= 0) ::close(out);
    if (err >= 0) ::close(err);
    throw std::runtime_error("cannot create output files for " + argv.at(0));
  }
  const pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(out);
    ::close(err);
    throw std::runtime_error("fork failed");
  }
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(out);
  ::close(err);
  Process p;
  p.pid_ = pid;
  return p;
}

Process::Process(Process&& other) noexcept { *this = std::move(other); }

Process& Process::operator=(Process&& other) noexcept {
  if (this != &other) {
    Kill();
    pid_ = other.pid_;
    status_ = std::move(other.status_);
    other.pid_ = -1;
    other.status_.reset();
  }
  return *this;
}

Process::~Process() { Kill(); }

bool Process::Running() {
  if (pid_ <= 0 || status_) return false;
  int wstatus = 0;
  pid_t r = ::waitpid(pid_, &wstatus, WNOHANG);
  if (r == pid_) {
    status_ = Decode(wstatus);
    return false;
  }
  return r == 0;
}

void Process::Signal(int signal) const {
  if (pid_ > 0 && !status_) ::kill(pid_, signal);
}

std::optional<ExitStatus> Process::Wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (Running()) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return status_;
}

void Process::Kill() {
  if (pid_ <= 0 || status_) return;
  ::kill(pid_, SIGKILL);
  int wstatus = 0;
  while (::waitpid(pid_, &wstatus, 0) < 0 && errno == EINTR) {
  }
  status_ = Decode(wstatus);
}

std::string RunResult::Describe() const {
  return status.ToString() + (timed_out ? " (timed out)" : "") + "\n--- stdout ---\n" +
         (out.size() > 4000 ? "..." + out.substr(out.size() - 4000) : out) + "\n--- stderr ---\n" +
         (err.size() > 4000 ? "..." + err.substr(err.size() - 4000) : err);
}

RunResult Run(const std::vector<std::string>& argv, const std::string& scratch_dir,
              std::chrono::milliseconds timeout) {
  static std::atomic<int> counter{0};
  const std::string base =
      scratch_dir + "/run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  Process p = Process::Spawn(argv, base + ".out", base + ".err");
  RunResult r;
  auto status = p.Wait(timeout);
  if (!status) {
    r.timed_out = true;
    p.Kill();
    status = p.exit_status();
  }
  r.status = *status;
  r.out = ReadFile(base + ".out");
  r.err = ReadFile(base + ".err");
  std::error_code ec;
  std::filesystem::remove(base + ".out", ec);
  std::filesystem::remove(base + ".err", ec);
  return r;
}

}  // namespace ordo::testing
