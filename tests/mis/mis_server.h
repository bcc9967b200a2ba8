// Test support for the MIS: a data directory made with the real `ordo-mis init`, and the
// real `ordo-mis serve` as a child process on 127.0.0.1 with a port the kernel chose.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/http_client.h"
#include "support/process.h"

namespace ordo::testing {

// Path of the ordo-mis binary under test (compile definition ORDO_MIS_BIN).
const char* MisBinary();
// Runs ordo-mis with `args` (without the binary), output captured in `scratch_dir`.
RunResult RunMis(const std::vector<std::string>& args, const std::string& scratch_dir);

// The admin password the sandbox's init uses.
inline constexpr const char* kMisAdminPassword = "mis admin password 1";

// A temp dir with DIR/data initialised by `ordo-mis init` (admin / kMisAdminPassword).
class MisSandbox {
 public:
  MisSandbox();
  // Runs init; false with a message on failure.
  bool Init(std::string* error, const std::vector<std::string>& extra = {});
  const std::string& root() const { return tmp_.path(); }
  std::string data() const { return tmp_ / "data"; }
  std::string file(const std::string& name) const { return tmp_ / name; }

 private:
  TempDir tmp_;
};

class MisServer {
 public:
  MisServer(std::string data_dir, std::string log_dir, std::vector<std::string> extra = {});
  ~MisServer();
  // Spawns serve and waits for "ordo-mis: listening on ..." on its stdout.
  bool Start(std::string* error, std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // SIGTERM (or `signal`), then waits for the exit; nullopt on timeout (then SIGKILL).
  std::optional<ExitStatus> Stop(int signal,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(30));
  client::HttpClient Client() const { return client::HttpClient(port_); }
  std::uint16_t port() const { return port_; }
  pid_t pid() const { return process_.pid(); }
  std::string Logs() const;

 private:
  std::string data_dir_, log_dir_;
  std::vector<std::string> extra_;
  Process process_;
  std::uint16_t port_ = 0;
  std::string stdout_path_, stderr_path_;
};

}  // namespace ordo::testing
