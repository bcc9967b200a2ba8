// Integration tests of the batch release gate and the independence of the batch release
// against the real server (docs/batch-record.md "Release gate" and "Independence"): a lot
// made by an order (and its split sublots) is released by the order's batch release, not
// on its own, while the record is unreleased or amended; received lots, holds and
// rejections are not gated; a lot held through the batch release may be released on its
// own afterwards. The quality person who performed or verified a step of the order may
// not sign its batch release (same_person). Every refusal changes nothing.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

const std::string kOrder = "WO-GATE-1";
const std::string kOp = "/api/v1/orders/" + kOrder + "/operations/10";
const std::string kRecord = "/api/v1/orders/" + kOrder + "/batch-record";

class BatchReleaseGateTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
    operator_ = TokenFor("operator");
    // A product of one operation with a second-person verification, nothing else.
    const std::string cr = OpenCr(engineer_, "Release gate test product");
    const Json routing{{"id", "RT-GATE"},
                       {"name", "release gate test"},
                       {"operations", Json::array({Json{{"id", "10"},
                                                        {"name", "Dispensing"},
                                                        {"operation_class", "dispensing"},
                                                        {"work_center_class", "dispensary"},
                                                        {"second_person_verification", true}}})}};
    const Json product{{"id", "PD-GATE"},
                       {"name", "release gate test product"},
                       {"material", "FG-PCM500-20"},
                       {"routing", "RT-GATE"},
                       {"bom", Json::array({Json{{"material", "RM-PCM-API"},
                                                 {"quantity", 0.01},
                                                 {"unit", "kg"},
                                                 {"operation", "10"}}})}};
    ASSERT_EQ(PutDraft(engineer_, cr, "routing", "RT-GATE", routing).status, 200);
    ASSERT_EQ(PutDraft(engineer_, cr, "product", "PD-GATE", product).status, 200);
    SubmitAndApprove(cr);
    if (HasFatalFailure()) return;
    Ok(Post("/api/v1/orders",
            Json{{"order_id", kOrder},
                 {"product", "PD-GATE"},
                 {"quantity", 100},
                 {"unit", "ea"},
                 {"due_date", "2099-01-31"}},
            supervisor_));
    Ok(Post("/api/v1/orders/" + kOrder + "/release", Json::object(), supervisor_));
    Receive("L-GATE-API", "RM-PCM-API");
    Ok(Post("/api/v1/lots/L-GATE-API/release", SigOf("quality"), quality_));
  }

  HttpReply Post(const std::string& path, const Json& body, const std::string& token) {
    return http().Post(path, body, token);
  }
  void Ok(const HttpReply& r) { ASSERT_TRUE(r.status == 200 || r.status == 201) << r.Describe(); }
  void Receive(const std::string& lot, const std::string& material) {
    Ok(Post("/api/v1/lots",
            Json{{"lot", lot},
                 {"material", material},
                 {"supplier", "Acme"},
                 {"supplier_lot", "S-" + lot},
                 {"quantity", 10},
                 {"unit", "kg"},
                 {"expiry", "2099-01-31"}},
            supervisor_));
  }
  std::string Status(const std::string& lot) {
    return http().Get("/api/v1/lots/" + lot, supervisor_).json()["lot"].value("status", "");
  }

  // Runs operation 10: the operator starts, consumes, produces FG-GATE-1 (100) and
  // completes; `verifier` (a role of the sandbox) verifies with a signature.
  void Run(const std::string& verifier = "supervisor") {
    Ok(Post(kOp + "/start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, operator_));
    Ok(Post(kOp + "/acknowledge-instructions", Json::object(), operator_));
    Ok(Post(kOp + "/consume", Json{{"lot", "L-GATE-API"}, {"quantity", 1}}, operator_));
    Ok(Post(kOp + "/produce", Json{{"lot", "FG-GATE-1"}, {"quantity", 100}}, operator_));
    Ok(Post(kOp + "/complete", Json{{"good", 100}}, operator_));
    Ok(Post(kOp + "/verify", SigOf(verifier), TokenFor(verifier)));
  }
  HttpReply ReleaseLot(const std::string& lot) {
    return Post("/api/v1/lots/" + lot + "/release", SigOf("quality"), quality_);
  }
  HttpReply ReleaseBatch(const Json& signature, const std::string& token, Json extra = {}) {
    Json body = signature;
    if (extra.is_object())
      for (auto it = extra.begin(); it != extra.end(); ++it) body[it.key()] = it.value();
    return Post(kRecord + "/release", body, token);
  }
  // A refused lot release: batch_release_required naming the order, nothing recorded.
  void ExpectGated(const std::string& lot) {
    const std::int64_t head = HeadSeq(http());
    HttpReply r = ReleaseLot(lot);
    ExpectReason(r, 422, "failed_precondition", "batch_release_required", "lot");
    const std::string detail = r.json().value("detail", "");
    EXPECT_NE(detail.find("order " + kOrder), std::string::npos) << r.Describe();
    EXPECT_NE(detail.find("release the batch record of " + kOrder), std::string::npos)
        << r.Describe();
    EXPECT_EQ(HeadSeq(http()), head) << lot;
    EXPECT_EQ(Status(lot), "quarantined") << lot;
  }

  std::string supervisor_, operator_;
};

TEST_F(BatchReleaseGateTest, AProducedLotAndItsSublotAreReleasedOnlyByTheBatchRelease) {
  ORDO_VERIFIES("ORDO-LOT-41", "ORDO-LOT-43", "ORDO-LOT-44", "ORDO-BR-52", "A11-13", "IND-05");
  Ok(Post(kOp + "/start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, operator_));
  Ok(Post(kOp + "/acknowledge-instructions", Json::object(), operator_));
  Ok(Post(kOp + "/consume", Json{{"lot", "L-GATE-API"}, {"quantity", 1}}, operator_));
  Ok(Post(kOp + "/produce", Json{{"lot", "FG-GATE-1"}, {"quantity", 90}}, operator_));
  Ok(Post(kOp + "/produce", Json{{"lot", "FG-GATE-2"}, {"quantity", 10}}, operator_));
  // While the order runs.
  ExpectGated("FG-GATE-1");
  Ok(Post(kOp + "/complete", Json{{"good", 100}}, operator_));
  Ok(Post(kOp + "/verify", SigOf("supervisor"), supervisor_));
  ASSERT_EQ(http().Get(kRecord, quality_).json()["batch_record"]["state"], "ready_for_release");
  // Complete and ready, but not released: still gated, and so is a split sublot.
  ExpectGated("FG-GATE-1");
  Ok(Post("/api/v1/lots/FG-GATE-1/split",
          Json{{"sublot", "FG-GATE-1-A"}, {"quantity", 20}, {"reason", "retain sample"}},
          supervisor_));
  ExpectGated("FG-GATE-1-A");
  // A received lot is not gated; hold, lift-hold and reject of an order's lot are not.
  Receive("L-GATE-OTHER", "RM-PCM-API");
  EXPECT_EQ(ReleaseLot("L-GATE-OTHER").status, 200);
  EXPECT_EQ(
      Post("/api/v1/lots/FG-GATE-1-A/hold", Json{{"reason", "sample check"}}, quality_).status,
      200);
  EXPECT_EQ(
      Post("/api/v1/lots/FG-GATE-1-A/lift-hold", Json{{"reason", "checked"}}, quality_).status,
      200);
  Json reject = SigOf("quality");
  reject["reason"] = "damaged cartons";
  EXPECT_EQ(Post("/api/v1/lots/FG-GATE-2/reject", reject, quality_).status, 200);
  EXPECT_EQ(Status("FG-GATE-2"), "rejected");
  // The sublot is held through the batch release, which releases the rest.
  Ok(Post("/api/v1/lots/FG-GATE-1-A/hold", Json{{"reason", "sample check"}}, quality_));
  HttpReply sealed = ReleaseBatch(SigOf("quality"), quality_);
  ASSERT_EQ(sealed.status, 200) << sealed.Describe();
  EXPECT_EQ(Status("FG-GATE-1"), "released");
  EXPECT_EQ(Status("FG-GATE-1-A"), "on_hold");
  EXPECT_EQ(Status("FG-GATE-2"), "rejected");
  // After the batch release the held sublot, back in quarantine, is released on its own.
  Ok(Post("/api/v1/lots/FG-GATE-1-A/lift-hold", Json{{"reason", "sample passed"}}, quality_));
  EXPECT_EQ(Status("FG-GATE-1-A"), "quarantined");
  HttpReply own = ReleaseLot("FG-GATE-1-A");
  EXPECT_EQ(own.status, 200) << own.Describe();
  EXPECT_EQ(Status("FG-GATE-1-A"), "released");
}

TEST_F(BatchReleaseGateTest, AnAmendedRecordGatesTheLotUntilItIsReleasedAgain) {
  ORDO_VERIFIES("ORDO-LOT-42", "ORDO-LOT-43", "A11-06", "A11-13");
  Run();
  if (HasFatalFailure()) return;
  Ok(Post("/api/v1/lots/FG-GATE-1/split",
          Json{{"sublot", "FG-GATE-1-A"}, {"quantity", 20}, {"reason", "retain sample"}},
          supervisor_));
  Ok(Post("/api/v1/lots/FG-GATE-1-A/hold", Json{{"reason", "sample check"}}, quality_));
  ASSERT_EQ(ReleaseBatch(SigOf("quality"), quality_).status, 200);
  // A deviation found afterwards, dispositioned by a second quality person: the record's
  // content changed since its release (amended).
  HttpReply dv =
      Post("/api/v1/deviations",
           Json{{"order_id", kOrder}, {"operation", "10"}, {"title", "late finding"}}, quality_);
  ASSERT_EQ(dv.status, 201) << dv.Describe();
  const std::string id = dv.json()["deviation"]["id"];
  ApiUser qa2 = CreateUser("qa.gate", Json::array({"quality"}));
  Ok(Post("/api/v1/deviations/" + id + "/disposition",
          Json{{"disposition", "use_as_is"},
               {"comment", "no impact"},
               {"signature", Sig(qa2.name, qa2.password)["signature"]}},
          qa2.token));
  ASSERT_EQ(http().Get(kRecord, quality_).json()["batch_record"]["state"], "amended");
  Ok(Post("/api/v1/lots/FG-GATE-1-A/lift-hold", Json{{"reason", "sample passed"}}, quality_));
  ExpectGated("FG-GATE-1-A");
  HttpReply refused = ReleaseLot("FG-GATE-1-A");
  EXPECT_NE(refused.json().value("detail", "").find("amended"), std::string::npos)
      << refused.Describe();
  // Held again through the release of the amended record, then released on its own.
  Ok(Post("/api/v1/lots/FG-GATE-1-A/hold", Json{{"reason", "sample check"}}, quality_));
  HttpReply again =
      ReleaseBatch(SigOf("quality"), quality_, Json{{"reason", "late deviation dispositioned"}});
  ASSERT_EQ(again.status, 200) << again.Describe();
  Ok(Post("/api/v1/lots/FG-GATE-1-A/lift-hold", Json{{"reason", "sample passed"}}, quality_));
  HttpReply own = ReleaseLot("FG-GATE-1-A");
  EXPECT_EQ(own.status, 200) << own.Describe();
}

TEST_F(BatchReleaseGateTest, WhoVerifiedAStepMayNotReleaseTheBatch) {
  ORDO_VERIFIES("ORDO-BR-50", "ORDO-BR-51", "A11-13", "IND-05", "P11-17");
  // The quality user may verify dispensing once qualified for it.
  HttpReply granted = Post(
      "/api/v1/personnel/qualifications",
      Json{{"user_id", UserId(sandbox_.user("quality").name)}, {"qualification", "DISPENSING"}},
      supervisor_);
  ASSERT_EQ(granted.status, 201) << granted.Describe();
  Run("quality");
  if (HasFatalFailure()) return;
  const std::int64_t head = HeadSeq(http());
  HttpReply refused = ReleaseBatch(SigOf("quality"), quality_);
  ExpectReason(refused, 403, "permission_denied", "same_person", "signature.user");
  const std::string detail = refused.json().value("detail", "");
  EXPECT_NE(detail.find(sandbox_.user("quality").name), std::string::npos) << detail;
  EXPECT_NE(detail.find("verified operation 10"), std::string::npos) << detail;
  EXPECT_NE(detail.find(kOrder), std::string::npos) << detail;
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_EQ(Status("FG-GATE-1"), "quarantined");
  EXPECT_EQ(http().Get(kRecord, quality_).json()["batch_record"]["state"], "ready_for_release");
  // Another quality person, who did nothing in the order, releases it.
  ApiUser qa2 = CreateUser("qa.gate", Json::array({"quality"}));
  HttpReply released = ReleaseBatch(Sig(qa2.name, qa2.password), qa2.token);
  ASSERT_EQ(released.status, 200) << released.Describe();
  EXPECT_EQ(Status("FG-GATE-1"), "released");
}

}  // namespace
}  // namespace ordo::testing
