// Integration tests of credentials (issue 8, sections 3, 5 and 6) against the real
// `ordo serve` and CLI: own password change, admin reset and creation with one-time
// passwords, the password rules, periodic expiry, unknown login names kept out of the
// database, throttling per address, the silent admin lock with its offline unlock, and
// the offline CLI's admin authentication.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

#include "api_fixture.h"
#include "core/testing/verifies.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::testing {
namespace {

class CredentialsTest : public ApiTest {
 protected:
  // Restarts the server with `args`.
  void Restart(std::vector<std::string> args = {}) {
    ASSERT_TRUE(server_->Stop().has_value());
    server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root(), std::move(args));
    std::string error;
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
  }

  // Every ledger entry, read as the supervisor.
  std::vector<Json> Ledger() {
    std::string error;
    auto entries = AllLedger(http(), TokenFor("supervisor"), &error);
    EXPECT_EQ(error, "");
    return entries;
  }

  std::int64_t UserId(const std::string& name) {
    const Json users = http().Get("/api/v1/users", TokenFor("admin")).json();
    for (const auto& u : users["users"])
      if (u["name"] == name) return u["id"].get<std::int64_t>();
    ADD_FAILURE() << "no user " << name;
    return 0;
  }

  // The bytes of the store (database and WAL; the shared-memory index changes on reads).
  std::string StoreBytes() {
    std::string all;
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(sandbox_.data() + "/ordo.db" + suffix, std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }

  // Waits out the sign-in throttle for `user` and signs in; "" on failure.
  std::string LoginWaiting(const std::string& user, const std::string& password, HttpReply* last) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      std::string token = Login(http(), user, password, last);
      if (!token.empty() || last->status != 429) return token;
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    return "";
  }
};

TEST_F(CredentialsTest, OwnChangeNeedsTheOldPasswordEndsOtherSessionsAndIsRecorded) {
  ORDO_VERIFIES("P11-17", "P11-20", "ORDO-ACCESS-08");
  const Credentials& op = sandbox_.user("operator");
  const std::string other = TokenFor("operator");
  const std::string current = TokenFor("operator");
  const std::string chosen = "a new phrase for the night shift";
  // The old password is required.
  ExpectProblem(ChangePassword(http(), op.name, "not-the-password-1", chosen, current), 401,
                "unauthenticated");
  HttpReply changed = ChangePassword(http(), op.name, op.password, chosen, current);
  ASSERT_EQ(changed.status, 200) << changed.Describe();
  EXPECT_EQ(changed.json()["user"]["name"], op.name);
  // The other session ended; the one that made the change stays.
  ExpectProblem(http().Get("/api/v1/session", other), 401, "unauthenticated");
  EXPECT_EQ(http().Get("/api/v1/session", current).status, 200);
  HttpReply old_login;
  EXPECT_EQ(LoginWaiting(op.name, op.password, &old_login), "");
  ExpectProblem(old_login, 401, "unauthenticated");
  HttpReply new_login;
  EXPECT_NE(LoginWaiting(op.name, chosen, &new_login), "") << new_login.Describe();
  bool recorded = false;
  for (const auto& e : Ledger()) {
    EXPECT_EQ(e.dump().find(chosen), std::string::npos) << "no password in the ledger";
    EXPECT_EQ(e.dump().find(op.password), std::string::npos) << "no password in the ledger";
    if (e["type"] == "user.password_changed") {
      recorded = true;
      EXPECT_EQ(e["actor"], op.name) << e.dump();
      EXPECT_EQ(e["payload"]["name"], op.name) << e.dump();
      EXPECT_FALSE(e["payload"].contains("password_hash")) << e.dump();
    }
  }
  EXPECT_TRUE(recorded);
}

