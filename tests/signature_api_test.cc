// Electronic signatures through the API: re-authentication, throttling, the policy
// acknowledgement, manifestations, printed-name snapshots and tamper detection.
#include <gtest/gtest.h>

#include <regex>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

TEST_F(MasterdataTest, WrongPasswordIsRefusedRecordedAndThrottled) {
  ORDO_VERIFIES("P11-16", "P11-21", "ORDO-SIG-02", "ORDO-AUDIT-01");
  const std::string cr = CrWithChangedLimit();
  const Credentials& q = sandbox_.user("quality");
  ASSERT_EQ(Command(engineer_, cr, "submit", SigOf("engineer")).status, 200);
  // One failure is free; then the delay doubles (1 s, 2 s, 4 s, ...), so wrong attempts
  // in a row meet the throttle however slowly this machine answers (no timing assumed).
  int refused = 0;
  HttpReply throttled;
  for (int i = 0; i < 8 && throttled.status != 429; ++i) {
    HttpReply r = Command(quality_, cr, "approve", Sig(q.name, "wrong-" + q.password));
    if (r.status == 429) {
      throttled = r;
    } else {
      ExpectReason(r, 403, "permission_denied", "signature_failed");
      ++refused;
    }
  }
  EXPECT_GE(refused, 2);
  ExpectProblem(throttled, 429, "resource_exhausted");
  EXPECT_GE(throttled.json().value("retry_after_seconds", 0), 1) << throttled.Describe();
  EXPECT_EQ(GetCr(cr)["state"], "in_review");

  HttpReply events = http().Get("/api/v1/security/events", admin_);
  ASSERT_EQ(events.status, 200) << events.Describe();
  int failed = 0;
  const Json events_json = events.json();
  for (const auto& e : events_json["events"])
    if (e["type"] == "signature.failed" && e["payload"].value("user", "") == q.name) ++failed;
  EXPECT_EQ(failed, refused) << events.Describe();
  ExpectProblem(http().Get("/api/v1/security/events", TokenFor("operator")), 403,
                "permission_denied");

  WaitOutThrottle(throttled);
  HttpReply ok = Command(quality_, cr, "approve", SigOf("quality"));
  EXPECT_EQ(ok.status, 200) << ok.Describe();
}

TEST_F(MasterdataTest, ALockedAdminCannotSignEvenFromASessionOpenedBeforeTheLock) {
  ORDO_VERIFIES("P11-16", "P11-21", "ORDO-ACCESS-12", "ORDO-ACCESS-25");
  // The admin lock after 3 failed sign-ins.
  ASSERT_TRUE(server_->Stop().has_value());
  server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root(),
                                         std::vector<std::string>{"--admin-lockout-after", "3"});
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
  engineer_ = TokenFor("engineer");
  admin_ = TokenFor("admin");
  // An admin who also approves as quality, signed in (and the policy acknowledged) now.
  ApiUser qa = CreateUser("qa.admin", Json::array({"quality", "admin"}));
  ASSERT_FALSE(qa.token.empty());
  const std::string cr = CrWithChangedLimit();
  ASSERT_EQ(Command(engineer_, cr, "submit", SigOf("engineer")).status, 200);
  // A guesser locks the account with wrong passwords (waiting out the throttle).
  for (int failures = 0, tries = 0; failures < 3 && tries < 40; ++tries) {
    HttpReply r = http().Post(
        "/api/v1/session", Json{{"user", qa.name}, {"password", "guess " + std::to_string(tries)}});
    if (r.status == 429) {
      WaitOutThrottle(r);
      continue;
    }
    ASSERT_EQ(r.status, 401) << r.Describe();
    ++failures;
  }
  HttpReply locked = http().Get("/api/v1/ledger?type=user.locked", admin_);
  ASSERT_EQ(locked.status, 200) << locked.Describe();
  ASSERT_EQ(locked.json()["entries"].size(), 1u) << locked.Describe();
  EXPECT_EQ(locked.json()["entries"][0]["payload"]["name"], qa.name) << locked.Describe();
  // The session opened before the lock still reads...
  EXPECT_EQ(http().Get("/api/v1/session", qa.token).status, 200);
  // ...but its user cannot re-authenticate: the right password is refused with the
  // ordinary signature_failed, and nothing is signed (only the failure is recorded).
  const std::int64_t head = HeadSeq(http());
  ExpectReason(Command(qa.token, cr, "approve", Sig(qa.name, qa.password)), 403,
               "permission_denied", "signature_failed");
  EXPECT_EQ(GetCr(cr)["state"], "in_review");
  EXPECT_EQ(HeadSeq(http()), head + 1) << "exactly the signature.failed entry";
  HttpReply ack;
  for (int i = 0; i < 5; ++i) {
    ack = http().Post("/api/v1/signature-policy/acknowledge",
                      Json{{"version", 1}, {"password", qa.password}}, qa.token);
    if (ack.status != 429) break;
    WaitOutThrottle(ack);
  }
  ExpectReason(ack, 403, "permission_denied", "signature_failed", "password");
  HttpReply feed = http().Get("/api/v1/ledger?after=" + std::to_string(head), admin_);
  ASSERT_EQ(feed.status, 200) << feed.Describe();
  ASSERT_EQ(feed.json()["entries"].size(), 2u) << feed.Describe();
  const Json feed_body = feed.json();  // the range must not be a temporary's part
  for (const auto& e : feed_body["entries"])
    EXPECT_EQ(e["type"], "signature.failed") << feed.Describe();
}

