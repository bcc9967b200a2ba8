#include "mis_server.h"

#include <signal.h>

#include <regex>
#include <thread>

#ifndef ORDO_MIS_BIN
#error "ORDO_MIS_BIN must name the ordo-mis binary"
#endif

namespace ordo::testing {

const char* MisBinary() { return ORDO_MIS_BIN; }

RunResult RunMis(const std::vector<std::string>& args, const std::string& scratch_dir) {
  std::vector<std::string> argv{MisBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv, scratch_dir, std::chrono::seconds(60));
}

MisSandbox::MisSandbox() : tmp_("ordo-mis-it") {}

bool MisSandbox::Init(std::string* error, const std::vector<std::string>& extra) {
  WriteFile(file("admin-password"), std::string(kMisAdminPassword) + "\n");
  std::vector<std::string> args{"init", "--data", data(), "--admin-password-file",
                                file("admin-password")};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = RunMis(args, root());
  if (r.status.code != 0) {
    *error = "ordo-mis init failed: " + r.Describe();
    return false;
  }
  return true;
}

MisServer::MisServer(std::string data_dir, std::string log_dir, std::vector<std::string> extra)
    : data_dir_(std::move(data_dir)), log_dir_(std::move(log_dir)), extra_(std::move(extra)) {}

MisServer::~MisServer() { process_.Kill(); }

bool MisServer::Start(std::string* error, std::chrono::milliseconds timeout) {
  stdout_path_ = log_dir_ + "/mis-serve.out";
  stderr_path_ = log_dir_ + "/mis-serve.err";
  std::vector<std::string> argv{MisBinary(), "serve",    "--data",
                                data_dir_,   "--listen", "127.0.0.1:0"};
  argv.insert(argv.end(), extra_.begin(), extra_.end());
  process_ = Process::Spawn(argv, stdout_path_, stderr_path_);
  static const std::regex ready(R"(ordo-mis: listening on http://127\.0\.0\.1:(\d+))");
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    const std::string out = ReadFile(stdout_path_);
    if (std::regex_search(out, m, ready)) {
      port_ = static_cast<std::uint16_t>(std::stoi(m[1]));
      return true;
    }
    if (!process_.Running()) {
      *error = "ordo-mis serve exited (" + process_.exit_status()->ToString() +
               ") before listening\n" + Logs();
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  *error = "ordo-mis serve did not print its listening line in time\n" + Logs();
  process_.Kill();
  return false;
}

std::optional<ExitStatus> MisServer::Stop(int signal, std::chrono::milliseconds timeout) {
  process_.Signal(signal);
  auto status = process_.Wait(timeout);
  if (!status) process_.Kill();
  return status;
}

std::string MisServer::Logs() const {
  return "--- ordo-mis serve stdout ---\n" + Tail(stdout_path_) + "\n--- stderr ---\n" +
         Tail(stderr_path_);
}

}  // namespace ordo::testing