TEST_F(CredentialsTest, NewPasswordsFollowTheRulesAndErrorsNameTheRule) {
  ORDO_VERIFIES("P11-19", "ORDO-ACCESS-06", "ORDO-ACCESS-07");
  const Credentials& op = sandbox_.user("operator");
  HttpReply short_one = ChangePassword(http(), op.name, op.password, "only 14 chars!");
  ExpectProblem(short_one, 400, "invalid_argument", "new_password");
  EXPECT_EQ(short_one.json().value("reason", ""), "password_too_short");
  EXPECT_NE(short_one.json().value("detail", "").find("15"), std::string::npos);
  HttpReply listed = ChangePassword(http(), op.name, op.password, "Acknowledgments");
  ExpectProblem(listed, 400, "invalid_argument", "new_password");
  EXPECT_EQ(listed.json().value("reason", ""), "password_blocklisted");
  HttpReply same = ChangePassword(http(), op.name, op.password, op.password);
  EXPECT_EQ(same.json().value("reason", ""), "password_unchanged") << same.Describe();
  // Unicode counts in characters: 15 umlauts (30 bytes) are enough, spaces allowed.
  std::string umlauts;
  for (int i = 0; i < 15; ++i) umlauts += "\xc3\xa4";
  HttpReply unicode = ChangePassword(http(), op.name, op.password, umlauts);
  EXPECT_EQ(unicode.status, 200) << unicode.Describe();
  // The minimum is a site setting, changed through a change request.
  HttpReply settings;
  ASSERT_NE(ChangeSiteSettings(http(), sandbox_, Json{{"password_min_length", 20}}, &settings), "")
      << settings.Describe();
  EXPECT_EQ(http()
                .Get("/api/v1/site/settings", TokenFor("engineer"))
                .json()["settings"]["password_min_length"],
            20);
  HttpReply now_short = ChangePassword(http(), op.name, umlauts, "sixteen chars ok");
  EXPECT_EQ(now_short.json().value("reason", ""), "password_too_short") << now_short.Describe();
  EXPECT_NE(now_short.json().value("detail", "").find("20"), std::string::npos);
  // Out of bounds is refused when drafted.
  HttpReply bad_setting;
  EXPECT_EQ(ChangeSiteSettings(http(), sandbox_, Json{{"password_min_length", 4}}, &bad_setting),
            "");
  ExpectProblem(bad_setting, 400, "invalid_argument", "content.password_min_length");
}

TEST_F(CredentialsTest, AdminResetAndCreationLeaveOnlyOneTimePasswords) {
  ORDO_VERIFIES("P11-17", "P11-20", "ORDO-ACCESS-08");
  const std::string admin = TokenFor("admin");
  const Credentials& op = sandbox_.user("operator");
  const std::string op_session = TokenFor("operator");
  const std::int64_t op_id = UserId(op.name);
  const std::string one_time = "one-time password for the reset";
  // Only user.manage may reset; a reason is required; an admin may not reset themself.
  ExpectProblem(http().Post("/api/v1/users/" + std::to_string(op_id) + "/password",
                            Json{{"password", one_time}, {"reason", "forgot"}}, op_session),
                403, "permission_denied");
  ExpectProblem(http().Post("/api/v1/users/" + std::to_string(UserId("admin")) + "/password",
                            Json{{"password", one_time}, {"reason", "mine"}}, admin),
                422, "failed_precondition");
  HttpReply reset = http().Post("/api/v1/users/" + std::to_string(op_id) + "/password",
                                Json{{"password", one_time}, {"reason", "forgot it"}}, admin);
  ASSERT_EQ(reset.status, 200) << reset.Describe();
  // The user's sessions ended; the one-time password only allows choosing a new one.
  ExpectProblem(http().Get("/api/v1/session", op_session), 401, "unauthenticated");
  HttpReply refused;
  EXPECT_EQ(Login(http(), op.name, one_time, &refused), "");
  ExpectProblem(refused, 403, "permission_denied", "password");
  EXPECT_EQ(refused.json().value("reason", ""), "password_change_required");
  EXPECT_FALSE(refused.json().contains("token"));
  EXPECT_NE(refused.json().value("detail", "").find("/api/v1/session/password"), std::string::npos);
  HttpReply first;
  EXPECT_NE(FirstSignIn(http(), op.name, one_time, "operator's own new phrase", &first), "")
      << first.Describe();

  // A user created by an admin starts with a one-time password too.
  HttpReply created = http().Post("/api/v1/users",
                                  Json{{"name", "op.two"},
                                       {"display_name", "Op Two"},
                                       {"roles", {"operator"}},
                                       {"password", "one-time for op two"}},
                                  admin);
  ASSERT_EQ(created.status, 201) << created.Describe();
  HttpReply login;
  EXPECT_EQ(Login(http(), "op.two", "one-time for op two", &login), "");
  EXPECT_EQ(login.json().value("reason", ""), "password_change_required") << login.Describe();
  HttpReply short_create = http().Post("/api/v1/users",
                                       Json{{"name", "op.three"},
                                            {"display_name", "Op"},
                                            {"roles", {"operator"}},
                                            {"password", "short"}},
                                       admin);
  ExpectProblem(short_create, 400, "invalid_argument", "password");
  EXPECT_EQ(short_create.json().value("reason", ""), "password_too_short");
  bool recorded = false;
  for (const auto& e : Ledger()) {
    EXPECT_EQ(e.dump().find(one_time), std::string::npos) << "no password in the ledger";
    if (e["type"] == "user.password_reset") {
      recorded = true;
      EXPECT_EQ(e["actor"], "admin");
      EXPECT_EQ(e["reason"], "forgot it");
    }
  }
  EXPECT_TRUE(recorded);
}