TEST_F(MasterdataTest, NobodySignsForSomeoneElse) {
  ORDO_VERIFIES("P11-16", "P11-17", "ORDO-AUDIT-01");
  const std::string cr = CrWithChangedLimit();
  const Credentials& e = sandbox_.user("engineer");
  const Credentials& q = sandbox_.user("quality");
  const std::int64_t head = HeadSeq(http());
  // The engineer's session with the quality user's name and password.
  ExpectReason(Command(engineer_, cr, "submit", Sig(q.name, q.password)), 403, "permission_denied",
               "signature_failed");
  EXPECT_EQ(GetCr(cr)["state"], "open");
  EXPECT_EQ(HeadSeq(http()), head + 1) << "exactly the signature.failed entry";
  HttpReply events = http().Get("/api/v1/security/events?limit=1", admin_);
  ASSERT_EQ(events.json()["events"].size(), 1u) << events.Describe();
  EXPECT_EQ(events.json()["events"][0]["type"], "signature.failed");
  // Missing user id: 400 and no ledger entry.
  Json no_user{{"signature", {{"password", e.password}}}};
  ExpectProblem(Command(engineer_, cr, "submit", no_user), 400, "invalid_argument",
                "signature.user");
  EXPECT_EQ(HeadSeq(http()), head + 1);
}

TEST_F(MasterdataTest, AnUnknownSignerNameIsRecordedOnlyAsAKeyedHash) {
  ORDO_VERIFIES("DI-01", "ORDO-ACCESS-10");
  const std::string cr = CrWithChangedLimit();
  const Credentials& e = sandbox_.user("engineer");
  const std::string typed = "my-secret-typed-in-the-signer-field";
  ExpectReason(Command(engineer_, cr, "submit", Sig(typed, e.password)), 403, "permission_denied",
               "signature_failed");
  HttpReply feed = http().Get("/api/v1/ledger?type=signature.failed", TokenFor("supervisor"));
  ASSERT_EQ(feed.status, 200) << feed.Describe();
  ASSERT_FALSE(feed.json()["entries"].empty()) << feed.Describe();
  const Json payload = feed.json()["entries"].back()["payload"];
  EXPECT_EQ(payload.value("attempted_user", "").rfind("unknown:", 0), 0u) << payload.dump();
  EXPECT_EQ(payload.dump().find(typed), std::string::npos);
  ASSERT_TRUE(server_->Stop().has_value());
  std::string bytes;
  for (const char* suffix : {"", "-wal"}) bytes += ReadFile(sandbox_.data() + "/ordo.db" + suffix);
  ASSERT_GT(bytes.size(), 10000u);
  EXPECT_EQ(bytes.find(typed), std::string::npos) << "the typed text is in ordo.db";
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
}

