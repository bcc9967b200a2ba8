// Attachments of work instructions (stored by SHA-256, referenced from routings and
// checked at submission), training records, and four eyes after withdrawing a draft.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

// "hello, operator\n" as base64 and its SHA-256.
const char* const kData = "aGVsbG8sIG9wZXJhdG9yCg==";
const std::string kBytes = "hello, operator\n";

TEST_F(MasterdataTest, AttachmentIsStoredByHashReferencedAndServedBack) {
  ORDO_VERIFIES("ORDO-ATT-01");
  Json body{{"name", "sop-granulation.txt"}, {"media_type", "text/plain"}, {"data", kData}};
  HttpReply stored = http().Post("/api/v1/attachments", body, engineer_);
  ASSERT_EQ(stored.status, 201) << stored.Describe();
  const std::string sha = stored.json()["attachment"]["sha256"];
  EXPECT_EQ(sha.size(), 64u);
  HttpReply again = http().Post("/api/v1/attachments", body, engineer_);
  EXPECT_EQ(again.status, 200) << again.Describe();  // same bytes: stored once
  EXPECT_EQ(again.json()["attachment"]["sha256"], sha);

  HttpReply got = http().Get("/api/v1/attachments/" + sha, TokenFor("operator"));
  ASSERT_EQ(got.status, 200) << got.Describe();
  EXPECT_EQ(got.body, kBytes);
  EXPECT_EQ(got.Header("content-type"), "text/plain");
  EXPECT_EQ(http().Get("/api/v1/attachments/" + std::string(64, 'a'), engineer_).status, 404);

  // A routing may refer only to stored attachments: checked at submission.
  Json routing = Effective("routing", kRouting);
  routing["operations"][0]["attachments"] = Json::array(
      {{{"name", "missing.png"}, {"sha256", std::string(64, 'b')}, {"media_type", "image/png"}}});
  std::string cr = OpenCr(engineer_);
  ASSERT_EQ(PutDraft(engineer_, cr, "routing", kRouting, routing).status, 200);
  HttpReply refused = Command(engineer_, cr, "submit", SigOf("engineer"));
  EXPECT_EQ(refused.status, 422) << refused.Describe();
  EXPECT_EQ(refused.json().value("reason", ""), "unresolved_reference") << refused.Describe();

  routing["operations"][0]["attachments"] = Json::array(
      {{{"name", "sop-granulation.txt"}, {"sha256", sha}, {"media_type", "text/plain"}}});
  ASSERT_EQ(PutDraft(engineer_, cr, "routing", kRouting, routing).status, 200);
  SubmitAndApprove(cr);
  EXPECT_EQ(Effective("routing", kRouting)["operations"][0]["attachments"][0]["sha256"], sha);
}

TEST_F(MasterdataTest, AttachmentBadInputChangesNothing) {
  ORDO_VERIFIES("ORDO-API-01", "ORDO-ATT-01");
  const auto head = [&] { return http().Get("/api/v1/health").json()["head_seq"]; };
  const std::string operator_token = TokenFor("operator");  // a sign-in is an entry
  const Json before = head();
  const std::vector<std::pair<Json, std::string>> cases = {
      {{{"name", "a.txt"}, {"media_type", "text/plain"}, {"data", "not base64!"}}, "data"},
      {{{"name", "a.txt"}, {"media_type", "text/plain"}, {"data", ""}}, "data"},
      {{{"name", "../a.txt"}, {"media_type", "text/plain"}, {"data", kData}}, "name"},
      {{{"name", "a.txt"}, {"media_type", "plain"}, {"data", kData}}, "media_type"},
  };
  for (const auto& [body, field] : cases) {
    HttpReply r = http().Post("/api/v1/attachments", body, engineer_);
    EXPECT_EQ(r.status, 400) << body.dump() << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), field) << r.Describe();
  }
  EXPECT_EQ(http()
                .Post("/api/v1/attachments",
                      Json{{"name", "a.txt"}, {"media_type", "text/plain"}, {"data", kData}},
                      operator_token)
                .status,
            403);
  EXPECT_EQ(head(), before);
}

TEST_F(MasterdataTest, TrainingRecordsAreRecordedAndListed) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-02");
  const std::int64_t op = UserId("operator");
  HttpReply r = http().Post("/api/v1/personnel/training",
                            Json{{"user_id", op},
                                 {"course", "SOP-GRAN-001 rev 4"},
                                 {"completed", "2026-11-20"},
                                 {"trainer", "Demo Supervisor"}},
                            quality_);
  ASSERT_EQ(r.status, 201) << r.Describe();
  HttpReply list = http().Get("/api/v1/personnel/training?user_id=" + std::to_string(op), quality_);
  ASSERT_EQ(list.status, 200) << list.Describe();
  const Json rows = list.json()["training"];
  ASSERT_EQ(rows.size(), 1u) << list.Describe();
  EXPECT_EQ(rows[0]["course"], "SOP-GRAN-001 rev 4");
  EXPECT_EQ(rows[0]["recorded_by"], "quality");
  HttpReply bad =
      http().Post("/api/v1/personnel/training",
                  Json{{"user_id", op}, {"course", "x"}, {"completed", "2026-02-30"}}, quality_);
  EXPECT_EQ(bad.status, 400) << bad.Describe();
  EXPECT_EQ(bad.json().value("field", ""), "completed");
  EXPECT_EQ(
      http()
          .Post("/api/v1/personnel/training",
                Json{{"user_id", op}, {"course", "x"}, {"completed", "2026-11-20"}}, engineer_)
          .status,
      403);
}

TEST_F(MasterdataTest, WithdrawingADraftAndSubmittingAreTakingPart) {
  ORDO_VERIFIES("P11-07", "ORDO-MD-04");
  // A user with both roles who only withdraws a draft and submits may not approve.
  ApiUser dual = CreateUser("dual", Json::array({"engineer", "quality"}));
  std::string cr = CrWithChangedLimit();
  Json material = Effective("material", "DV-CARTON");
  ASSERT_TRUE(material.contains("id"));
  material["storage_conditions"] = "15-25 C, dry, changed";
  ASSERT_EQ(PutDraft(engineer_, cr, "material", material["id"], material).status, 200);
  HttpReply withdrawn = http().Request(
      "DELETE",
      "/api/v1/change-requests/" + cr + "/items/material/" + material["id"].get<std::string>(), "",
      dual.token);
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.Describe();
  ASSERT_EQ(Command(engineer_, cr, "submit", SigOf("engineer")).status, 200);
  HttpReply refused = Command(dual.token, cr, "approve",
                              Json{{"signature", {{"user", "dual"}, {"password", dual.password}}}});
  EXPECT_EQ(refused.status, 403) << refused.Describe();
  EXPECT_EQ(refused.json().value("reason", ""), "four_eyes") << refused.Describe();
}

}  // namespace
}  // namespace ordo::testing
