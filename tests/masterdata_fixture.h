// Shared fixture of the master data API tests: the demo site's engineer, quality and
// admin signed in, plus helpers to open change requests, save drafts, sign and read views.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "api_fixture.h"

namespace ordo::testing {

// A user created through the API (signed in; the policy acknowledged unless asked not to).
struct ApiUser {
  std::int64_t id = 0;
  std::string name, password, token;
};

inline const std::string kRouting = "RT-PCM500-FCT";
// The diff path of the limit ChangedLimit() changes.
inline const std::string kLimitPath = "operations[id=20].parameters[name=impeller_speed].high";

class MasterdataTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    engineer_ = TokenFor("engineer");
    quality_ = TokenFor("quality");
    admin_ = TokenFor("admin");
  }

  static Json Sig(const std::string& user, const std::string& password,
                  const std::string& comment = "") {
    Json s{{"user", user}, {"password", password}};
    if (!comment.empty()) s["comment"] = comment;
    return Json{{"signature", s}};
  }
  Json SigOf(const std::string& role, const std::string& comment = "") const {
    return Sig(sandbox_.user(role).name, sandbox_.user(role).password, comment);
  }

  // Opens a change request; returns its id ("" after a failed expectation).
  std::string OpenCr(const std::string& token, const std::string& title = "Adjust limits") {
    HttpReply r = http().Post("/api/v1/change-requests",
                              Json{{"title", title},
                                   {"description", "tighten a process parameter"},
                                   {"reason", "process capability study PCS-17"}},
                              token);
    EXPECT_EQ(r.status, 201) << r.Describe();
    Json j = r.json();
    if (!j.contains("change_request")) return "";
    return j["change_request"].value("id", "");
  }

  HttpReply Put(const std::string& target, const Json& body, const std::string& token) const {
    return http().Request("PUT", target, body.dump(), token,
                          {{"Content-Type", "application/json"}});
  }

  HttpReply PutDraft(const std::string& token, const std::string& cr, const std::string& kind,
                     const std::string& id, const Json& content) const {
    return http().Request("PUT", "/api/v1/change-requests/" + cr + "/items/" + kind + "/" + id,
                          Json{{"content", content}}.dump(), token,
                          {{"Content-Type", "application/json"}});
  }

  HttpReply Command(const std::string& token, const std::string& cr, const std::string& verb,
                    const Json& body) const {
    return http().Post("/api/v1/change-requests/" + cr + "/" + verb, body, token);
  }

  Json GetCr(const std::string& cr) {
    HttpReply r = http().Get("/api/v1/change-requests/" + cr, engineer_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["change_request"];
  }

  Json GetObject(const std::string& kind, const std::string& id) {
    HttpReply r = http().Get("/api/v1/masterdata/" + kind + "/" + id, engineer_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json();
  }

  // Content of the effective version of an object.
  Json Effective(const std::string& kind, const std::string& id) {
    Json view = GetObject(kind, id);
    for (const auto& v : view["versions"])
      if (v["status"] == "effective") return v["content"];
    ADD_FAILURE() << kind << " " << id << " has no effective version: " << view.dump();
    return Json::object();
  }

  // The routing with operation 20's impeller_speed high limit set to `high`.
  static Json ChangedLimit(Json routing, double high) {
    for (auto& op : routing["operations"])
      if (op["id"] == "20")
        for (auto& p : op["parameters"])
          if (p["name"] == "impeller_speed") p["high"] = high;
    return routing;
  }

  // Opens a CR with a changed limit of RT-PCM500-FCT (as engineer); returns the CR id.
  std::string CrWithChangedLimit(double high = 175) {
    std::string cr = OpenCr(engineer_);
    HttpReply put = PutDraft(engineer_, cr, "routing", kRouting,
                             ChangedLimit(Effective("routing", kRouting), high));
    EXPECT_EQ(put.status, 200) << put.Describe();
    return cr;
  }

  // Submits as engineer and approves as quality; expects both to succeed.
  void SubmitAndApprove(const std::string& cr) {
    HttpReply s = Command(engineer_, cr, "submit", SigOf("engineer"));
    ASSERT_EQ(s.status, 200) << s.Describe();
    HttpReply a = Command(quality_, cr, "approve", SigOf("quality"));
    ASSERT_EQ(a.status, 200) << a.Describe();
    ASSERT_EQ(a.json()["change_request"]["state"], "approved") << a.Describe();
  }

  // Creates a user as admin (with a one-time password), signs them in (changing it first),
  // and acknowledges policy version 1.
  ApiUser CreateUser(const std::string& name, const Json& roles, bool acknowledge = true) {
    ApiUser u{0, name, StrongPassword("pw-" + name), ""};
    const std::string one_time = StrongPassword("one-time-" + name);
    HttpReply r = http().Post("/api/v1/users",
                              Json{{"name", name},
                                   {"display_name", "Display " + name},
                                   {"roles", roles},
                                   {"password", one_time}},
                              admin_);
    EXPECT_EQ(r.status, 201) << r.Describe();
    Json j = r.json();
    if (j.contains("user")) u.id = j["user"].value("id", 0);
    HttpReply first;
    u.token = FirstSignIn(http(), name, one_time, u.password, &first);
    EXPECT_FALSE(u.token.empty()) << first.Describe();
    if (acknowledge) {
      HttpReply ack = http().Post("/api/v1/signature-policy/acknowledge",
                                  Json{{"version", 1}, {"password", u.password}}, u.token);
      EXPECT_TRUE(ack.ok()) << ack.Describe();
    }
    return u;
  }

  // The id of a demo user by role (GET /api/v1/users as admin).
  std::int64_t UserId(const std::string& name) {
    HttpReply r = http().Get("/api/v1/users", admin_);
    const Json r_json = r.json();
    for (const auto& u : r_json["users"])
      if (u["name"] == name) return u["id"].get<std::int64_t>();
    ADD_FAILURE() << "no user " << name << ": " << r.Describe();
    return 0;
  }

  static void ExpectReason(const HttpReply& r, int status, const std::string& code,
                           const std::string& reason, const std::string& field = "") {
    ExpectProblem(r, status, code, field);
    EXPECT_EQ(r.json().value("reason", ""), reason) << r.Describe();
  }

  // Waits out the signing throttle of an account after a failed signing.
  static void WaitOutThrottle(const HttpReply& refused, int extra_ms = 200) {
    int seconds = 1;
    Json j = refused.json();
    if (j.is_object() && j.contains("retry_after_seconds"))
      seconds = j["retry_after_seconds"].get<int>();
    std::this_thread::sleep_for(std::chrono::milliseconds(seconds * 1000 + extra_ms));
  }

  std::string engineer_, quality_, admin_;
};

}  // namespace ordo::testing