TEST_F(MasterdataTest, PasswordOnlySigningAfterTheFirstSigningOfASession) {
  ORDO_VERIFIES("P11-16");
  const Credentials& e = sandbox_.user("engineer");
  Json password_only{{"signature", {{"password", e.password}}}};
  const std::string a = CrWithChangedLimit();
  Json renamed = Effective("routing", "RT-DOSEPEN-3ML");
  renamed["name"] = "Dose pen, renamed";
  const std::string b = OpenCr(engineer_);
  ASSERT_EQ(PutDraft(engineer_, b, "routing", "RT-DOSEPEN-3ML", renamed).status, 200);

  HttpReply set;
  ASSERT_NE(ChangeSiteSettings(http(), sandbox_, Json{{"signing_password_only", true}}, &set), "")
      << set.Describe();
  EXPECT_EQ(
      http().Get("/api/v1/site/settings", engineer_).json()["settings"]["signing_password_only"],
      true);
  // Not before the session has signed once.
  ExpectProblem(Command(engineer_, a, "submit", password_only), 400, "invalid_argument",
                "signature.user");
  ASSERT_EQ(Command(engineer_, a, "submit", SigOf("engineer")).status, 200);
  HttpReply second = Command(engineer_, b, "submit", password_only);
  EXPECT_EQ(second.status, 200) << second.Describe();
  // A new session needs both again.
  const std::string fresh = TokenFor("engineer");
  const std::string c = OpenCr(fresh);
  Json pen = Effective("material", "RM-MGST");
  pen["name"] = "Magnesium stearate, renamed";
  ASSERT_EQ(PutDraft(fresh, c, "material", "RM-MGST", pen).status, 200);
  ExpectProblem(Command(fresh, c, "submit", password_only), 400, "invalid_argument",
                "signature.user");
}

TEST_F(MasterdataTest, SigningNeedsThePolicyAcknowledgement) {
  ORDO_VERIFIES("P11-10", "ORDO-SIG-03");
  ApiUser qa = CreateUser("qa_new", Json::array({"quality"}), /*acknowledge=*/false);
  const std::string cr = CrWithChangedLimit();
  ASSERT_EQ(Command(engineer_, cr, "submit", SigOf("engineer")).status, 200);
  HttpReply policy = http().Get("/api/v1/signature-policy", qa.token);
  ASSERT_EQ(policy.status, 200) << policy.Describe();
  EXPECT_EQ(policy.json()["policy"]["version"], 1);
  EXPECT_EQ(policy.json()["policy"]["acknowledged"], false);
  const std::int64_t head = HeadSeq(http());
  ExpectReason(Command(qa.token, cr, "approve", Sig(qa.name, qa.password)), 422,
               "failed_precondition", "policy_not_acknowledged");
  EXPECT_EQ(HeadSeq(http()), head);

  ExpectReason(http().Post("/api/v1/signature-policy/acknowledge",
                           Json{{"version", 1}, {"password", "not-my-password"}}, qa.token),
               403, "permission_denied", "signature_failed", "password");
  EXPECT_EQ(http().Get("/api/v1/signature-policy", qa.token).json()["policy"]["acknowledged"],
            false);
  HttpReply ack = http().Post("/api/v1/signature-policy/acknowledge",
                              Json{{"version", 1}, {"password", qa.password}}, qa.token);
  ASSERT_TRUE(ack.ok()) << ack.Describe();
  EXPECT_EQ(http().Get("/api/v1/signature-policy", qa.token).json()["policy"]["acknowledged"],
            true);
  HttpReply ledger =
      http().Get("/api/v1/ledger?type=signature.policy_acknowledged&limit=1000", quality_);
  ASSERT_EQ(ledger.status, 200) << ledger.Describe();
  int mine = 0;
  const Json ledger_json = ledger.json();
  for (const auto& e : ledger_json["entries"]) {
    EXPECT_EQ(e["type"], "signature.policy_acknowledged");
    if (e["payload"].value("user_id", 0) == qa.id) {
      ++mine;
      EXPECT_EQ(e["payload"]["version"], 1);
    }
  }
  EXPECT_EQ(mine, 1) << ledger.Describe();
  HttpReply approve = Command(qa.token, cr, "approve", Sig(qa.name, qa.password));
  EXPECT_EQ(approve.status, 200) << approve.Describe();
}

