// Integrity of what the MES acts on (issue 8, section 2): a guarded record edited directly
// in ordo.db while the server runs is refused by the next decision that relies on it with
// integrity_violation naming it, the security event is recorded, listed and pushed to the
// admins' stream, and the audit (CLI and background) reports it. Restoring the row makes
// it usable again and the store audits clean.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/testing/verifies.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"
#include "support/ordo.h"

namespace ordo::testing {
namespace {

// `text` as an SQL string literal.
std::string QuoteLiteral(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

class IntegrityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
    server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root(),
                                           std::vector<std::string>{"--audit-interval", "1s"});
    ASSERT_TRUE(server_->Start(&error)) << error;
    admin_ = TokenFor("admin");
  }

  void TearDown() override {
    if (!server_ || !server_->port()) return;
    auto status = server_->Stop();
    EXPECT_TRUE(status.has_value()) << server_->Logs();
    if (status) EXPECT_EQ(status->code, 0) << status->ToString() << "\n" << server_->Logs();
    if (HasFailure()) std::fprintf(stderr, "%s\n", server_->Logs().c_str());
    // Every test restores what it edited: the store then verifies, replays and audits clean.
    for (const char* check : {"verify", "audit"}) {
      RunResult r = sandbox_.Ordo({"ledger", check, "--data", sandbox_.data()});
      EXPECT_EQ(r.status.code, 0) << r.Describe();
    }
    RunResult replay = sandbox_.Ordo({"ledger", "replay", "--check", "--data", sandbox_.data()});
    EXPECT_EQ(replay.status.code, 0) << replay.Describe();
  }

  HttpClient http() const { return server_->Client(); }

  std::string TokenFor(const std::string& role) {
    HttpReply reply;
    const Credentials& c = sandbox_.user(role);
    std::string token = Login(http(), c.name, c.password, &reply);
    EXPECT_FALSE(token.empty()) << "login as " << role << ": " << reply.Describe();
    return token;
  }

  // Runs SQL on ordo.db directly, as someone with write access to the file would.
  void Sql(const std::string& sql) {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    Status s = (*db)->Exec(sql);
    ASSERT_TRUE(s.ok()) << sql << ": " << s.error().message;
  }