TEST_F(CredentialsTest, ExpiredPasswordForcesAChangeOnlyWhenExpiryIsOn) {
  ORDO_VERIFIES("P11-19", "ORDO-ACCESS-09");
  const Credentials& op = sandbox_.user("operator");
  HttpReply on;
  ASSERT_NE(ChangeSiteSettings(http(), sandbox_, Json{{"password_expiry_days", 90}}, &on), "")
      << on.Describe();
  EXPECT_NE(TokenFor("operator"), "") << "a fresh password has not expired";
  // 91 days pass for the operator's password: the store's record of when it was set
  // moves back (the same as the clock moving forward for this decision).
  ASSERT_TRUE(server_->Stop().has_value());
  const std::int64_t id = 2;  // demo users: admin 1, operator 2
  {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    Status aged = (*db)->Exec(
        "UPDATE password_state SET set_at_us = set_at_us - 91*86400000000 WHERE user_id = " +
        std::to_string(id));
    ASSERT_TRUE(aged.ok()) << aged.error().message;
  }
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
  HttpReply expired;
  EXPECT_EQ(Login(http(), op.name, op.password, &expired), "");
  ExpectProblem(expired, 403, "permission_denied");
  EXPECT_EQ(expired.json().value("reason", ""), "password_change_required");
  EXPECT_NE(expired.json().value("detail", "").find("expired"), std::string::npos);
  // Off again: the same password signs in.
  HttpReply off;
  ASSERT_NE(ChangeSiteSettings(http(), sandbox_, Json{{"password_expiry_days", 0}}, &off), "")
      << off.Describe();
  EXPECT_NE(TokenFor("operator"), "");
}

TEST_F(CredentialsTest, AnUnknownNameTypedAtSignInIsNeverStored) {
  ORDO_VERIFIES("DI-01", "ORDO-ACCESS-10");
  const std::string typed = "Tr0ub4dor-secret-typed-in-user-field";
  HttpReply failed = http().Post("/api/v1/session", Json{{"user", typed}, {"password", "x"}});
  ExpectProblem(failed, 401, "unauthenticated");
  const Credentials& op = sandbox_.user("operator");
  HttpReply wrong =
      http().Post("/api/v1/session", Json{{"user", op.name}, {"password", "wrong password 1"}});
  EXPECT_EQ(wrong.status, 401);
  bool known_recorded = false, unknown_recorded = false;
  for (const auto& e : Ledger()) {
    if (e["type"] != "session.login_failed") continue;
    const std::string user = e["payload"].value("user", "");
    if (user == op.name) known_recorded = true;
    if (user.rfind("unknown:", 0) == 0) unknown_recorded = true;
  }
  EXPECT_TRUE(known_recorded) << "a known name is recorded as it is";
  EXPECT_TRUE(unknown_recorded) << "an unknown one as a keyed hash";
  ASSERT_TRUE(server_->Stop().has_value());
  const std::string bytes = StoreBytes();
  ASSERT_GT(bytes.size(), 10000u);
  EXPECT_EQ(bytes.find(typed), std::string::npos) << "the typed text is in ordo.db";
  EXPECT_NE(bytes.find(op.name), std::string::npos);
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
}