void ExpectManifestation(const Json& s, const std::string& printed_name,
                         const std::string& status = "valid") {
  static const std::regex iso(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$)");
  EXPECT_EQ(s.value("printed_name", ""), printed_name) << s.dump();
  EXPECT_TRUE(std::regex_match(s.value("time", ""), iso)) << s.dump();
  EXPECT_TRUE(s.contains("meaning") && s["meaning"].is_string()) << s.dump();
  EXPECT_EQ(s.value("status", ""), status) << s.dump();
  EXPECT_EQ(s.value("record_kind", ""), "change_request") << s.dump();
  EXPECT_EQ(s.value("content_hash", "").size(), 64u) << s.dump();
}

TEST_F(MasterdataTest, ManifestationsKeepThePrintedNameOfTheirTime) {
  ORDO_VERIFIES("P11-13", "A11-12", "ORDO-SIG-01");
  const std::int64_t quality_id = UserId(sandbox_.user("quality").name);
  HttpReply users = http().Get("/api/v1/users", admin_);
  std::string old_name;
  const Json users_json = users.json();
  for (const auto& u : users_json["users"])
    if (u["id"] == quality_id) old_name = u["display_name"];
  ASSERT_FALSE(old_name.empty());

  const std::string first = CrWithChangedLimit(175);
  SubmitAndApprove(first);
  HttpReply rename =
      http().Request("PATCH", "/api/v1/users/" + std::to_string(quality_id),
                     Json{{"display_name", "Dr. Q. Renamed"}, {"reason", "marriage"}}.dump(),
                     admin_, {{"Content-Type", "application/json"}});
  ASSERT_EQ(rename.status, 200) << rename.Describe();
  const std::string second = CrWithChangedLimit(176);
  SubmitAndApprove(second);

  Json a = GetCr(first)["signatures"];
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0]["meaning"], "authored");
  EXPECT_EQ(a[1]["meaning"], "approved");
  ExpectManifestation(a[1], old_name);
  Json b = GetCr(second)["signatures"];
  ASSERT_EQ(b.size(), 2u);
  ExpectManifestation(b[1], "Dr. Q. Renamed");
  EXPECT_EQ(a[0]["printed_name"], b[0]["printed_name"]) << "the engineer was not renamed";

  Json object = GetObject("routing", kRouting);
  for (const auto& v : object["versions"]) {
    for (const auto& s : v["signatures"]) {
      SCOPED_TRACE(v["change_request"].get<std::string>());
      EXPECT_EQ(s["record_id"], v["change_request"]);
      ExpectManifestation(s, s.value("printed_name", "?"));
    }
  }
  EXPECT_EQ(object["versions"][1]["signatures"][1]["printed_name"], old_name);
  EXPECT_EQ(object["versions"][0]["signatures"][1]["printed_name"], "Dr. Q. Renamed");
}

// Tamper tests: the projections are changed behind the server's back, so `ordo ledger
// replay --check` must report the difference (and the ledger itself still verifies).
class TamperTest : public MasterdataTest {
 protected:
  void TearDown() override {
    if (server_ && server_->port()) server_->Stop();
    RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", sandbox_.data()});
    EXPECT_EQ(verify.status.code, 0) << verify.Describe();
    RunResult replay = sandbox_.Ordo({"ledger", "replay", "--check", "--data", sandbox_.data()});
    EXPECT_NE(replay.status.code, 0) << "replay --check missed the tampering\n"
                                     << replay.Describe();
  }

  // Stops the server, runs `sql` on the data directory's database, restarts.
  void TamperAndRestart(const std::string& sql) {
    ASSERT_TRUE(server_->Stop().has_value());
    RunResult r = ordo::testing::Run({"/usr/bin/sqlite3", sandbox_.data() + "/ordo.db", sql},
                                     sandbox_.root());
    ASSERT_EQ(r.status.code, 0) << r.Describe();
    std::string error;
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
    engineer_ = TokenFor("engineer");
  }
};

