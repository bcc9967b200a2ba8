// ordo-mis end to end: the real binary's init, serve, health, sign-in, 401/403 as
// problem+json, user creation by the admin, sign-out, --version/--help, and a clean stop
// on SIGTERM and SIGINT.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/testing/verifies.h"
#include "mis_server.h"

namespace ordo::testing {
namespace {

using client::HttpReply;
using Json = nlohmann::json;

class MisServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
    server_ = std::make_unique<MisServer>(sandbox_.data(), sandbox_.root());
    ASSERT_TRUE(server_->Start(&error)) << error;
  }
  std::string SignIn(const std::string& user, const std::string& password,
                     HttpReply* reply = nullptr) {
    HttpReply r =
        server_->Client().Post("/api/v1/session", {{"user", user}, {"password", password}});
    if (reply) *reply = r;
    return r.status == 200 ? r.json().value("token", "") : "";
  }
  // A problem+json answer with `status` and `code`.
  static void ExpectProblem(const HttpReply& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.Describe();
    EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.Describe();
    const Json body = r.json();
    EXPECT_EQ(body.value("code", ""), code) << r.Describe();
    EXPECT_EQ(body.value("status", 0), status) << r.Describe();
    EXPECT_EQ(body.value("type", ""), "/api/v1/problems/" + code) << r.Describe();
  }
  MisSandbox sandbox_;
  std::unique_ptr<MisServer> server_;
};

TEST_F(MisServeTest, HealthIsOpenAndCarriesTheVersionAndSecurityHeaders) {
  ORDO_VERIFIES("ORDO-MIS-12", "ORDO-MIS-14");
  HttpReply r = server_->Client().Get("/api/v1/health");
  ASSERT_EQ(r.status, 200) << r.Describe();
  const Json body = r.json();
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["service"], "ordo-mis");
  RunResult version = RunMis({"--version"}, sandbox_.root());
  ASSERT_EQ(version.status.code, 0) << version.Describe();
  EXPECT_NE(version.out.find(body["version"].get<std::string>()), std::string::npos) << version.out;
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.Header("x-frame-options"), "DENY");
  EXPECT_NE(r.Header("content-security-policy").find("default-src 'none'"), std::string::npos);
}

TEST_F(MisServeTest, SignInGivesABearerTokenAndWrongCredentialsTheSame401) {
  ORDO_VERIFIES("ORDO-MIS-08", "ORDO-MIS-09");
  HttpReply good;
  const std::string token = SignIn("admin", kMisAdminPassword, &good);
  ASSERT_FALSE(token.empty()) << good.Describe();
  EXPECT_EQ(token.size(), 64u);
  const Json body = good.json();
  EXPECT_EQ(body["user"]["name"], "admin");
  EXPECT_EQ(body["user"]["roles"], Json::array({"mis_admin"}));
  EXPECT_EQ(body["user"]["permissions"],
            Json::array({"mis.users", "mis.settings", "mis.imports", "mis.read"}));
  EXPECT_TRUE(body["expires_at"].is_string());
  HttpReply session = server_->Client().Get("/api/v1/session", token);
  ASSERT_EQ(session.status, 200) << session.Describe();
  EXPECT_EQ(session.json()["user"]["name"], "admin");

  HttpReply wrong;
  EXPECT_TRUE(SignIn("admin", "not the admin password", &wrong).empty());
  ExpectProblem(wrong, 401, "unauthenticated");
  HttpReply unknown;
  EXPECT_TRUE(SignIn("nobody", kMisAdminPassword, &unknown).empty());
  ExpectProblem(unknown, 401, "unauthenticated");
  EXPECT_EQ(unknown.json()["detail"], wrong.json()["detail"]);
}

