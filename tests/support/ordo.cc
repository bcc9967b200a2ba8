#include "support/ordo.h"

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <thread>

#ifndef ORDO_BIN
#error "ORDO_BIN must name the ordo binary"
#endif

namespace ordo::testing {

namespace {

// Removes the private hard link at exit.
struct LinkRemover {
  std::string path;
  ~LinkRemover() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove(path, ec);
  }
};

}  // namespace

// The build directory is shared: a concurrent `ninja` may relink ordo while tests run
// (the path then briefly does not exist). Each test process therefore runs its own
// hard link to the binary it started with; the linker replaces the file, not the inode.
const char* OrdoBinary() {
  static LinkRemover remover;
  static const std::string path = [] {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string dir = std::string(ORDO_TEST_BIN_DIR) + "/ordo-bin";
    fs::create_directories(dir, ec);
    const std::string link = dir + "/ordo-" + std::to_string(::getpid());
    for (int attempt = 0; attempt < 600; ++attempt) {  // up to a minute while ordo is relinked
      fs::remove(link, ec);
      fs::create_hard_link(ORDO_BIN, link, ec);
      if (!ec && ::access(link.c_str(), X_OK) == 0) {
        remover.path = link;
        return link;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::string(ORDO_BIN);
  }();
  return path.c_str();
}

Sandbox::Sandbox() : tmp_("ordo-it") {}

RunResult Sandbox::Ordo(const std::vector<std::string>& args,
                        std::chrono::milliseconds timeout) const {
  std::vector<std::string> argv{OrdoBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv, root(), timeout);
}

bool Sandbox::Init(std::string* error) {
  RunResult r = Ordo({"init", "--data", data(), "--demo", "--site", "test-site"});
  if (r.status.code != 0) {
    *error = "ordo init failed: " + r.Describe();
    return false;
  }
  static const std::regex line(R"(demo user: (\S+) role: (\S+) password: (\S+))");
  std::istringstream in(r.out);
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (std::regex_search(l, m, line)) users_[m[2]] = Credentials{m[1], m[2], m[3]};
  }
  for (const char* role : {"operator", "supervisor", "quality", "engineer", "admin"}) {
    if (!users_.count(role)) {
      *error = std::string("ordo init --demo printed no ") + role + " user:\n" + r.out;
      return false;
    }
  }
  return true;
}

OrdoServer::OrdoServer(std::string data_dir, std::string log_dir, std::vector<std::string> extra)
    : data_dir_(std::move(data_dir)), log_dir_(std::move(log_dir)), extra_args_(std::move(extra)) {}

OrdoServer::~OrdoServer() { process_.Kill(); }

bool OrdoServer::Start(std::string* error, std::chrono::milliseconds timeout) {
  ++runs_;
  stdout_path_ = log_dir_ + "/serve-" + std::to_string(runs_) + ".out";
  stderr_path_ = log_dir_ + "/serve-" + std::to_string(runs_) + ".err";
  std::vector<std::string> argv{OrdoBinary(), "serve",    "--data",
                                data_dir_,    "--listen", "127.0.0.1:0"};
  argv.insert(argv.end(), extra_args_.begin(), extra_args_.end());
  if (clock_days_ahead_ != 0) {
    static const char* kFaketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";
    if (!std::filesystem::exists(kFaketime)) {
      *error = std::string("moving the server's clock needs ") + kFaketime +
               " (apt package faketime, installed by scripts/install-deps)";
      return false;
    }
    // env execs ordo, so the process is the server itself.
    argv.insert(argv.begin(), {"/usr/bin/env", std::string("LD_PRELOAD=") + kFaketime,
                               "FAKETIME=" + std::string(clock_days_ahead_ > 0 ? "+" : "") +
                                   std::to_string(clock_days_ahead_) + "d",
                               "FAKETIME_DONT_FAKE_MONOTONIC=1"});
  }
  if (file_size_limit_kib_ > 0) {
    // bash sets the limit, ignores SIGXFSZ (inherited across exec) and execs ordo.
    argv.insert(argv.begin(), {"/bin/bash", "-c",
                               "ulimit -f " + std::to_string(file_size_limit_kib_) +
                                   "; trap '' XFSZ; exec \"$0\" \"$@\""});
  }
  process_ = Process::Spawn(argv, stdout_path_, stderr_path_);
  static const std::regex ready(R"(ordo: listening on (https?)://127\.0\.0\.1:(\d+))");
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::string out = ReadFile(stdout_path_);
    std::smatch m;
    if (std::regex_search(out, m, ready)) {
      tls_ = m[1] == "https";
      port_ = static_cast<std::uint16_t>(std::stoi(m[2]));
      return true;
    }
    if (!process_.Running()) {
      *error = "ordo serve exited (" + process_.exit_status()->ToString() + ") before listening\n" +
               Logs();
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  *error = "ordo serve did not print its listening line in time\n" + Logs();
  process_.Kill();
  return false;
}

std::optional<ExitStatus> OrdoServer::Stop(std::chrono::milliseconds timeout) {
  process_.Signal(SIGTERM);
  auto s = process_.Wait(timeout);
  if (!s) process_.Kill();
  return s;
}

void OrdoServer::Kill() { process_.Kill(); }

std::string OrdoServer::Logs() const {
  return "--- serve stdout (" + stdout_path_ + ") ---\n" + Tail(stdout_path_) +
         "\n--- serve stderr ---\n" + Tail(stderr_path_);
}

std::string Login(const HttpClient& client, const std::string& user, const std::string& password,
                  HttpReply* reply) {
  HttpReply r = client.Post("/api/v1/session", Json{{"user", user}, {"password", password}});
  if (reply) *reply = r;
  if (r.status != 200) return "";
  Json j = r.json();
  return j.contains("token") && j["token"].is_string() ? j["token"].get<std::string>() : "";
}

HttpReply ChangePassword(const HttpClient& client, const std::string& user,
                         const std::string& password, const std::string& new_password,
                         const std::string& token) {
  return client.Post("/api/v1/session/password",
                     Json{{"user", user}, {"password", password}, {"new_password", new_password}},
                     token);
}

std::string ApproveConfiguration(const HttpClient& client, const Credentials& author,
                                 const Credentials& approver, const std::string& kind,
                                 const Json& content, HttpReply* reply) {
  HttpReply last;
  auto fail = [&](const HttpReply& r) {
    if (reply) *reply = r;
    return std::string();
  };
  const std::string author_token = Login(client, author.name, author.password, &last);
  if (author_token.empty()) return fail(last);
  const std::string approver_token = Login(client, approver.name, approver.password, &last);
  if (approver_token.empty()) return fail(last);
  last = client.Post("/api/v1/change-requests",
                     Json{{"title", "Change " + kind},
                          {"description", "configuration change made by a test"},
                          {"reason", "test of configuration under change control"}},
                     author_token);
  if (last.status != 201) return fail(last);
  const std::string cr = last.json()["change_request"].value("id", "");
  last = client.Request("PUT", "/api/v1/change-requests/" + cr + "/items/" + kind + "/site",
                        Json{{"content", content}}.dump(), author_token,
                        {{"Content-Type", "application/json"}});
  if (last.status != 200) return fail(last);
  last = client.Post("/api/v1/change-requests/" + cr + "/submit",
                     Json{{"signature", {{"user", author.name}, {"password", author.password}}}},
                     author_token);
  if (last.status != 200) return fail(last);
  last =
      client.Post("/api/v1/change-requests/" + cr + "/approve",
                  Json{{"signature", {{"user", approver.name}, {"password", approver.password}}}},
                  approver_token);
  if (last.status != 200) return fail(last);
  return cr;
}

std::string ChangeSiteSettings(const HttpClient& client, const Sandbox& sandbox,
                               const Json& changes, HttpReply* reply) {
  const Credentials& engineer = sandbox.user("engineer");
  HttpReply read;
  const std::string token = Login(client, engineer.name, engineer.password, &read);
  if (!token.empty()) read = client.Get("/api/v1/site/settings", token);
  if (read.status != 200) {
    if (reply) *reply = read;
    return "";
  }
  Json content = read.json()["settings"];
  content["id"] = "site";
  content["name"] = "Site settings";
  for (const auto& [key, value] : changes.items()) content[key] = value;
  return ApproveConfiguration(client, engineer, sandbox.user("quality"), "site_settings", content,
                              reply);
}

std::string FirstSignIn(const HttpClient& client, const std::string& user,
                        const std::string& one_time_password, const std::string& new_password,
                        HttpReply* reply) {
  HttpReply changed = ChangePassword(client, user, one_time_password, new_password);
  if (changed.status != 200) {
    if (reply) *reply = changed;
    return "";
  }
  return Login(client, user, new_password, reply);
}

std::string StrongPassword(const std::string& seed) { return seed + " tulip ledger 7"; }

std::int64_t HeadSeq(const HttpClient& client) {
  HttpReply r = client.Get("/api/v1/health");
  Json j = r.json();
  if (r.status != 200 || !j.contains("head_seq")) return -1;
  return j["head_seq"].get<std::int64_t>();
}

Json LogbookEntry(const std::string& text, const std::string& subject,
                  const std::string& category) {
  return Json{{"subject", subject}, {"category", category}, {"text", text}};
}

std::vector<Json> AllLogbook(const HttpClient& client, const std::string& token,
                             std::string* error) {
  std::vector<Json> rows;
  std::int64_t before = 0;
  while (true) {
    std::string target = "/api/v1/logbook?limit=1000";
    if (before > 0) target += "&before=" + std::to_string(before);
    HttpReply r = client.Get(target, token);
    if (r.status != 200) {
      *error = "GET " + target + ": " + r.Describe();
      return rows;
    }
    Json page = r.json()["entries"];
    if (!page.is_array() || page.empty()) return rows;
    for (auto& e : page) rows.push_back(e);
    std::int64_t last = page.back()["seq"].get<std::int64_t>();
    if (before != 0 && last >= before) {
      *error = "GET /api/v1/logbook: 'before' paging does not progress";
      return rows;
    }
    before = last;
  }
}

std::vector<Json> AllLedger(const HttpClient& client, const std::string& token, std::string* error,
                            std::int64_t after) {
  std::vector<Json> entries;
  while (true) {
    std::string target = "/api/v1/ledger?limit=1000&after=" + std::to_string(after);
    HttpReply r = client.Get(target, token);
    if (r.status != 200) {
      *error = "GET " + target + ": " + r.Describe();
      return entries;
    }
    Json j = r.json();
    if (!j["entries"].is_array() || j["entries"].empty()) return entries;
    for (auto& e : j["entries"]) entries.push_back(e);
    std::int64_t next = j["next"].get<std::int64_t>();
    if (next <= after) {
      *error = "GET /api/v1/ledger: 'next' does not progress";
      return entries;
    }
    after = next;
  }
}

}  // namespace ordo::testing