TEST_F(CredentialsTest, OwnSignInsDoNotResetTheAddressCounter) {
  ORDO_VERIFIES("P11-21", "ORDO-ACCESS-11");
  const Credentials& op = sandbox_.user("operator");
  // Guess other names, each once, signing in to one's own account in between: the
  // address is throttled after its free failures all the same.
  int throttled = 0;
  for (int i = 0; i < 8 && throttled == 0; ++i) {
    HttpReply guess = http().Post(
        "/api/v1/session", Json{{"user", "victim" + std::to_string(i)}, {"password", "guess"}});
    if (guess.status == 429) ++throttled;
    HttpReply own;
    Login(http(), op.name, op.password, &own);
    if (own.status == 429) ++throttled;
  }
  EXPECT_GT(throttled, 0) << "successes reset the per-address counter";
}

TEST_F(CredentialsTest, AdminLockLooksLikeThrottlingAndTheCliUnlocksIt) {
  ORDO_VERIFIES("P11-21", "DI-01", "ORDO-ACCESS-12", "ORDO-ACCESS-13");
  Restart({"--admin-lockout-after", "3"});
  const Credentials& admin = sandbox_.user("admin");
  const Credentials& op = sandbox_.user("operator");
  // Three failures for the admin and for the operator, from the same client: the same
  // answers (401 or the same 429 schedule) for both.
  std::vector<int> admin_statuses, op_statuses;
  std::vector<std::string> admin_waits, op_waits;
  for (int i = 0; i < 3; ++i) {
    HttpReply a, o;
    LoginWaiting(admin.name, "wrong admin guess " + std::to_string(i), &a);
    LoginWaiting(op.name, "wrong operator guess " + std::to_string(i), &o);
    admin_statuses.push_back(a.status);
    op_statuses.push_back(o.status);
  }
  EXPECT_EQ(admin_statuses, op_statuses);
  HttpReply admin_throttled = http().Post(
      "/api/v1/session", Json{{"user", admin.name}, {"password", "one more admin guess"}});
  HttpReply op_throttled = http().Post(
      "/api/v1/session", Json{{"user", op.name}, {"password", "one more operator guess"}});
  EXPECT_EQ(admin_throttled.status, op_throttled.status);
  if (admin_throttled.status == 429) {
    EXPECT_LE(std::stoi(admin_throttled.Header("retry-after")), 300)
        << "no 30-minute Retry-After that names the admin";
  }
  // The admin is locked now: even the right password gets the ordinary 401.
  HttpReply locked;
  EXPECT_EQ(LoginWaiting(admin.name, admin.password, &locked), "");
  ExpectProblem(locked, 401, "unauthenticated");
  EXPECT_NE(LoginWaiting(op.name, op.password, &locked), "") << "the operator is not locked";

  // The second path: the offline unlock, as an authenticated admin.
  ASSERT_TRUE(server_->Stop().has_value());
  WriteFile(sandbox_.file("admin.pw"), admin.password + "\n");
  WriteFile(sandbox_.file("wrong.pw"), "not the admin password\n");
  WriteFile(sandbox_.file("op.pw"), op.password + "\n");
  const std::string db_before = StoreBytes();
  RunResult wrong =
      sandbox_.Ordo({"user", "unlock", admin.name, "--data", sandbox_.data(), "--user", admin.name,
                     "--password-file", sandbox_.file("wrong.pw")});
  EXPECT_EQ(wrong.status.code, 1) << wrong.Describe();
  RunResult not_admin =
      sandbox_.Ordo({"user", "unlock", admin.name, "--data", sandbox_.data(), "--user", op.name,
                     "--password-file", sandbox_.file("op.pw")});
  EXPECT_EQ(not_admin.status.code, 1) << not_admin.Describe();
  EXPECT_NE(not_admin.err.find("not an admin"), std::string::npos) << not_admin.Describe();
  EXPECT_TRUE(StoreBytes() == db_before) << "a refused CLI command wrote to the store";
  RunResult unlocked = sandbox_.Ordo({"user", "unlock", admin.name, "--data", sandbox_.data(),
                                      "--reason", "locked by a guesser", "--user", admin.name,
                                      "--password-file", sandbox_.file("admin.pw")});
  ASSERT_EQ(unlocked.status.code, 0) << unlocked.Describe();
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
  HttpReply back;
  EXPECT_NE(LoginWaiting(admin.name, admin.password, &back), "") << back.Describe();
  bool was_locked = false, was_unlocked = false;
  for (const auto& e : Ledger()) {
    if (e["type"] == "user.locked") was_locked = true;
    if (e["type"] == "user.unlocked") {
      was_unlocked = true;
      EXPECT_EQ(e["actor"], admin.name) << "the authenticated admin, never $USER";
      EXPECT_EQ(e["reason"], "locked by a guesser");
    }
  }
  EXPECT_TRUE(was_locked);
  EXPECT_TRUE(was_unlocked);
}