TEST_F(MisServeTest, EveryEndpointButHealthAndSignInNeedsASession) {
  ORDO_VERIFIES("ORDO-MIS-11");
  auto client = server_->Client();
  ExpectProblem(client.Get("/api/v1/users"), 401, "unauthenticated");
  ExpectProblem(client.Get("/api/v1/session"), 401, "unauthenticated");
  ExpectProblem(client.Request("DELETE", "/api/v1/session"), 401, "unauthenticated");
  ExpectProblem(
      client.Post("/api/v1/users",
                  {{"name", "x"}, {"role", "mis_viewer"}, {"password", "twelve chars long"}}),
      401, "unauthenticated");
  ExpectProblem(client.Get("/api/v1/users", std::string(64, 'f')), 401, "unauthenticated");
  ExpectProblem(client.Get("/api/v1/nothing"), 404, "not_found");
  HttpReply bad_body = client.Post("/api/v1/session", {{"user", "admin"}});
  ExpectProblem(bad_body, 400, "invalid_argument");
  EXPECT_EQ(bad_body.json()["field"], "password");
}

TEST_F(MisServeTest, AViewerCannotCreateUsersButTheAdminCan) {
  ORDO_VERIFIES("ORDO-MIS-11", "ORDO-MIS-13", "ORDO-MIS-07");
  auto client = server_->Client();
  const std::string admin = SignIn("admin", kMisAdminPassword);
  ASSERT_FALSE(admin.empty());
  HttpReply created = client.Post(
      "/api/v1/users", {{"name", "vera"}, {"role", "mis_viewer"}, {"password", "vera's password"}},
      admin);
  ASSERT_EQ(created.status, 201) << created.Describe();
  EXPECT_EQ(created.json()["user"]["role"], "mis_viewer");
  EXPECT_EQ(created.json()["user"]["created_by"], "admin");
  EXPECT_EQ(created.body.find("argon2"), std::string::npos) << created.body;

  const std::string viewer = SignIn("vera", "vera's password");
  ASSERT_FALSE(viewer.empty());
  HttpReply refused = client.Post(
      "/api/v1/users", {{"name", "eve"}, {"role", "mis_admin"}, {"password", "eve's password!"}},
      viewer);
  ExpectProblem(refused, 403, "permission_denied");
  ExpectProblem(client.Get("/api/v1/users", viewer), 403, "permission_denied");
  EXPECT_EQ(client.Get("/api/v1/session", viewer).status, 200);

  HttpReply list = client.Get("/api/v1/users", admin);
  ASSERT_EQ(list.status, 200) << list.Describe();
  ASSERT_EQ(list.json()["users"].size(), 2u);
  EXPECT_EQ(list.json()["users"][1]["name"], "vera");  // and no eve

  HttpReply twice = client.Post(
      "/api/v1/users", {{"name", "vera"}, {"role", "mis_analyst"}, {"password", "another one!!"}},
      admin);
  ExpectProblem(twice, 409, "conflict");
  EXPECT_EQ(twice.json()["reason"], "name_taken");
  HttpReply weak = client.Post(
      "/api/v1/users", {{"name", "walt"}, {"role", "mis_analyst"}, {"password", "short"}}, admin);
  ExpectProblem(weak, 400, "invalid_argument");
  EXPECT_EQ(weak.json()["reason"], "password_too_short");
  HttpReply role =
      client.Post("/api/v1/users",
                  {{"name", "walt"}, {"role", "admin"}, {"password", "long enough pw"}}, admin);
  ExpectProblem(role, 400, "invalid_argument");
  EXPECT_EQ(role.json()["field"], "role");
}

TEST_F(MisServeTest, SignOutEndsTheSession) {
  ORDO_VERIFIES("ORDO-MIS-09");
  auto client = server_->Client();
  const std::string token = SignIn("admin", kMisAdminPassword);
  ASSERT_FALSE(token.empty());
  HttpReply out = client.Request("DELETE", "/api/v1/session", "", token);
  EXPECT_EQ(out.status, 204) << out.Describe();
  ExpectProblem(client.Get("/api/v1/session", token), 401, "unauthenticated");
}

