// Integration tests of deviations against the real server, beside the plant story
// (tests/stories/operator-runs-an-order.json: a critical parameter out of limits opens a
// critical deviation in the same command, completion is refused naming it, two quality
// people disposition it and the operator then completes). Here: a deviation opened by
// hand blocks the release of the lot it touches until it is dispositioned; a critical
// one needs two distinct quality signers and never its author; bad input names the field
// and changes nothing; anonymous callers and the wrong roles are refused.
#include <gtest/gtest.h>

#include <regex>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

const std::string kOrder = "WO-DEV-1";
const std::string kLot = "L-DEV-1";

class DeviationsApiTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
    operator_ = TokenFor("operator");
    HttpReply order = http().Post("/api/v1/orders",
                                  Json{{"order_id", kOrder},
                                       {"product", "PD-PCM500-20"},
                                       {"quantity", 1500},
                                       {"unit", "ea"},
                                       {"due_date", "2099-01-31"}},
                                  supervisor_);
    ASSERT_EQ(order.status, 201) << order.Describe();
    // Released, so that its operations are pinned.
    HttpReply released =
        http().Post("/api/v1/orders/" + kOrder + "/release", Json::object(), supervisor_);
    ASSERT_EQ(released.status, 200) << released.Describe();
    HttpReply lot = http().Post("/api/v1/lots",
                                Json{{"lot", kLot},
                                     {"material", "RM-PCM-API"},
                                     {"supplier", "Acme"},
                                     {"supplier_lot", "S-DEV-1"},
                                     {"quantity", 10},
                                     {"unit", "kg"},
                                     {"expiry", "2099-01-31"}},
                                supervisor_);
    ASSERT_EQ(lot.status, 201) << lot.Describe();
  }

  HttpReply Open(const std::string& token, Json body) {
    return http().Post("/api/v1/deviations", body, token);
  }
  Json Minimal() const {
    return Json{{"order_id", kOrder},
                {"operation", "10"},
                {"lots", Json::array({kLot})},
                {"title", "drum seal broken on arrival at the booth"}};
  }
  HttpReply Dispose(const std::string& id, const std::string& token, Json signature,
                    const std::string& disposition = "use_as_is") {
    signature["disposition"] = disposition;
    signature["comment"] = "assessed: no impact";
    return http().Post("/api/v1/deviations/" + id + "/disposition", signature, token);
  }

  std::string supervisor_, operator_;
};

