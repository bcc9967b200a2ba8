// Test support: an ordo data directory made with the real `ordo init --demo`, the
// real `ordo serve` as a child process, the offline CLI, and API helpers.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "client/http_client.h"
#include "support/process.h"

namespace ordo::testing {

using client::Headers;
using client::HttpClient;
using client::HttpReply;
using Json = nlohmann::json;

// Path of the ordo binary under test (compile definition ORDO_BIN).
const char* OrdoBinary();

struct Credentials {
  std::string name, role, password;
};

// A temp dir holding DIR/data (an initialised data directory) plus log files.
class Sandbox {
 public:
  Sandbox();
  // Runs `ordo init --data DIR/data --demo`; false (with a message) on failure.
  bool Init(std::string* error);
  const std::string& root() const { return tmp_.path(); }
  std::string data() const { return tmp_ / "data"; }
  std::string file(const std::string& name) const { return tmp_ / name; }
  // Demo user of a role (operator, supervisor, quality, engineer, admin).
  const Credentials& user(const std::string& role) const { return users_.at(role); }
  // Runs the ordo CLI with `args` (without the binary).
  RunResult Ordo(const std::vector<std::string>& args,
                 std::chrono::milliseconds timeout = std::chrono::seconds(120)) const;

 private:
  TempDir tmp_;
  std::map<std::string, Credentials> users_;
};

// `ordo serve` on 127.0.0.1 with a port chosen by the kernel.
class OrdoServer {
 public:
  OrdoServer(std::string data_dir, std::string log_dir, std::vector<std::string> extra_args = {});
  ~OrdoServer();
  // Spawns the server and waits for "ordo: listening on ..." on its stdout.
  bool Start(std::string* error, std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // SIGTERM, then waits for the exit (SIGKILL after the timeout). nullopt on timeout.
  std::optional<ExitStatus> Stop(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // SIGKILL and reap.
  void Kill();
  // Runs the server with RLIMIT_FSIZE set to `kib` KiB and SIGXFSZ ignored, so that
  // writes past the limit fail with EFBIG, as on a full disk (0 = no limit).
  void set_file_size_limit_kib(long kib) { file_size_limit_kib_ = kib; }
  // Runs the server with its wall clock `days` ahead (libfaketime, the Debian package
  // faketime; the monotonic clock is not moved): plant time passing, e.g. for a
  // qualification to expire. Start fails when the library is missing.
  void set_clock_days_ahead(int days) { clock_days_ahead_ = days; }
  bool Running() { return process_.Running(); }
  pid_t pid() const { return process_.pid(); }
  std::uint16_t port() const { return port_; }
  bool tls() const { return tls_; }
  HttpClient Client() const { return HttpClient(port_, tls_); }
  std::string stdout_path() const { return stdout_path_; }
  std::string stderr_path() const { return stderr_path_; }
  // Tail of stdout and stderr of the latest run (for failure messages).
  std::string Logs() const;

 private:
  std::string data_dir_, log_dir_;
  std::vector<std::string> extra_args_;
  Process process_;
  std::uint16_t port_ = 0;
  bool tls_ = false;
  int runs_ = 0;
  long file_size_limit_kib_ = 0;
  int clock_days_ahead_ = 0;
  std::string stdout_path_, stderr_path_;
};

// Signs in; returns the token, or "" (and the reply in *reply when given).
std::string Login(const HttpClient& client, const std::string& user, const std::string& password,
                  HttpReply* reply = nullptr);
// POST /api/v1/session/password: `user` changes `password` (their current or one-time
// password) to `new_password`; `token` (optional) is a session of theirs to keep.
HttpReply ChangePassword(const HttpClient& client, const std::string& user,
                         const std::string& password, const std::string& new_password,
                         const std::string& token = "");
// The first sign-in of a user an admin created or reset: changes the one-time password
// to `new_password`, then signs in with it. Returns the token, or "" (and the failing
// reply in *reply when given).
std::string FirstSignIn(const HttpClient& client, const std::string& user,
                        const std::string& one_time_password, const std::string& new_password,
                        HttpReply* reply = nullptr);
// A password derived from `seed` that satisfies the default password rules (15+
// characters, not on the blocklist).
std::string StrongPassword(const std::string& seed);
// Puts a version of a configuration kind (site_settings or signature_policy; object id
// site) in force now through a change request: `author` (who holds site.configure, e.g.
// the demo engineer) opens it, drafts `content` and submits it; `approver` (quality)
// approves it. Each signs with user id and password. Needs a site that asks for one
// approval. Returns the change request id, or "" (and the failing reply in *reply).
std::string ApproveConfiguration(const HttpClient& client, const Credentials& author,
                                 const Credentials& approver, const std::string& kind,
                                 const Json& content, HttpReply* reply = nullptr);
// ApproveConfiguration of the site settings in force with `changes` applied, by the
// sandbox's engineer and quality users.
std::string ChangeSiteSettings(const HttpClient& client, const Sandbox& sandbox,
                               const Json& changes, HttpReply* reply = nullptr);
// The ledger head from GET /api/v1/health (-1 on failure).
std::int64_t HeadSeq(const HttpClient& client);
// Body of a logbook entry.
Json LogbookEntry(const std::string& text, const std::string& subject = "TANK-1",
                  const std::string& category = "use");
// Every row of GET /api/v1/logbook, newest first, following `before` pages.
std::vector<Json> AllLogbook(const HttpClient& client, const std::string& token,
                             std::string* error);
// Every entry of GET /api/v1/ledger after `after`, following pages.
std::vector<Json> AllLedger(const HttpClient& client, const std::string& token, std::string* error,
                            std::int64_t after = 0);

}  // namespace ordo::testing