TEST_F(MisServeTest, SigtermAndSigintStopTheServerCleanly) {
  ORDO_VERIFIES("ORDO-MIS-14");
  auto stopped = server_->Stop(SIGTERM);
  ASSERT_TRUE(stopped.has_value()) << server_->Logs();
  EXPECT_EQ(stopped->code, 0) << stopped->ToString() << server_->Logs();
  EXPECT_EQ(stopped->signal, 0);
  EXPECT_EQ(server_->Client().Get("/api/v1/health").status, 0);  // nobody listens
  // The store is intact and the lock released: it serves again, and stops on SIGINT.
  MisServer again(sandbox_.data(), sandbox_.root());
  std::string error;
  ASSERT_TRUE(again.Start(&error)) << error;
  EXPECT_EQ(again.Client().Get("/api/v1/health").status, 200);
  auto interrupted = again.Stop(SIGINT);
  ASSERT_TRUE(interrupted.has_value());
  EXPECT_EQ(interrupted->code, 0) << interrupted->ToString();
}

// The nice values of the server's threads, from /proc (field 19 of each task's stat).
std::vector<int> ThreadNices(pid_t pid) {
  std::vector<int> nices;
  for (const auto& task :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
    std::ifstream in(task.path() / "stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));  // after "pid (comm) "
    std::string field;
    for (int i = 3; i <= 19 && rest >> field; ++i) {
    }
    nices.push_back(std::stoi(field));
  }
  return nices;
}

TEST_F(MisServeTest, TheServerRunsAtNiceTenAndItsKpiComputationsAtNineteen) {
  ORDO_VERIFIES("ORDO-MISBENCH-07");
  const std::string token = SignIn("admin", kMisAdminPassword);
  ASSERT_FALSE(token.empty());
  // A request that computes (the scopes) sets the report thread's priority on first use.
  HttpReply scopes = server_->Client().Get("/api/v1/scopes", token);
  EXPECT_EQ(scopes.status, 200) << scopes.Describe();
  const std::vector<int> nices = ThreadNices(server_->pid());
  ASSERT_FALSE(nices.empty());
  EXPECT_EQ(*std::min_element(nices.begin(), nices.end()), 10) << server_->Logs();
  // The report thread and the snapshot service's thread.
  EXPECT_EQ(std::count(nices.begin(), nices.end(), 19), 2) << server_->Logs();
}

TEST_F(MisServeTest, ASecondServeOnTheSameDirectoryIsRefused) {
  ORDO_VERIFIES("ORDO-MIS-18");
  RunResult r =
      RunMis({"serve", "--data", sandbox_.data(), "--listen", "127.0.0.1:0"}, sandbox_.root());
  EXPECT_EQ(r.status.code, 2) << r.Describe();
  EXPECT_NE(r.err.find("another ordo-mis is using"), std::string::npos) << r.Describe();
  EXPECT_EQ(server_->Client().Get("/api/v1/health").status, 200);
}

// --- Without a running server --------------------------------------------------------

TEST(MisCliTest, VersionAndHelp) {
  ORDO_VERIFIES("ORDO-MIS-01");
  TempDir tmp("ordo-mis-cli");
  RunResult version = RunMis({"--version"}, tmp.path());
  EXPECT_EQ(version.status.code, 0) << version.Describe();
  EXPECT_EQ(version.out.rfind("ordo-mis ", 0), 0u) << version.out;
  EXPECT_NE(version.out.find("commit"), std::string::npos) << version.out;
  RunResult help = RunMis({"--help"}, tmp.path());
  EXPECT_EQ(help.status.code, 0) << help.Describe();
  EXPECT_NE(help.out.find("init"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("serve"), std::string::npos) << help.out;
  RunResult serve_help = RunMis({"serve", "--help"}, tmp.path());
  EXPECT_NE(serve_help.out.find("--mes-password-file"), std::string::npos) << serve_help.out;
  EXPECT_NE(serve_help.out.find("feed_reader"), std::string::npos) << serve_help.out;
  RunResult none = RunMis({}, tmp.path());
  EXPECT_EQ(none.status.code, 2) << none.Describe();
}

TEST(MisCliTest, InitRefusesASecondInitAndBadPasswordFilesWithExitCode2) {
  ORDO_VERIFIES("ORDO-MIS-02");
  MisSandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  RunResult again = RunMis(
      {"init", "--data", sandbox.data(), "--admin-password-file", sandbox.file("admin-password")},
      sandbox.root());
  EXPECT_EQ(again.status.code, 2) << again.Describe();
  EXPECT_NE(again.err.find("already holds an MIS store"), std::string::npos) << again.Describe();
  WriteFile(sandbox.file("weak"), "password\n");
  RunResult weak = RunMis(
      {"init", "--data", sandbox.file("other"), "--admin-password-file", sandbox.file("weak")},
      sandbox.root());
  EXPECT_EQ(weak.status.code, 2) << weak.Describe();
  EXPECT_NE(weak.err.find("at least 12 characters"), std::string::npos) << weak.Describe();
  RunResult unreadable = RunMis(
      {"init", "--data", sandbox.file("other"), "--admin-password-file", sandbox.file("missing")},
      sandbox.root());
  EXPECT_EQ(unreadable.status.code, 2) << unreadable.Describe();
  EXPECT_NE(unreadable.err.find("cannot read the password file"), std::string::npos)
      << unreadable.Describe();
  RunResult demo = RunMis({"init", "--data", sandbox.file("demo"), "--admin-password-file",
                           sandbox.file("admin-password"), "--demo"},
                          sandbox.root());
  EXPECT_EQ(demo.status.code, 0) << demo.Describe();
  EXPECT_NE(demo.out.find("[demo]"), std::string::npos) << demo.out;
}

TEST(MisCliTest, ServeRefusesAMissingStoreAndIncompleteMesFlags) {
  ORDO_VERIFIES("ORDO-MIS-15", "ORDO-MIS-18", "ORDO-MISTLS-01");
  MisSandbox sandbox;
  RunResult missing =
      RunMis({"serve", "--data", sandbox.file("none"), "--listen", "127.0.0.1:0"}, sandbox.root());
  EXPECT_EQ(missing.status.code, 2) << missing.Describe();
  EXPECT_NE(missing.err.find("no MIS store"), std::string::npos) << missing.Describe();
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  RunResult partial = RunMis({"serve", "--data", sandbox.data(), "--listen", "127.0.0.1:0", "--mes",
                              "http://127.0.0.1:8080"},
                             sandbox.root());
  EXPECT_EQ(partial.status.code, 2) << partial.Describe();
  EXPECT_NE(partial.err.find("all three"), std::string::npos) << partial.Describe();
  WriteFile(sandbox.file("mes-password"), "feed password\n");
  RunResult path = RunMis({"serve", "--data", sandbox.data(), "--listen", "127.0.0.1:0", "--mes",
                           "https://mes:8443/api", "--mes-user", "mis-feed", "--mes-password-file",
                           sandbox.file("mes-password")},
                          sandbox.root());
  EXPECT_EQ(path.status.code, 2) << path.Describe();
  EXPECT_NE(path.err.find("http://HOST:PORT or https://HOST:PORT"), std::string::npos)
      << path.Describe();
  RunResult ca = RunMis({"serve", "--data", sandbox.data(), "--listen", "127.0.0.1:0", "--mes",
                         "http://127.0.0.1:8080", "--mes-user", "mis-feed", "--mes-password-file",
                         sandbox.file("mes-password"), "--mes-ca", sandbox.file("mes-password")},
                        sandbox.root());
  EXPECT_EQ(ca.status.code, 2) << ca.Describe();
  EXPECT_NE(ca.err.find("--mes-ca goes with an https:// --mes"), std::string::npos)
      << ca.Describe();
  // All three, well-formed: serve starts (and keeps them for the feed consumer).
  MisServer with_mes(sandbox.data(), sandbox.root(),
                     {"--mes", "http://127.0.0.1:8080", "--mes-user", "mis-feed",
                      "--mes-password-file", sandbox.file("mes-password")});
  ASSERT_TRUE(with_mes.Start(&error)) << error;
  auto stopped = with_mes.Stop(SIGTERM);
  ASSERT_TRUE(stopped.has_value());
  EXPECT_EQ(stopped->code, 0);
}

}  // namespace
}  // namespace ordo::testing