TEST_F(CredentialsTest, OfflineUserCommandsActAsAnAuthenticatedAdmin) {
  ORDO_VERIFIES("DI-01", "P11-17", "ORDO-ACCESS-13");
  ASSERT_TRUE(server_->Stop().has_value());
  const Credentials& admin = sandbox_.user("admin");
  WriteFile(sandbox_.file("admin.pw"), admin.password + "\n");
  WriteFile(sandbox_.file("wrong.pw"), "not the admin password\n");
  const std::vector<std::string> add{"user",   "add",      "--data",         sandbox_.data(),
                                     "--name", "cli.user", "--display-name", "Cli User",
                                     "--role", "operator"};
  const std::string before = StoreBytes();
  auto with = [&](std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
  };
  RunResult no_admin = sandbox_.Ordo(add);
  EXPECT_NE(no_admin.status.code, 0) << "--user and --password-file are required";
  RunResult wrong =
      sandbox_.Ordo(with(add, {"--user", "admin", "--password-file", sandbox_.file("wrong.pw")}));
  EXPECT_EQ(wrong.status.code, 1) << wrong.Describe();
  EXPECT_TRUE(StoreBytes() == before) << "a refused CLI command wrote to the store";
  RunResult added =
      sandbox_.Ordo(with(add, {"--user", "admin", "--password-file", sandbox_.file("admin.pw")}),
                    std::chrono::seconds(120));
  ASSERT_EQ(added.status.code, 0) << added.Describe();
  static const std::regex line(R"(one-time password for cli\.user: (\S+))");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(added.out, m, line)) << added.out;
  const std::string one_time = m[1];
  RunResult disabled =
      sandbox_.Ordo({"user", "disable", "--data", sandbox_.data(), "--id", "3", "--reason", "test",
                     "--user", "admin", "--password-file", sandbox_.file("wrong.pw")});
  EXPECT_EQ(disabled.status.code, 1) << disabled.Describe();
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
  HttpReply login;
  EXPECT_EQ(Login(http(), "cli.user", one_time, &login), "");
  EXPECT_EQ(login.json().value("reason", ""), "password_change_required") << login.Describe();
  bool created = false;
  for (const auto& e : Ledger())
    if (e["type"] == "user.created" && e["payload"]["name"] == "cli.user") {
      created = true;
      EXPECT_EQ(e["actor"], "admin") << e.dump();
    }
  EXPECT_TRUE(created);
}

TEST(InitTest, RefusesAWeakFirstAdminPassword) {
  ORDO_VERIFIES("ORDO-ACCESS-06", "ORDO-ACCESS-07");
  Sandbox sandbox;
  WriteFile(sandbox.file("short.pw"), "short-pw-12\n");
  RunResult short_one = sandbox.Ordo(
      {"init", "--data", sandbox.data(), "--admin-password-file", sandbox.file("short.pw")});
  EXPECT_EQ(short_one.status.code, 2) << short_one.Describe();
  EXPECT_NE(short_one.err.find("15"), std::string::npos) << short_one.Describe();
  WriteFile(sandbox.file("ok.pw"), "a long enough first admin phrase\n");
  RunResult ok = sandbox.Ordo(
      {"init", "--data", sandbox.data(), "--admin-password-file", sandbox.file("ok.pw")});
  EXPECT_EQ(ok.status.code, 0) << ok.Describe();
}

}  // namespace
}  // namespace ordo::testing
