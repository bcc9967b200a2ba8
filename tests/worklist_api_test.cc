// Integration tests of GET /api/v1/worklist against the real server: approvers see the
// change requests waiting for them but not their own (four eyes), authors see what
// theirs wait for, an operator sees nothing they cannot act on, admins see security
// alerts. (The isolation of a failing source is a unit test: src/server/worklist_test.cc.)
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

class WorklistApiTest : public MasterdataTest {
 protected:
  Json Worklist(const std::string& token) {
    HttpReply r = http().Get("/api/v1/worklist", token);
    EXPECT_EQ(r.status, 200) << r.Describe();
    Json j = r.json();
    EXPECT_TRUE(j.contains("errors") && j["errors"].empty()) << r.Describe();
    return j.value("items", Json::array());
  }
  static Json ItemFor(const Json& items, const std::string& id) {
    for (const auto& i : items)
      if (i.value("id", "") == id) return i;
    return Json();
  }
};

TEST_F(WorklistApiTest, QualitySeesThePendingApprovalAndTheEngineerSeesItWaiting) {
  ORDO_VERIFIES("P11-07", "ORDO-UI-20", "ORDO-UI-22", "ORDO-UI-23");
  const std::string cr = CrWithChangedLimit();
  // Open: the engineer's draft, nobody else's business.
  Json draft = ItemFor(Worklist(engineer_), cr);
  ASSERT_FALSE(draft.is_null());
  EXPECT_EQ(draft["kind"], "change_request.draft");
  EXPECT_EQ(draft["your_turn"], true);
  EXPECT_TRUE(ItemFor(Worklist(quality_), cr).is_null());

  ASSERT_EQ(Command(engineer_, cr, "submit", SigOf("engineer")).status, 200);
  Json waiting = ItemFor(Worklist(engineer_), cr);
  ASSERT_FALSE(waiting.is_null());
  EXPECT_EQ(waiting["kind"], "change_request.submitted");
  EXPECT_EQ(waiting["state"], "waiting for approval by quality (0 of 1)");
  EXPECT_EQ(waiting["your_turn"], false);
  EXPECT_EQ(waiting["link"], "#/change-requests/" + cr);
  EXPECT_EQ(waiting["source"], "masterdata.change_requests");

  Json approve = ItemFor(Worklist(quality_), cr);
  ASSERT_FALSE(approve.is_null());
  EXPECT_EQ(approve["kind"], "change_request.approve");
  EXPECT_EQ(approve["your_turn"], true);
  EXPECT_EQ(approve["title"], "Adjust limits");

  // An operator may read change requests but can act on none of them.
  EXPECT_TRUE(Worklist(TokenFor("operator")).empty());

  ASSERT_EQ(Command(quality_, cr, "approve", SigOf("quality")).status, 200);
  EXPECT_TRUE(ItemFor(Worklist(engineer_), cr).is_null());
  EXPECT_TRUE(ItemFor(Worklist(quality_), cr).is_null());
}

TEST_F(WorklistApiTest, AnApproverNeverSeesTheirOwnRequestAsOneToApprove) {
  ORDO_VERIFIES("P11-07", "ORDO-UI-22");
  ApiUser both = CreateUser("eng_qa", Json::array({"engineer", "quality"}));
  const std::string own = OpenCr(both.token, "My own change");
  Json renamed = Effective("routing", "RT-DOSEPEN-3ML");
  renamed["name"] = "Dose pen 3 mL assembly, renamed";
  ASSERT_EQ(PutDraft(both.token, own, "routing", "RT-DOSEPEN-3ML", renamed).status, 200);
  ASSERT_EQ(Command(both.token, own, "submit", Sig(both.name, both.password)).status, 200);
  Json mine = ItemFor(Worklist(both.token), own);
  ASSERT_FALSE(mine.is_null());
  EXPECT_EQ(mine["kind"], "change_request.submitted");
  EXPECT_EQ(mine["your_turn"], false);
  // The other approver has it to approve.
  EXPECT_EQ(ItemFor(Worklist(quality_), own)["kind"], "change_request.approve");
}

TEST_F(WorklistApiTest, AdminsSeeSecurityAlertsOthersDoNot) {
  ORDO_VERIFIES("P11-20", "ORDO-UI-24");
  auto security = [](const Json& items) {
    for (const auto& i : items)
      if (i.value("kind", "") == "security.alerts") return i;
    return Json();
  };
  EXPECT_TRUE(security(Worklist(admin_)).is_null());
  // A failed signing is a security alert.
  const std::string cr = CrWithChangedLimit();
  HttpReply bad = Command(engineer_, cr, "submit", Sig(sandbox_.user("engineer").name, "wrong"));
  ASSERT_EQ(bad.status, 403) << bad.Describe();
  Json alert = security(Worklist(admin_));
  ASSERT_FALSE(alert.is_null());
  EXPECT_EQ(alert["title"], "1 security alert in the last 24 hours");
  EXPECT_EQ(alert["link"], "#/security");
  EXPECT_TRUE(security(Worklist(quality_)).is_null());
}

TEST_F(WorklistApiTest, AnonymousCallersAreRefused) {
  ORDO_VERIFIES("P11-04");
  EXPECT_EQ(http().Get("/api/v1/worklist", "").status, 401);
}

}  // namespace
}  // namespace ordo::testing