TEST_F(TamperTest, SignatureMovedToAnotherRecordIsBroken) {
  ORDO_VERIFIES("P11-01", "P11-14", "A11-12");
  // Two change requests that went through the same steps (same revision).
  const std::string a = CrWithChangedLimit(175);
  SubmitAndApprove(a);
  Json renamed = Effective("routing", "RT-DOSEPEN-3ML");
  renamed["name"] = "Dose pen, renamed";
  const std::string b = OpenCr(engineer_);
  ASSERT_EQ(PutDraft(engineer_, b, "routing", "RT-DOSEPEN-3ML", renamed).status, 200);
  ASSERT_EQ(Command(engineer_, b, "submit", SigOf("engineer")).status, 200);
  ASSERT_EQ(GetCr(a)["revision"], GetCr(b)["revision"]);
  const Json before = GetCr(b)["signatures"];
  for (const auto& s : before) EXPECT_EQ(s["status"], "valid");

  TamperAndRestart("UPDATE signature SET record_id='" + b + "' WHERE record_id='" + a +
                   "' AND meaning='approved';");
  Json moved = GetCr(b)["signatures"];
  ASSERT_EQ(moved.size(), 2u) << moved.dump();
  for (const auto& s : moved) {
    if (s["meaning"] == "approved")
      EXPECT_EQ(s["status"], "broken") << "the moved signature: " << moved.dump();
    else
      EXPECT_EQ(s["status"], "valid") << "b's own signature is untouched: " << moved.dump();
  }
}

TEST_F(TamperTest, SignatureMovedToALaterRevisionIsBrokenNotEarlierRevision) {
  ORDO_VERIFIES("P11-14");
  const std::string a = CrWithChangedLimit(175);
  SubmitAndApprove(a);
  // b was rejected once, so its revision is higher than the moved signature's.
  Json renamed = Effective("routing", "RT-DOSEPEN-3ML");
  renamed["name"] = "Dose pen, renamed";
  const std::string b = OpenCr(engineer_);
  ASSERT_EQ(PutDraft(engineer_, b, "routing", "RT-DOSEPEN-3ML", renamed).status, 200);
  ASSERT_EQ(Command(engineer_, b, "submit", SigOf("engineer")).status, 200);
  ASSERT_EQ(Command(quality_, b, "reject", SigOf("quality", "again")).status, 200);
  ASSERT_LT(GetCr(a)["revision"], GetCr(b)["revision"]);

  TamperAndRestart("UPDATE signature SET record_id='" + b + "' WHERE record_id='" + a +
                   "' AND meaning='approved';");
  bool found = false;
  const Json sigs = GetCr(b)["signatures"];
  for (const auto& s : sigs) {
    if (s["meaning"] != "approved") continue;
    found = true;
    EXPECT_EQ(s["status"], "broken") << "a moved signature is broken: " << s.dump();
  }
  EXPECT_TRUE(found);
}

TEST_F(TamperTest, ContentChangedAfterSigningIsRefused) {
  ORDO_VERIFIES("P11-01", "P11-14", "DI-04", "ORDO-INTEGRITY-01");
  const std::string cr = CrWithChangedLimit(175);
  SubmitAndApprove(cr);
  const std::int64_t version = GetCr(cr)["items"][0]["version"].get<std::int64_t>();
  TamperAndRestart(
      "UPDATE md_version SET content=json_set(content, '$.operations[1].parameters[0].high', 999) "
      "WHERE kind='routing' AND id='" +
      kRouting + "' AND version=" + std::to_string(version) + ";");
  // The signed version no longer matches its seal (docs/decisions/0006): the edited limit
  // never takes effect; every read of the object, and of the change request that shows
  // its versions, refuses it, naming the row.
  const std::string record =
      "md_version kind=routing,id=" + kRouting + ",version=" + std::to_string(version);
  for (const std::string target :
       {"/api/v1/masterdata/routing/" + kRouting, "/api/v1/change-requests/" + cr}) {
    HttpReply r = http().Get(target, engineer_);
    EXPECT_EQ(r.status, 500) << r.Describe();
    const Json problem = r.json();
    EXPECT_EQ(problem.value("code", ""), "integrity_violation") << r.Describe();
    EXPECT_NE(problem.value("detail", "").find(record), std::string::npos) << r.Describe();
  }
}

}  // namespace
}  // namespace ordo::testing
