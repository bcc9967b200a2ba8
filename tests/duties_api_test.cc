// Separation of duties and access administration against the running server: roles
// granted and revoked by an admin with a reason (recorded, listed as security events),
// the refusals of role administration, the server's own actor names reserved, and in
// personnel no grant or training record for oneself, plausible dates and qualification
// revocation. Every refusal leaves the ledger head where it was.
#include <chrono>
#include <ctime>
#include <set>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

// The UTC date `days` from now, YYYY-MM-DD.
std::string UtcDate(int days = 0) {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) +
                  static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[16];
  std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
  return out;
}

class DutiesTest : public MasterdataTest {
 protected:
  // Creates a user as the demo admin and signs them in (choosing their own password).
  ApiUser NewUser(const std::string& name, const Json& roles) {
    ApiUser u{0, name, "correct horse battery " + name, ""};
    HttpReply r = http().Post("/api/v1/users",
                              Json{{"name", name},
                                   {"display_name", "Display " + name},
                                   {"roles", roles},
                                   {"password", u.password}},
                              admin_);
    EXPECT_EQ(r.status, 201) << r.Describe();
    u.id = r.json()["user"].value("id", std::int64_t{0});
    // An admin-set password is one-time: the user chooses their own at the first sign-in.
    const std::string one_time = u.password;
    u.password = StrongPassword("own " + name);
    u.token = FirstSignIn(http(), name, one_time, u.password);
    EXPECT_FALSE(u.token.empty()) << name;
    return u;
  }

  HttpReply Grant(std::int64_t id, const std::string& role, const std::string& reason,
                  const std::string& token) {
    return http().Post("/api/v1/users/" + std::to_string(id) + "/roles",
                       Json{{"role", role}, {"reason", reason}}, token);
  }
  HttpReply Revoke(std::int64_t id, const std::string& role, const std::string& reason,
                   const std::string& token) {
    return http().Post("/api/v1/users/" + std::to_string(id) + "/roles/" + role + "/revoke",
                       Json{{"reason", reason}}, token);
  }