TEST_F(DeviationsApiTest, AHandOpenedDeviationBlocksTheLotsReleaseUntilDispositioned) {
  ORDO_VERIFIES("ORDO-DEV-01", "ORDO-DEV-03", "ORDO-DEV-05", "ORDO-DEV-10", "ORDO-DEV-12",
                "ORDO-DEV-14", "P11-17", "IND-04");
  const std::int64_t before = HeadSeq(http());
  HttpReply opened = Open(operator_, Minimal());
  ASSERT_EQ(opened.status, 201) << opened.Describe();
  const Json d = opened.json()["deviation"];
  const std::string id = d["id"];
  EXPECT_TRUE(std::regex_match(id, std::regex("DV-[0-9]{6}"))) << id;
  EXPECT_EQ(d["state"], "open");
  EXPECT_EQ(d["classification"], "major");
  EXPECT_EQ(d["source"], "manual");
  EXPECT_EQ(d["author"], "operator");
  EXPECT_EQ(HeadSeq(http()), before + 1);
  // The next one gets the next number.
  HttpReply second = Open(supervisor_, Json{{"order_id", kOrder}, {"title", "label smudged"}});
  ASSERT_EQ(second.status, 201) << second.Describe();
  EXPECT_EQ(std::stoi(second.json()["deviation"]["id"].get<std::string>().substr(3)),
            std::stoi(id.substr(3)) + 1);

  // Quality may not release the lot while the deviation touching it is open.
  std::int64_t head = HeadSeq(http());
  HttpReply release = http().Post("/api/v1/lots/" + kLot + "/release", SigOf("quality"), quality_);
  ExpectReason(release, 422, "failed_precondition", "open_deviation", "lot");
  EXPECT_NE(release.json().value("detail", "").find(id), std::string::npos) << release.Describe();
  EXPECT_EQ(HeadSeq(http()), head);

  // Quality investigates: notes are appended, never rewritten.
  for (const char* note : {"seal torn in transit", "supplier confirms intact inner liner"}) {
    HttpReply u =
        http().Post("/api/v1/deviations/" + id + "/update",
                    Json{{"investigation_note", note}, {"capa", "CAPA-2026-014"}}, quality_);
    ASSERT_EQ(u.status, 200) << u.Describe();
  }
  HttpReply got = http().Get("/api/v1/deviations/" + id, operator_);
  ASSERT_EQ(got.status, 200) << got.Describe();
  const Json notes = got.json()["deviation"]["notes"];
  ASSERT_EQ(notes.size(), 2u) << got.Describe();
  EXPECT_EQ(notes[0]["text"], "seal torn in transit");
  EXPECT_EQ(notes[1]["actor"], "quality");
  EXPECT_EQ(got.json()["deviation"]["capa"], "CAPA-2026-014");

  // The open list and the quality worklist show it.
  HttpReply list = http().Get("/api/v1/deviations?state=open&order=" + kOrder, quality_);
  ASSERT_EQ(list.status, 200) << list.Describe();
  EXPECT_EQ(list.json()["deviations"].size(), 2u) << list.Describe();
  HttpReply work = http().Get("/api/v1/worklist", quality_);
  ASSERT_EQ(work.status, 200) << work.Describe();
  EXPECT_NE(work.body.find(id), std::string::npos) << work.Describe();

  // Operators may neither investigate nor disposition.
  ExpectProblem(http().Post("/api/v1/deviations/" + id + "/update",
                            Json{{"investigation_note", "x"}}, operator_),
                403, "permission_denied");
  ExpectProblem(Dispose(id, operator_, SigOf("operator")), 403, "permission_denied");

  // One quality signature closes a major deviation; the lot may then be released.
  HttpReply signed_reply = Dispose(id, quality_, SigOf("quality"));
  ASSERT_EQ(signed_reply.status, 200) << signed_reply.Describe();
  EXPECT_EQ(signed_reply.json()["deviation"]["state"], "closed");
  EXPECT_EQ(signed_reply.json()["second_signature_required"], false);
  EXPECT_EQ(signed_reply.json()["deviation"]["dispositions"][0]["signer"], "quality");
  HttpReply released = http().Post("/api/v1/lots/" + kLot + "/release", SigOf("quality"), quality_);
  EXPECT_EQ(released.status, 200) << released.Describe();

  // A closed deviation changes no more.
  head = HeadSeq(http());
  HttpReply late = http().Post("/api/v1/deviations/" + id + "/update",
                               Json{{"investigation_note", "too late"}}, quality_);
  ExpectReason(late, 422, "failed_precondition", "deviation_closed", "id");
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(DeviationsApiTest, ACriticalDeviationNeedsTwoDistinctQualitySignersNeverItsAuthor) {
  ORDO_VERIFIES("ORDO-DEV-06", "ORDO-DEV-13", "P11-17", "P11-09");
  Json body = Minimal();
  body["classification"] = "critical";
  HttpReply opened = Open(quality_, body);
  ASSERT_EQ(opened.status, 201) << opened.Describe();
  const std::string id = opened.json()["deviation"]["id"];
  EXPECT_EQ(opened.json()["deviation"]["signatures_needed"], 2);

  std::int64_t head = HeadSeq(http());
  ExpectReason(Dispose(id, quality_, SigOf("quality")), 403, "permission_denied", "same_person",
               "signature.user");
  EXPECT_EQ(HeadSeq(http()), head);

  ApiUser first = CreateUser("qa.first", Json::array({"quality"}));
  ApiUser second = CreateUser("qa.second", Json::array({"quality"}));
  HttpReply one = Dispose(id, first.token, Sig(first.name, first.password), "rework");
  ASSERT_EQ(one.status, 200) << one.Describe();
  EXPECT_EQ(one.json()["deviation"]["state"], "open");
  EXPECT_EQ(one.json()["second_signature_required"], true);

  head = HeadSeq(http());
  ExpectReason(Dispose(id, first.token, Sig(first.name, first.password), "rework"), 403,
               "permission_denied", "same_person");
  ExpectReason(Dispose(id, second.token, Sig(second.name, second.password), "scrap"), 422,
               "failed_precondition", "invalid_transition", "disposition");
  EXPECT_EQ(HeadSeq(http()), head);

  HttpReply two = Dispose(id, second.token, Sig(second.name, second.password), "rework");
  ASSERT_EQ(two.status, 200) << two.Describe();
  EXPECT_EQ(two.json()["deviation"]["state"], "closed");
  EXPECT_EQ(two.json()["second_signature_required"], false);
  EXPECT_EQ(two.json()["deviation"]["dispositions"].size(), 2u);

  // The ledger holds each signature with meaning dispositioned, then the closure.
  std::string error;
  auto entries = AllLedger(http(), admin_, &error, head);
  ASSERT_EQ(entries.size(), 3u) << error;
  EXPECT_EQ(entries[0]["type"], "signature.applied");
  EXPECT_EQ(entries[0]["payload"]["meaning"], "dispositioned");
  EXPECT_EQ(entries[1]["type"], "deviations.disposition_signed");
  EXPECT_EQ(entries[2]["type"], "deviations.deviation_closed");
}

TEST_F(DeviationsApiTest, BadInputNamesTheFieldAndChangesNothingAndRolesAreChecked) {
  ORDO_VERIFIES("ORDO-DEV-15", "ORDO-API-02", "P11-17");
  HttpReply opened = Open(operator_, Minimal());
  ASSERT_EQ(opened.status, 201) << opened.Describe();
  const std::string id = opened.json()["deviation"]["id"];
  const std::int64_t head = HeadSeq(http());

  Json no_title = Minimal();
  no_title.erase("title");
  ExpectProblem(Open(operator_, no_title), 400, "invalid_argument", "title");
  Json bad_class = Minimal();
  bad_class["classification"] = "huge";
  ExpectProblem(Open(operator_, bad_class), 400, "invalid_argument", "classification");
  Json no_order = Minimal();
  no_order["order_id"] = "WO-NOPE";
  ExpectProblem(Open(operator_, no_order), 404, "not_found", "order_id");
  Json no_op = Minimal();
  no_op["operation"] = "99";
  ExpectProblem(Open(operator_, no_op), 404, "not_found", "operation");
  Json no_lot = Minimal();
  no_lot["lots"] = Json::array({kLot, "L-NOPE"});
  ExpectProblem(Open(operator_, no_lot), 404, "not_found", "lots[1]");
  ExpectProblem(http().Post("/api/v1/deviations/" + id + "/update", Json::object(), quality_), 400,
                "invalid_argument");
  ExpectReason(http().Post("/api/v1/deviations/" + id + "/update",
                           Json{{"root_cause", "NOT-A-CODE"}}, quality_),
               400, "invalid_argument", "unknown_code", "root_cause");
  ExpectProblem(Dispose(id, quality_, SigOf("quality"), "ignore"), 400, "invalid_argument",
                "disposition");
  ExpectProblem(http().Get("/api/v1/deviations/DV-999999", quality_), 404, "not_found", "id");
  ExpectProblem(http().Get("/api/v1/deviations?state=bogus", quality_), 400, "invalid_argument",
                "state");
  EXPECT_EQ(HeadSeq(http()), head);

  // Anonymous callers and the wrong roles.
  ExpectProblem(Open("", Minimal()), 401, "unauthenticated");
  ExpectProblem(http().Get("/api/v1/deviations", ""), 401, "unauthenticated");
  ExpectProblem(http().Get("/api/v1/deviations/" + id, ""), 401, "unauthenticated");
  ExpectProblem(Open(engineer_, Minimal()), 403, "permission_denied");
  ExpectProblem(http().Post("/api/v1/deviations/" + id + "/update",
                            Json{{"investigation_note", "x"}}, supervisor_),
                403, "permission_denied");
  ExpectProblem(Dispose(id, supervisor_, SigOf("supervisor")), 403, "permission_denied");
  EXPECT_EQ(http().Get("/api/v1/deviations", engineer_).status, 200);
  EXPECT_EQ(HeadSeq(http()), head);
}

}  // namespace
}  // namespace ordo::testing