  std::string Text(const std::string& sql) {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadOnly);
    if (!db.ok()) return "";
    auto row = storage::FirstRow<std::string>(
        **db, sql, storage::NoBind, [](const storage::Statement& s) { return s.Text(0); });
    return row.ok() && *row ? **row : "";
  }

  // The refusal: 500 integrity_violation whose detail names the table and key.
  static void ExpectViolation(const HttpReply& r, const std::string& record) {
    EXPECT_EQ(r.status, 500) << r.Describe();
    Json j = r.json();
    EXPECT_EQ(j.value("code", ""), "integrity_violation") << r.Describe();
    EXPECT_NE(j.value("detail", "").find(record), std::string::npos) << r.Describe();
  }

  // Waits until GET /api/v1/security/events lists the violation of `table`/`key` found by
  // `found_by`.
  bool Listed(const std::string& table, const std::string& key, const std::string& found_by) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < give_up) {
      HttpReply r = http().Get("/api/v1/security/events?limit=1000", admin_);
      EXPECT_EQ(r.status, 200) << r.Describe();
      const Json body = r.json();
      for (const auto& e : body["events"])
        if (e["type"] == "security.integrity_violation" && e["payload"]["table"] == table &&
            e["payload"]["key"] == key && e["payload"]["found_by"] == found_by)
          return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return false;
  }

  // Starts listening on the admins' security event stream for a frame naming `key`.
  void Listen(const std::string& key) {
    const std::string needle = "\"key\":\"" + key + "\"";
    listener_ = std::thread([this, needle] {
      stream_ = server_->Client().Stream(
          "/api/v1/security/events/stream", admin_,
          [needle](const std::string& body) { return body.find(needle) != std::string::npos; }, 30);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the stream start
  }

  // Joins the listener; true when the stream delivered the violation of `key`.
  bool Pushed(const std::string& key) {
    listener_.join();
    EXPECT_EQ(stream_.status, 200) << stream_.Describe();
    EXPECT_EQ(stream_.Header("content-type"), "text/event-stream");
    return stream_.body.find("event: security\n") != std::string::npos &&
           stream_.body.find("security.integrity_violation") != std::string::npos &&
           stream_.body.find("\"key\":\"" + key + "\"") != std::string::npos;
  }

  // `ordo ledger audit` exits 1 naming the record.
  void ExpectAuditReports(const std::string& table, const std::string& key) {
    RunResult r = sandbox_.Ordo({"ledger", "audit", "--data", sandbox_.data()});
    EXPECT_EQ(r.status.code, 1) << r.Describe();
    EXPECT_NE(r.err.find("INTEGRITY " + table + " " + key + ":"), std::string::npos)
        << r.Describe();
  }

  Sandbox sandbox_;
  std::unique_ptr<OrdoServer> server_;
  std::string admin_;
  std::thread listener_;
  HttpReply stream_;
};

TEST_F(IntegrityTest, EditedUserRolesRefuseTheSignInAndAreReported) {
  ORDO_VERIFIES("P11-01", "P11-04", "DI-04", "A11-11", "ORDO-INTEGRITY-01", "ORDO-INTEGRITY-02",
                "ORDO-INTEGRITY-03", "ORDO-INTEGRITY-04");
  const Credentials& op = sandbox_.user("operator");
  const std::string id = Text("SELECT id FROM app_user WHERE name = '" + op.name + "'");
  ASSERT_FALSE(id.empty());
  const std::string roles = Text("SELECT quote(roles) FROM app_user WHERE id = " + id);
  const std::string key = "id=" + id;
  Listen(key);
  // The operator makes itself an admin.
  Sql("UPDATE app_user SET roles = '[\"admin\"]' WHERE id = " + id);
  const std::int64_t head = HeadSeq(http());
  HttpReply login =
      http().Post("/api/v1/session", Json{{"user", op.name}, {"password", op.password}});
  ExpectViolation(login, "app_user " + key);
  EXPECT_TRUE(Pushed(key)) << stream_.body;
  EXPECT_TRUE(Listed("app_user", key, "decision"));
  EXPECT_TRUE(Listed("app_user", key, "audit")) << "the background audit did not report it";
  EXPECT_GT(HeadSeq(http()), head);  // the security events, and nothing else
  HttpReply feed = http().Get("/api/v1/ledger?after=" + std::to_string(head), admin_);
  const Json entries = feed.json()["entries"];
  EXPECT_FALSE(entries.empty()) << feed.Describe();
  for (const auto& e : entries) EXPECT_EQ(e["type"], "security.integrity_violation") << feed.body;
  ExpectAuditReports("app_user", key);
  const std::string log = ReadFile(server_->stdout_path());
  EXPECT_NE(log.find("security_event type=security.integrity_violation table=app_user key=\"" +
                     key + "\""),
            std::string::npos)
      << server_->Logs();

  // Restored as the ledger has it, the row is used again.
  Sql("UPDATE app_user SET roles = " + roles + " WHERE id = " + id);
  EXPECT_FALSE(Login(http(), op.name, op.password).empty());
}

TEST_F(IntegrityTest, EditedRoutingLimitRefusesTheDraftAndIsReported) {
  ORDO_VERIFIES("P11-01", "A11-08", "DI-04", "A11-11", "ORDO-INTEGRITY-01", "ORDO-INTEGRITY-02",
                "ORDO-INTEGRITY-03", "ORDO-INTEGRITY-04");
  const std::string where = " WHERE kind = 'routing' AND id = 'RT-DOSEPEN-3ML'";
  const std::string version = Text("SELECT MAX(version) FROM md_version" + where);
  ASSERT_FALSE(version.empty());
  const std::string content =
      Text("SELECT content FROM md_version" + where + " AND version = " + version);
  ASSERT_NE(content.find("\"high\":13.5"), std::string::npos) << content;
  const std::string key = "kind=routing,id=RT-DOSEPEN-3ML,version=" + version;
  const std::string engineer = TokenFor("engineer");
  HttpReply object = http().Get("/api/v1/masterdata/routing/RT-DOSEPEN-3ML", engineer);
  ASSERT_EQ(object.status, 200) << object.Describe();
  HttpReply cr = http().Post(
      "/api/v1/change-requests",
      Json{{"title", "Spring preload"}, {"description", "widen the limit"}, {"reason", "trial"}},
      engineer);
  ASSERT_EQ(cr.status, 201) << cr.Describe();
  const std::string cr_id = cr.json()["change_request"]["id"];
  Listen(key);
  // The spring preload force's upper limit of the routing in force, widened in place.
  Sql("UPDATE md_version SET content = replace(content, '\"high\":13.5', '\"high\":20')" + where +
      " AND version = " + version);
  const Json draft = Json::parse(content);
  HttpReply saved = http().Request(
      "PUT", "/api/v1/change-requests/" + cr_id + "/items/routing/RT-DOSEPEN-3ML",
      Json{{"content", draft}}.dump(), engineer, {{"Content-Type", "application/json"}});
  ExpectViolation(saved, "md_version " + key);
  ExpectViolation(http().Get("/api/v1/masterdata/routing/RT-DOSEPEN-3ML", engineer),
                  "md_version " + key);
  EXPECT_TRUE(Pushed(key)) << stream_.body;
  EXPECT_TRUE(Listed("md_version", key, "decision"));
  EXPECT_TRUE(Listed("md_version", key, "audit"));
  ExpectAuditReports("md_version", key);

  Sql("UPDATE md_version SET content = " + QuoteLiteral(content) + where +
      " AND version = " + version);
  EXPECT_EQ(http().Get("/api/v1/masterdata/routing/RT-DOSEPEN-3ML", engineer).status, 200);
}

TEST_F(IntegrityTest, EditedQualificationGrantIsRefusedAndReported) {
  ORDO_VERIFIES("P11-01", "P11-09", "DI-04", "A11-11", "ORDO-INTEGRITY-01", "ORDO-INTEGRITY-02",
                "ORDO-INTEGRITY-03", "ORDO-INTEGRITY-04");
  const std::string seq = Text("SELECT MIN(seq) FROM qualification_grant");
  ASSERT_FALSE(seq.empty());
  const std::string user = Text("SELECT user_id FROM qualification_grant WHERE seq = " + seq);
  const std::string expires =
      Text("SELECT quote(expires) FROM qualification_grant WHERE seq = " + seq);
  const std::string revoked =
      Text("SELECT quote(revoked_seq) FROM qualification_grant WHERE seq = " + seq);
  const std::string key = "seq=" + seq;
  const std::string supervisor = TokenFor("supervisor");
  const std::string list = "/api/v1/personnel/qualifications?user_id=" + user;
  ASSERT_EQ(http().Get(list, supervisor).status, 200);
  Listen(key);
  // An expired or revoked grant made valid for ever.
  Sql("UPDATE qualification_grant SET expires = '2999-12-31', revoked_seq = NULL WHERE seq = " +
      seq);
  ExpectViolation(http().Get(list, supervisor), "qualification_grant " + key);
  EXPECT_TRUE(Pushed(key)) << stream_.body;
  EXPECT_TRUE(Listed("qualification_grant", key, "decision"));
  EXPECT_TRUE(Listed("qualification_grant", key, "audit"));
  ExpectAuditReports("qualification_grant", key);
  // A grant inserted outside ordo has no seal at all.
  Sql("INSERT INTO qualification_grant(seq, user_id, qualification, expires, granted_by, "
      "time_us) VALUES(999999, " +
      user + ", 'GMP-BASIC', NULL, 'quality', 1)");
  ExpectAuditReports("qualification_grant", "seq=999999");

  Sql("DELETE FROM qualification_grant WHERE seq = 999999");
  Sql("UPDATE qualification_grant SET expires = " + expires + ", revoked_seq = " + revoked +
      " WHERE seq = " + seq);
  EXPECT_EQ(http().Get(list, supervisor).status, 200);
}

TEST_F(IntegrityTest, AnEditedOrderRefusesTheDispatchListComputedOnItsOwnConnection) {
  ORDO_VERIFIES("P11-01", "ORDO-INTEGRITY-01", "ORDO-DISPATCH-16");
  // The list is computed off the io thread on a connection of its own; the seal check
  // holds there too.
  const std::string supervisor = TokenFor("supervisor");
  const std::string list = "/api/v1/work-units/WU-DISP-BOOTH1/dispatch";
  HttpReply before = http().Get(list, supervisor);
  ASSERT_EQ(before.status, 200) << before.Describe();
  ASSERT_FALSE(before.json()["entries"].empty()) << "the demo has a released order";
  const std::string order = before.json()["entries"][0]["order_id"];
  const std::string key = "order_id=" + order;
  const std::string priority =
      Text("SELECT priority FROM ord_order WHERE order_id = " + QuoteLiteral(order));
  const std::string due =
      Text("SELECT due_us FROM ord_order WHERE order_id = " + QuoteLiteral(order));
  ASSERT_FALSE(priority.empty());
  ASSERT_FALSE(due.empty());
  // Moved to the top of every list by an edit of the file.
  Sql("UPDATE ord_order SET priority = 1, due_us = 1 WHERE order_id = " + QuoteLiteral(order));
  // A list computed at this head is reused for up to a second: wait it out.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ExpectViolation(http().Get(list, supervisor), "ord_order " + key);
  EXPECT_TRUE(Listed("ord_order", key, "decision"));

  Sql("UPDATE ord_order SET priority = " + priority + ", due_us = " + due +
      " WHERE order_id = " + QuoteLiteral(order));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(http().Get(list, supervisor).status, 200);
}

TEST_F(IntegrityTest, AnEditedRowInTheAdminCountRefusesTheLastAdminRevocation) {
  ORDO_VERIFIES("P11-01", "DI-04", "ORDO-INTEGRITY-01", "ORDO-INTEGRITY-06", "ORDO-ACCESS-22");
  // A second admin (who also holds quality, so it can give admin up) takes over, and the
  // demo admin is disabled: the second admin is the only active admin.
  const std::string one_time = StrongPassword("one-time-boss"), password = StrongPassword("boss");
  HttpReply created = http().Post("/api/v1/users",
                                  Json{{"name", "boss"},
                                       {"display_name", "Boss"},
                                       {"roles", {"quality", "admin"}},
                                       {"password", one_time}},
                                  admin_);
  ASSERT_EQ(created.status, 201) << created.Describe();
  const std::string boss_id = std::to_string(created.json()["user"]["id"].get<std::int64_t>());
  const std::string boss = FirstSignIn(http(), "boss", one_time, password);
  ASSERT_FALSE(boss.empty());
  const std::string admin_id =
      Text("SELECT id FROM app_user WHERE name = '" + sandbox_.user("admin").name + "'");
  HttpReply disabled = http().Post("/api/v1/users/" + admin_id + "/disable",
                                   Json{{"reason", "left the site"}}, boss);
  ASSERT_EQ(disabled.status, 200) << disabled.Describe();
  // Someone with the database file makes the operator an admin: the count would be 2.
  const Credentials& op = sandbox_.user("operator");
  const std::string op_id = Text("SELECT id FROM app_user WHERE name = '" + op.name + "'");
  const std::string roles = Text("SELECT quote(roles) FROM app_user WHERE id = " + op_id);
  Sql("UPDATE app_user SET roles = '[\"operator\",\"admin\"]' WHERE id = " + op_id);
  const std::int64_t head = HeadSeq(http());
  const std::string revoke = "/api/v1/users/" + boss_id + "/roles/admin/revoke";
  HttpReply refused = http().Post(revoke, Json{{"reason", "hand over"}}, boss);
  ExpectViolation(refused, "app_user id=" + op_id);
  HttpReply feed = http().Get("/api/v1/ledger?after=" + std::to_string(head), boss);
  const Json feed_body = feed.json();  // the range must not be a temporary's part
  for (const auto& e : feed_body["entries"])
    EXPECT_EQ(e["type"], "security.integrity_violation") << "no role change: " << feed.body;
  // Restored as the ledger has it, the count is right again: the last admin keeps the role.
  Sql("UPDATE app_user SET roles = " + roles + " WHERE id = " + op_id);
  HttpReply last = http().Post(revoke, Json{{"reason", "hand over"}}, boss);
  EXPECT_EQ(last.status, 422) << last.Describe();
  EXPECT_EQ(last.json().value("reason", ""), "last_admin") << last.Describe();
}

TEST_F(IntegrityTest, TheOfflineAdminCheckRefusesAnEditedUserRow) {
  ORDO_VERIFIES("P11-01", "DI-04", "ORDO-INTEGRITY-01", "ORDO-INTEGRITY-06", "ORDO-ACCESS-13");
  const Credentials& op = sandbox_.user("operator");
  const std::string id = Text("SELECT id FROM app_user WHERE name = '" + op.name + "'");
  const std::string roles = Text("SELECT quote(roles) FROM app_user WHERE id = " + id);
  ASSERT_TRUE(server_->Stop().has_value());
  WriteFile(sandbox_.file("op.pw"), op.password + "\n");
  // The operator makes itself an admin in ordo.db, then acts as one with the offline CLI.
  Sql("UPDATE app_user SET roles = '[\"operator\",\"admin\"]' WHERE id = " + id);
  const std::string head = Text("SELECT MAX(seq) FROM ledger");
  RunResult added = sandbox_.Ordo({"user", "add", "--data", sandbox_.data(), "--name", "mole",
                                   "--display-name", "Mole", "--role", "admin", "--user", op.name,
                                   "--password-file", sandbox_.file("op.pw")});
  EXPECT_EQ(added.status.code, 1) << added.Describe();
  EXPECT_NE(added.err.find("integrity_violation"), std::string::npos) << added.Describe();
  EXPECT_NE(added.err.find("app_user id=" + id), std::string::npos) << added.Describe();
  EXPECT_EQ(Text("SELECT MAX(seq) FROM ledger"), head) << "nothing written";
  EXPECT_EQ(Text("SELECT COUNT(*) FROM app_user WHERE name = 'mole'"), "0");
  // The same edit in a backup: the restore, authenticated against the backup under the
  // site's seal key, refuses the operator before anything is restored.
  const std::string backup = sandbox_.file("edited.db");
  RunResult b = sandbox_.Ordo({"backup", "--data", sandbox_.data(), "--to", backup});
  ASSERT_EQ(b.status.code, 0) << b.Describe();
  const std::string target = sandbox_.file("restored");
  RunResult restored =
      sandbox_.Ordo({"restore", "--from", backup, "--keys", sandbox_.data() + "/keys", "--data",
                     target, "--user", op.name, "--password-file", sandbox_.file("op.pw")});
  EXPECT_EQ(restored.status.code, 1) << restored.Describe();
  EXPECT_NE(restored.err.find("integrity_violation"), std::string::npos) << restored.Describe();
  EXPECT_NE(restored.err.find("app_user id=" + id), std::string::npos) << restored.Describe();
  EXPECT_FALSE(std::filesystem::exists(target + "/ordo.db"));
  // Restored as the ledger has it, the operator is refused as what it is: not an admin.
  Sql("UPDATE app_user SET roles = " + roles + " WHERE id = " + id);
  RunResult not_admin = sandbox_.Ordo({"user", "add", "--data", sandbox_.data(), "--name", "mole",
                                       "--display-name", "Mole", "--role", "admin", "--user",
                                       op.name, "--password-file", sandbox_.file("op.pw")});
  EXPECT_EQ(not_admin.status.code, 1) << not_admin.Describe();
  EXPECT_NE(not_admin.err.find("not an admin"), std::string::npos) << not_admin.Describe();
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
}

TEST_F(IntegrityTest, TheOfflineCliObeysTheSealedPasswordRulesInForce) {
  ORDO_VERIFIES("P11-19", "A11-08", "ORDO-INTEGRITY-06", "ORDO-SITE-02");
  HttpReply approved;
  ASSERT_NE(ChangeSiteSettings(http(), sandbox_, Json{{"password_min_length", 20}}, &approved), "")
      << approved.Describe();
  const Credentials& admin = sandbox_.user("admin");
  ASSERT_TRUE(server_->Stop().has_value());
  WriteFile(sandbox_.file("admin.pw"), admin.password + "\n");
  WriteFile(sandbox_.file("one-time.pw"), "sixteen chars ok\n");
  auto add = [&] {
    return sandbox_.Ordo({"user", "add", "--data", sandbox_.data(), "--name", "newbie",
                          "--display-name", "Newbie", "--role", "operator", "--user", admin.name,
                          "--password-file", sandbox_.file("admin.pw"), "--one-time-password-file",
                          sandbox_.file("one-time.pw")});
  };
  // The offline CLI reads the rules in force (20), not the defaults (15).
  RunResult short_one = add();
  EXPECT_EQ(short_one.status.code, 2) << short_one.Describe();
  EXPECT_NE(short_one.err.find("password_too_short"), std::string::npos) << short_one.Describe();
  EXPECT_NE(short_one.err.find("20"), std::string::npos) << short_one.Describe();
  // The version in force edited in ordo.db back to 8: refused, nothing written.
  const std::string content =
      Text("SELECT quote(content) FROM md_version WHERE kind = 'site_settings'");
  Sql("UPDATE md_version SET content = json_set(content, '$.password_min_length', 8) "
      "WHERE kind = 'site_settings'");
  const std::string head = Text("SELECT MAX(seq) FROM ledger");
  RunResult edited = add();
  EXPECT_EQ(edited.status.code, 1) << edited.Describe();
  EXPECT_NE(edited.err.find("integrity_violation"), std::string::npos) << edited.Describe();
  EXPECT_EQ(Text("SELECT MAX(seq) FROM ledger"), head) << "nothing written";
  EXPECT_EQ(Text("SELECT COUNT(*) FROM app_user WHERE name = 'newbie'"), "0");
  Sql("UPDATE md_version SET content = " + content + " WHERE kind = 'site_settings'");
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
}

TEST(IntegrityAuditTest, AFreshStoreAuditsCleanAndTheAuditNeedsTheSealFile) {
  ORDO_VERIFIES("P11-01", "ORDO-INTEGRITY-04");
  Sandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  RunResult clean = sandbox.Ordo({"ledger", "audit", "--data", sandbox.data()});
  EXPECT_EQ(clean.status.code, 0) << clean.Describe();
  EXPECT_NE(clean.out.find("OK: "), std::string::npos) << clean.Describe();
  EXPECT_NE(clean.out.find("guarded rows match their seals"), std::string::npos);
  std::filesystem::remove(sandbox.data() + "/keys/row-seals.json");
  RunResult missing = sandbox.Ordo({"ledger", "audit", "--data", sandbox.data()});
  EXPECT_EQ(missing.status.code, 2) << missing.Describe();
  EXPECT_NE(missing.err.find("row-seals.json"), std::string::npos) << missing.Describe();
}

TEST(ReplayCheckTest, AMigratedStoreLackingAColumnIsADifference) {
  ORDO_VERIFIES("P11-01", "DI-04", "ORDO-LEDGER-05");
  Sandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  RunResult clean = sandbox.Ordo({"ledger", "replay", "--check", "--data", sandbox.data()});
  ASSERT_EQ(clean.status.code, 0) << clean.Describe();
  {
    auto db = storage::OpenSqlite(sandbox.data() + "/ordo.db", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    // A column dropped behind the engine's back on a store with no migration pending.
    Status dropped = (*db)->Exec(
        "DROP INDEX IF EXISTS logbook_by_subject_nocase;"
        "ALTER TABLE logbook_entry DROP COLUMN subject_type");
    ASSERT_TRUE(dropped.ok()) << dropped.error().message;
  }
  RunResult check = sandbox.Ordo({"ledger", "replay", "--check", "--data", sandbox.data()});
  EXPECT_NE(check.status.code, 0) << check.Describe();
  EXPECT_NE((check.out + check.err).find("lacks column subject_type"), std::string::npos)
      << check.Describe();
}

}  // namespace
}  // namespace ordo::testing