  // The newest ledger entry of `type` (null when none).
  Json Newest(const std::string& type) {
    HttpReply r = http().Get("/api/v1/ledger?before=0&limit=1&type=" + type, admin_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    Json entries = r.json()["entries"];
    return entries.empty() ? Json(nullptr) : entries[0];
  }

  // The types listed by GET /api/v1/security/events.
  std::multiset<std::string> SecurityEventTypes() {
    HttpReply r = http().Get("/api/v1/security/events?limit=1000", admin_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    std::multiset<std::string> types;
    const Json events = r.json()["events"];
    for (const auto& e : events) types.insert(e["type"].get<std::string>());
    return types;
  }
};

TEST_F(DutiesTest, AnAdminGrantsAndRevokesARoleWithAReasonAndItIsRecorded) {
  ORDO_VERIFIES("A11-10", "P11-07", "DI-01", "ORDO-ACCESS-20", "ORDO-ACCESS-24");
  const auto events_before = SecurityEventTypes();
  ApiUser user = NewUser("r.tester", Json::array({"operator"}));
  HttpReply before = http().Get("/api/v1/session", user.token);
  ASSERT_EQ(before.status, 200) << before.Describe();
  EXPECT_EQ(before.json()["user"]["roles"], Json::array({"operator"}));

  HttpReply granted = Grant(user.id, "quality", "moved to QA, form QA-17", admin_);
  ASSERT_EQ(granted.status, 200) << granted.Describe();
  EXPECT_EQ(granted.json()["user"]["roles"], Json::array({"operator", "quality"}));
  Json entry = Newest("user.role_granted");
  ASSERT_TRUE(entry.is_object());
  EXPECT_EQ(entry["seq"], granted.json()["seq"]);
  EXPECT_EQ(entry["actor"], sandbox_.user("admin").name);
  EXPECT_EQ(entry["role"], "admin");
  EXPECT_EQ(entry["reason"], "moved to QA, form QA-17");
  EXPECT_EQ(entry["subject"]["kind"], "user");
  EXPECT_EQ(entry["subject"]["id"], std::to_string(user.id));
  EXPECT_EQ(entry["payload"]["role"], "quality");
  EXPECT_EQ(entry["payload"]["old"]["roles"], Json::array({"operator"}));
  EXPECT_EQ(entry["payload"]["new"]["roles"], Json::array({"operator", "quality"}));

  // The change ends the user's sessions; signed in again, the new role is in force.
  EXPECT_EQ(http().Get("/api/v1/session", user.token).status, 401);
  user.token = Login(http(), user.name, user.password);
  HttpReply after = http().Get("/api/v1/session", user.token);
  ASSERT_EQ(after.status, 200) << after.Describe();
  const Json permissions = after.json()["user"]["permissions"];
  EXPECT_NE(std::find(permissions.begin(), permissions.end(), "masterdata.approve"),
            permissions.end())
      << after.Describe();
  HttpReply listed = http().Get("/api/v1/users", admin_);
  bool found = false;
  const Json listed_users = listed.json()["users"];
  for (const auto& u : listed_users)
    if (u["id"] == user.id) {
      found = true;
      EXPECT_EQ(u["roles"], Json::array({"operator", "quality"}));
    }
  EXPECT_TRUE(found) << listed.Describe();

  HttpReply revoked = Revoke(user.id, "quality", "back to the line", admin_);
  ASSERT_EQ(revoked.status, 200) << revoked.Describe();
  EXPECT_EQ(revoked.json()["user"]["roles"], Json::array({"operator"}));
  Json revocation = Newest("user.role_revoked");
  ASSERT_TRUE(revocation.is_object());
  EXPECT_EQ(revocation["reason"], "back to the line");
  EXPECT_EQ(revocation["payload"]["new"]["roles"], Json::array({"operator"}));
  EXPECT_EQ(http().Get("/api/v1/session", user.token).status, 401);
  user.token = Login(http(), user.name, user.password);
  EXPECT_EQ(
      http().Post("/api/v1/change-requests/CR-000001/approve", SigOf("quality"), user.token).status,
      403);

  // The security events list the creation, the grant and the revocation.
  auto events_after = SecurityEventTypes();
  for (const char* type : {"user.created", "user.role_granted", "user.role_revoked"})
    EXPECT_EQ(events_after.count(type), events_before.count(type) + 1) << type;
}

TEST_F(DutiesTest, RoleAdministrationRefusesWithStableReasons) {
  ORDO_VERIFIES("A11-10", "P11-07", "ORDO-ACCESS-20", "ORDO-ACCESS-21");
  ApiUser user = NewUser("r.refused", Json::array({"operator"}));
  const std::int64_t admin_id = UserId(sandbox_.user("admin").name);
  const std::int64_t head = HeadSeq(http());
  ExpectReason(Grant(user.id, "superuser", "r", admin_), 400, "invalid_argument", "unknown_role",
               "role");
  ExpectReason(Grant(user.id, "quality", "", admin_), 400, "invalid_argument", "reason_required",
               "reason");
  ExpectProblem(http().Post("/api/v1/users/" + std::to_string(user.id) + "/roles",
                            Json{{"role", "quality"}}, admin_),
                400, "invalid_argument", "reason");
  ExpectReason(Grant(user.id, "operator", "r", admin_), 422, "failed_precondition", "already_held",
               "role");
  ExpectReason(Grant(999999, "quality", "r", admin_), 404, "not_found", "user_missing", "id");
  ExpectReason(Grant(admin_id, "engineer", "I want to draft too", admin_), 403, "permission_denied",
               "self_grant_forbidden", "id");
  ExpectReason(Revoke(user.id, "quality", "r", admin_), 422, "failed_precondition", "not_held",
               "role");
  ExpectReason(Revoke(user.id, "operator", "r", admin_), 422, "failed_precondition", "last_role",
               "role");
  ExpectReason(Revoke(user.id, "root", "r", admin_), 400, "invalid_argument", "unknown_role",
               "role");
  ExpectReason(Revoke(user.id, "operator", "", admin_), 400, "invalid_argument", "reason_required",
               "reason");
  // Only user.manage (admin) may do it.
  ExpectProblem(Grant(user.id, "quality", "r", quality_), 403, "permission_denied");
  ExpectProblem(Revoke(user.id, "operator", "r", user.token), 403, "permission_denied");
  ExpectProblem(http().Post("/api/v1/users/" + std::to_string(user.id) + "/roles",
                            Json{{"role", "quality"}, {"reason", "r"}}, ""),
                401, "unauthenticated");
  EXPECT_EQ(HeadSeq(http()), head);

  // A disabled user gets no roles.
  ASSERT_EQ(http()
                .Post("/api/v1/users/" + std::to_string(user.id) + "/disable",
                      Json{{"reason", "left"}}, admin_)
                .status,
            200);
  const std::int64_t head2 = HeadSeq(http());
  ExpectReason(Grant(user.id, "quality", "r", admin_), 422, "failed_precondition", "user_disabled",
               "id");
  EXPECT_EQ(HeadSeq(http()), head2);
}

TEST_F(DutiesTest, TheLastActiveAdminCannotLoseAdmin) {
  ORDO_VERIFIES("A11-10", "ORDO-ACCESS-22");
  ApiUser second = NewUser("a.second", Json::array({"admin", "operator"}));
  const std::int64_t admin_id = UserId(sandbox_.user("admin").name);
  // Two active admins: one may give up admin, and take it back only from the other.
  HttpReply own = Revoke(second.id, "admin", "no longer on the admin rota", second.token);
  ASSERT_EQ(own.status, 200) << own.Describe();
  ASSERT_EQ(Grant(second.id, "admin", "back on the rota", admin_).status, 200);
  second.token = Login(http(), second.name, second.password);
  // The second admin disables the demo admin and is then the only active admin.
  ASSERT_EQ(http()
                .Post("/api/v1/users/" + std::to_string(admin_id) + "/disable",
                      Json{{"reason", "account review"}}, second.token)
                .status,
            200);
  const std::int64_t head = HeadSeq(http());
  ExpectReason(Revoke(second.id, "admin", "oops", second.token), 422, "failed_precondition",
               "last_admin", "role");
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(DutiesTest, TheServersActorNamesAreReserved) {
  ORDO_VERIFIES("DI-01", "P11-15", "ORDO-ACCESS-23");
  // An anonymous failed sign-in puts the "anonymous" actor into the ledger too.
  HttpReply failed;
  EXPECT_TRUE(Login(http(), "nobody-here", "wrong password", &failed).empty());
  std::set<std::string> users;
  const Json listed_users = http().Get("/api/v1/users", admin_).json()["users"];
  for (const auto& u : listed_users) users.insert(u["name"].get<std::string>());
  std::set<std::string> actors;
  HttpReply ledger = http().Get("/api/v1/ledger?limit=1000", admin_);
  ASSERT_EQ(ledger.status, 200) << ledger.Describe();
  const Json entries = ledger.json()["entries"];
  for (const auto& e : entries) actors.insert(e["actor"].get<std::string>());
  EXPECT_TRUE(actors.count("system")) << "ordo init writes as 'system'";
  EXPECT_TRUE(actors.count("anonymous"));

  const std::int64_t head = HeadSeq(http());
  // Every actor name the server used that is no user's is refused as a new login name.
  for (const auto& actor : actors) {
    if (users.count(actor)) continue;
    for (const std::string& name : {actor, Lower(actor)}) {
      HttpReply r = http().Post("/api/v1/users",
                                Json{{"name", name},
                                     {"display_name", "Impostor"},
                                     {"roles", {"admin"}},
                                     {"password", "correct horse battery staple"}},
                                admin_);
      ExpectProblem(r, 400, "invalid_argument", "name");
    }
    HttpReply r = http().Post("/api/v1/users",
                              Json{{"name", actor},
                                   {"display_name", "Impostor"},
                                   {"roles", {"admin"}},
                                   {"password", "correct horse battery staple"}},
                              admin_);
    if (actor == "system" || actor == "anonymous") {
      EXPECT_EQ(r.json().value("reason", ""), "reserved_name") << r.Describe();
    }
  }
  // Display names too, in any case, at creation and rename.
  ExpectReason(http().Post("/api/v1/users",
                           Json{{"name", "sys.op"},
                                {"display_name", "SYSTEM"},
                                {"roles", {"operator"}},
                                {"password", "correct horse battery staple"}},
                           admin_),
               400, "invalid_argument", "reserved_name", "display_name");
  const std::int64_t op = UserId(sandbox_.user("operator").name);
  ExpectReason(http().Request("PATCH", "/api/v1/users/" + std::to_string(op),
                              Json{{"display_name", "Anonymous"}, {"reason", "hide"}}.dump(),
                              admin_, {{"Content-Type", "application/json"}}),
               400, "invalid_argument", "reserved_name", "display_name");
  EXPECT_EQ(HeadSeq(http()), head);

  // The offline CLI refuses the same names.
  WriteFile(sandbox_.file("admin.pw"), sandbox_.user("admin").password + "\n");
  RunResult cli =
      sandbox_.Ordo({"user", "add", "--data", sandbox_.data(), "--name", "system", "--display-name",
                     "System", "--role", "admin", "--user", sandbox_.user("admin").name,
                     "--password-file", sandbox_.file("admin.pw")});
  EXPECT_NE(cli.status.code, 0) << cli.Describe();
  EXPECT_NE(cli.Describe().find("reserved"), std::string::npos) << cli.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(DutiesTest, NoQualificationOrTrainingForOneself) {
  ORDO_VERIFIES("P11-07", "P11-09", "ORDO-PERS-03");
  const std::string supervisor = TokenFor("supervisor");
  const std::int64_t supervisor_id = UserId(sandbox_.user("supervisor").name);
  const std::int64_t quality_id = UserId(sandbox_.user("quality").name);
  const std::int64_t head = HeadSeq(http());
  ExpectReason(
      http().Post("/api/v1/personnel/qualifications",
                  Json{{"user_id", supervisor_id}, {"qualification", "COATING"}}, supervisor),
      403, "permission_denied", "self_grant_forbidden", "user_id");
  ExpectReason(
      http().Post("/api/v1/personnel/training",
                  Json{{"user_id", quality_id}, {"course", "SOP-QA-001"}, {"completed", UtcDate()}},
                  quality_),
      403, "permission_denied", "self_record_forbidden", "user_id");
  EXPECT_EQ(HeadSeq(http()), head);
  // Another person may.
  HttpReply granted =
      http().Post("/api/v1/personnel/qualifications",
                  Json{{"user_id", supervisor_id}, {"qualification", "COATING"}}, quality_);
  EXPECT_EQ(granted.status, 201) << granted.Describe();
  EXPECT_EQ(granted.json()["grant"]["granted_by"], sandbox_.user("quality").name);
  HttpReply trained =
      http().Post("/api/v1/personnel/training",
                  Json{{"user_id", quality_id}, {"course", "SOP-QA-001"}, {"completed", UtcDate()}},
                  supervisor);
  EXPECT_EQ(trained.status, 201) << trained.Describe();
}

TEST_F(DutiesTest, TrainingAndExpiryDatesArePlausible) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-04");
  const std::int64_t op = UserId(sandbox_.user("operator").name);
  const std::string today = UtcDate();
  const std::string in_three_days = UtcDate(3);
  const std::string eleven_years_ago = UtcDate(-11 * 366);
  const std::int64_t head = HeadSeq(http());
  for (const std::string& completed :
       {std::string("1999-06-01"), eleven_years_ago, in_three_days}) {
    ExpectReason(
        http().Post("/api/v1/personnel/training",
                    Json{{"user_id", op}, {"course", "SOP-1"}, {"completed", completed}}, quality_),
        400, "invalid_argument", "date_out_of_range", "completed");
  }
  ExpectReason(
      http().Post("/api/v1/personnel/qualifications",
                  Json{{"user_id", op}, {"qualification", "COATING"}, {"expires", "2020-01-01"}},
                  quality_),
      400, "invalid_argument", "expires_in_past", "expires");
  EXPECT_EQ(HeadSeq(http()), head);
  HttpReply ok =
      http().Post("/api/v1/personnel/training",
                  Json{{"user_id", op}, {"course", "SOP-1"}, {"completed", today}}, quality_);
  EXPECT_EQ(ok.status, 201) << ok.Describe();
}

TEST_F(DutiesTest, AQualificationGrantIsRevokedWithAReason) {
  ORDO_VERIFIES("A11-10", "P11-09", "ORDO-PERS-05");
  const std::int64_t op = UserId(sandbox_.user("operator").name);
  HttpReply granted = http().Post("/api/v1/personnel/qualifications",
                                  Json{{"user_id", op}, {"qualification", "COATING"}}, quality_);
  ASSERT_EQ(granted.status, 201) << granted.Describe();
  const std::int64_t seq = granted.json()["grant"]["seq"].get<std::int64_t>();
  const std::string path = "/api/v1/personnel/qualifications/" + std::to_string(seq) + "/revoke";
  auto status_of = [&](std::int64_t grant) {
    HttpReply r =
        http().Get("/api/v1/personnel/qualifications?user_id=" + std::to_string(op), quality_);
    const Json grants = r.json()["grants"];
    for (const auto& g : grants)
      if (g["seq"] == grant) return g["status"].get<std::string>();
    return std::string("missing");
  };
  EXPECT_EQ(status_of(seq), "valid");

  const std::string operator_token = TokenFor("operator");
  const std::int64_t head = HeadSeq(http());
  ExpectReason(http().Post(path, Json{{"reason", ""}}, quality_), 400, "invalid_argument",
               "reason_required", "reason");
  ExpectReason(http().Post("/api/v1/personnel/qualifications/999999/revoke", Json{{"reason", "r"}},
                           quality_),
               404, "not_found", "grant_missing", "seq");
  ExpectProblem(http().Post(path, Json{{"reason", "r"}}, operator_token), 403, "permission_denied");
  EXPECT_EQ(HeadSeq(http()), head);

  HttpReply revoked = http().Post(path, Json{{"reason", "failed the coating audit"}}, quality_);
  ASSERT_EQ(revoked.status, 200) << revoked.Describe();
  const Json r = revoked.json()["revocation"];
  EXPECT_EQ(r["grant"], seq);
  EXPECT_EQ(r["user_id"], op);
  EXPECT_EQ(r["qualification"], "COATING");
  EXPECT_EQ(r["reason"], "failed the coating audit");
  EXPECT_EQ(r["revoked_by"], sandbox_.user("quality").name);
  EXPECT_EQ(status_of(seq), "revoked");
  Json entry = Newest("personnel.qualification_revoked");
  ASSERT_TRUE(entry.is_object());
  EXPECT_EQ(entry["reason"], "failed the coating audit");
  EXPECT_EQ(entry["subject"]["id"], std::to_string(op));

  const std::int64_t head2 = HeadSeq(http());
  ExpectReason(http().Post(path, Json{{"reason", "again"}}, quality_), 422, "failed_precondition",
               "already_revoked", "seq");
  EXPECT_EQ(HeadSeq(http()), head2);
}

TEST_F(DutiesTest, PersonnelManagersListPeopleByNameWithoutRoles) {
  ORDO_VERIFIES("ORDO-WEB-06");
  const std::string op = TokenFor("operator");
  const std::int64_t head = HeadSeq(http());
  HttpReply listed = http().Get("/api/v1/personnel/people", quality_);
  ASSERT_EQ(listed.status, 200) << listed.Describe();
  const Json people = listed.json()["people"];
  bool operator_listed = false;
  for (const auto& p : people) {
    EXPECT_FALSE(p.contains("roles")) << "roles are user administration's: " << p.dump();
    if (p["name"] == sandbox_.user("operator").name) {
      operator_listed = true;
      EXPECT_EQ(p["id"], UserId(sandbox_.user("operator").name));
      EXPECT_EQ(p["disabled"], false);
    }
  }
  EXPECT_TRUE(operator_listed) << people.dump();
  // Only who manages personnel: an operator is refused; reading changes nothing.
  ExpectProblem(http().Get("/api/v1/personnel/people", op), 403, "permission_denied");
  EXPECT_EQ(HeadSeq(http()), head);
}

}  // namespace
}  // namespace ordo::testing
