// Integration tests of output lot production (issue 11 section 1) against the real
// server: an operator produces a lot of the order's product at a running operation; it
// is born quarantined at the work unit with its order; every bad input is refused naming
// the field and changes nothing; a retry with the same Idempotency-Key produces once.
#include <gtest/gtest.h>

#include <set>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

const std::string kOrder = "WO-PROD-1";
const std::string kOp = "/api/v1/orders/" + kOrder + "/operations/10";

class LotsProductionApiTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
    operator_ = TokenFor("operator");
    ASSERT_EQ(http()
                  .Post("/api/v1/orders",
                        Json{{"order_id", kOrder},
                             {"product", "PD-PCM500-20"},
                             {"quantity", 1500},
                             {"unit", "ea"},
                             {"due_date", "2099-01-31"}},
                        supervisor_)
                  .status,
              201);
    ASSERT_EQ(
        http().Post("/api/v1/orders/" + kOrder + "/release", Json::object(), supervisor_).status,
        200);
    HttpReply order = http().Get("/api/v1/orders/" + kOrder, supervisor_);
    ASSERT_EQ(order.status, 200) << order.Describe();
    material_ = order.json()["order"]["material"].get<std::string>();
    base_unit_ = order.json()["order"]["base_unit"].get<std::string>();
  }

  void StartAndAcknowledge() {
    HttpReply s = http().Post(kOp + "/start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, operator_);
    ASSERT_EQ(s.status, 200) << s.Describe();
    HttpReply a = http().Post(kOp + "/acknowledge-instructions", Json::object(), operator_);
    ASSERT_EQ(a.status, 200) << a.Describe();
  }

  std::string supervisor_, operator_, material_, base_unit_;
};

TEST_F(LotsProductionApiTest, AProducedLotIsBornQuarantinedAtTheWorkUnitWithItsOrder) {
  ORDO_VERIFIES("ORDO-LOT-20", "IND-08", "ORDO-LOT-23");
  StartAndAcknowledge();
  HttpReply r = http().Post(
      kOp + "/produce", Json{{"lot", "FG-PROD-0001"}, {"quantity", 750}, {"expiry", "2029-06-30"}},
      operator_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.json()["produced"]["lot"], "FG-PROD-0001");
  EXPECT_EQ(r.json()["produced"]["material"], material_);
  EXPECT_EQ(r.json()["produced"]["status"], "quarantined");
  HttpReply lot = http().Get("/api/v1/lots/FG-PROD-0001", supervisor_);
  ASSERT_EQ(lot.status, 200) << lot.Describe();
  const Json l = lot.json()["lot"];
  EXPECT_EQ(l["status"], "quarantined");
  EXPECT_EQ(l["material"], material_);
  EXPECT_DOUBLE_EQ(l["quantity"].get<double>(), 750);
  EXPECT_EQ(l["base_unit"], base_unit_);
  EXPECT_EQ(l["origin"], "produced");
  EXPECT_EQ(l["order_id"], kOrder);
  EXPECT_EQ(l["location"], "WU-DISP-BOOTH1");
  EXPECT_EQ(l["expiry"], "2029-06-30");
  ASSERT_FALSE(l["history"].empty()) << lot.Describe();
  EXPECT_EQ(l["history"][0]["event"], "produced");
  EXPECT_EQ(l["history"][0]["detail"]["operation"], "10");
  // A second lot, put elsewhere.
  HttpReply second = http().Post(kOp + "/produce",
                                 Json{{"lot", "FG-PROD-0002"},
                                      {"quantity", 10},
                                      {"material", material_},
                                      {"location", "WH-QA"}},
                                 operator_);
  ASSERT_EQ(second.status, 200) << second.Describe();
  HttpReply lot2 = http().Get("/api/v1/lots/FG-PROD-0002", supervisor_);
  EXPECT_EQ(lot2.json()["lot"]["location"], "WH-QA") << lot2.Describe();
  // A produced lot is released by its order's batch release, not on its own
  // (tests/batch_release_gate_test.cc).
  HttpReply released = http().Post("/api/v1/lots/FG-PROD-0001/release", SigOf("quality"), quality_);
  ExpectReason(released, 422, "failed_precondition", "batch_release_required", "lot");
}

TEST_F(LotsProductionApiTest, AProducedLotIsNotListedAsWaitingForTheLotRelease) {
  ORDO_VERIFIES("ORDO-LOT-51");
  StartAndAcknowledge();
  HttpReply made =
      http().Post(kOp + "/produce", Json{{"lot", "FG-WL-1"}, {"quantity", 5}}, operator_);
  ASSERT_EQ(made.status, 200) << made.Describe();
  HttpReply received = http().Post("/api/v1/lots",
                                   Json{{"lot", "T-WL-RECV"},
                                        {"material", "RM-PCM-API"},
                                        {"supplier", "Acme"},
                                        {"supplier_lot", "S-WL"},
                                        {"quantity", 1},
                                        {"unit", "kg"},
                                        {"expiry", "2099-01-31"}},
                                   supervisor_);
  ASSERT_EQ(received.status, 201) << received.Describe();
  HttpReply r = http().Get("/api/v1/worklist", quality_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  std::set<std::string> listed;
  const Json body = r.json();
  for (const auto& i : body["items"])
    if (i.value("source", "") == "lots.quarantine") listed.insert(i.value("id", ""));
  EXPECT_EQ(listed.count("T-WL-RECV"), 1u) << r.Describe();
  EXPECT_EQ(listed.count("FG-WL-1"), 0u) << r.Describe();
}

TEST_F(LotsProductionApiTest, BadInputIsRefusedNamingTheFieldAndChangesNothing) {
  ORDO_VERIFIES("ORDO-LOT-21", "ORDO-LOT-22");
  // Not running yet: invalid_transition.
  std::int64_t head = HeadSeq(http());
  HttpReply early =
      http().Post(kOp + "/produce", Json{{"lot", "FG-PROD-X"}, {"quantity", 1}}, operator_);
  ExpectReason(early, 422, "failed_precondition", "invalid_transition", "order_id");
  EXPECT_EQ(HeadSeq(http()), head);
  StartAndAcknowledge();
  ASSERT_EQ(http()
                .Post(kOp + "/produce", Json{{"lot", "FG-PROD-TAKEN"}, {"quantity", 1}}, operator_)
                .status,
            200);
  struct Case {
    Json body;
    int status;
    std::string reason, field;
  };
  const std::vector<Case> cases = {
      {Json{{"lot", "FG-PROD-X"}, {"quantity", 0}}, 400, "invalid_quantity", "quantity"},
      {Json{{"lot", "FG-PROD-X"}, {"quantity", -5}}, 400, "invalid_quantity", "quantity"},
      {Json{{"lot", "FG-PROD-X"}, {"quantity", 1}, {"expiry", "2029-13-01"}}, 400, "invalid_date",
       "expiry"},
      {Json{{"lot", "FG-PROD-X"}, {"quantity", 1}, {"unit", "parsec"}}, 400, "unknown_unit",
       "unit"},
      {Json{{"lot", "FG-PROD-TAKEN"}, {"quantity", 1}}, 409, "duplicate_lot", "lot"},
  };
  for (const Case& c : cases) {
    head = HeadSeq(http());
    HttpReply r = http().Post(kOp + "/produce", c.body, operator_);
    EXPECT_EQ(r.status, c.status) << c.body.dump() << " " << r.Describe();
    EXPECT_EQ(r.json().value("reason", ""), c.reason) << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), c.field) << r.Describe();
    EXPECT_EQ(HeadSeq(http()), head) << c.body.dump();
  }
  HttpReply missing = http().Post(kOp + "/produce", Json{{"quantity", 1}}, operator_);
  EXPECT_EQ(missing.status, 400) << missing.Describe();
  EXPECT_EQ(missing.json().value("field", ""), "lot") << missing.Describe();
  // A wrong material is a compliance refusal: recorded (one execution.command_refused
  // entry), nothing produced.
  head = HeadSeq(http());
  HttpReply wrong = http().Post(
      kOp + "/produce", Json{{"lot", "FG-PROD-X"}, {"quantity", 1}, {"material", "RM-PCM-API"}},
      operator_);
  ExpectReason(wrong, 422, "failed_precondition", "wrong_material", "material");
  EXPECT_EQ(HeadSeq(http()), head + 1);
  EXPECT_EQ(http().Get("/api/v1/lots/FG-PROD-X", supervisor_).status, 404);
}

TEST_F(LotsProductionApiTest, AProductionRetriedWithTheSameKeyProducesOnce) {
  ORDO_VERIFIES("DI-05", "ORDO-LOT-20", "ORDO-API-02");
  StartAndAcknowledge();
  const Headers key{{"Idempotency-Key", "terminal-3-produce-0001"}};
  const Json body{{"lot", "FG-PROD-IDEM"}, {"quantity", 12}};
  HttpReply first = http().Post(kOp + "/produce", body, operator_, key);
  ASSERT_EQ(first.status, 200) << first.Describe();
  const std::int64_t head = HeadSeq(http());
  HttpReply again = http().Post(kOp + "/produce", body, operator_, key);
  EXPECT_EQ(again.status, 200) << again.Describe();
  EXPECT_EQ(again.json()["produced"], first.json()["produced"]);
  EXPECT_EQ(HeadSeq(http()), head);
  // Without the key the same lot is a duplicate.
  HttpReply dup = http().Post(kOp + "/produce", body, operator_);
  EXPECT_EQ(dup.json().value("reason", ""), "duplicate_lot") << dup.Describe();
}

TEST_F(LotsProductionApiTest, LotsAreSplitMergedAndMovedAndBadInputChangesNothing) {
  ORDO_VERIFIES("ORDO-LOT-24", "ORDO-LOT-25", "ORDO-LOT-26", "ORDO-LOT-27", "ORDO-LOT-28",
                "ORDO-LOT-29", "P11-07", "IND-08", "ORDO-GEN-02", "ORDO-GEN-17", "DI-10");
  StartAndAcknowledge();
  ASSERT_EQ(
      http().Post(kOp + "/produce", Json{{"lot", "FG-H-1"}, {"quantity", 100}}, operator_).status,
      200);
  // Split 30 off, at another place.
  HttpReply split = http().Post(
      "/api/v1/lots/FG-H-1/split",
      Json{{"sublot", "FG-H-1-A"}, {"quantity", 30}, {"location", "WH-QA"}, {"reason", "sample"}},
      supervisor_);
  ASSERT_EQ(split.status, 200) << split.Describe();
  EXPECT_DOUBLE_EQ(split.json()["lot"]["quantity"].get<double>(), 70);
  const Json sub = split.json()["sublot"];
  EXPECT_DOUBLE_EQ(sub["quantity"].get<double>(), 30);
  EXPECT_EQ(sub["origin"], "split");
  EXPECT_EQ(sub["status"], "quarantined");
  EXPECT_EQ(sub["material"], material_);
  EXPECT_EQ(sub["order_id"], kOrder);
  EXPECT_EQ(sub["location"], "WH-QA");
  // Move the sublot back beside its parent, then merge it back.
  HttpReply move =
      http().Post("/api/v1/lots/FG-H-1-A/move",
                  Json{{"location", "WU-DISP-BOOTH1"}, {"reason", "return"}}, supervisor_);
  ASSERT_EQ(move.status, 200) << move.Describe();
  EXPECT_EQ(move.json()["lot"]["location"], "WU-DISP-BOOTH1");
  EXPECT_EQ(move.json()["lot"]["history"][0]["event"], "moved");
  EXPECT_EQ(move.json()["lot"]["history"][0]["detail"]["from_location"], "WH-QA");
  // Merging it back into the lot it came from would make the genealogy loop: refused,
  // nothing recorded.
  const std::int64_t before_back = HeadSeq(http());
  HttpReply back =
      http().Post("/api/v1/lots/FG-H-1/merge",
                  Json{{"from", Json::array({"FG-H-1-A"})}, {"reason", "rejoin"}}, quality_);
  ExpectReason(back, 422, "failed_precondition", "genealogy_cycle", "from");
  EXPECT_NE(back.json().value("detail", "").find("lot:FG-H-1-A -> lot:FG-H-1"), std::string::npos)
      << back.Describe();
  EXPECT_EQ(HeadSeq(http()), before_back);
  // Into another lot of the order it merges.
  ASSERT_EQ(
      http().Post(kOp + "/produce", Json{{"lot", "FG-H-3"}, {"quantity", 50}}, operator_).status,
      200);
  HttpReply merge = http().Post(
      "/api/v1/lots/FG-H-3/merge",
      Json{{"from", Json::array({"FG-H-1-A"})}, {"reason", "pool the remainder"}}, quality_);
  ASSERT_EQ(merge.status, 200) << merge.Describe();
  EXPECT_DOUBLE_EQ(merge.json()["lot"]["quantity"].get<double>(), 80);
  // The genealogy follows: backward from the merged lot through the sublot and its parent
  // to the order.
  HttpReply trace = http().Get("/api/v1/genealogy/FG-H-3?direction=backward", supervisor_);
  ASSERT_EQ(trace.status, 200) << trace.Describe();
  const Json traced = trace.json();
  std::set<std::string> nodes;
  for (const Json& n : traced["nodes"]) nodes.insert(n["id"].get<std::string>());
  for (const char* id : {"lot:FG-H-3", "lot:FG-H-1-A", "lot:FG-H-1", "order:WO-PROD-1"})
    EXPECT_TRUE(nodes.count(id)) << id << " missing from " << trace.Describe();
  HttpReply gone = http().Get("/api/v1/lots/FG-H-1-A", supervisor_);
  EXPECT_EQ(gone.json()["lot"]["status"], "consumed") << gone.Describe();
  EXPECT_DOUBLE_EQ(gone.json()["lot"]["quantity"].get<double>(), 0);

  // A held lot never merges with a quarantined one (a produced lot is released only by
  // its order's batch release).
  ASSERT_EQ(
      http().Post(kOp + "/produce", Json{{"lot", "FG-H-2"}, {"quantity", 5}}, operator_).status,
      200);
  ASSERT_EQ(
      http().Post("/api/v1/lots/FG-H-2/hold", Json{{"reason", "sample check"}}, quality_).status,
      200);

  struct Case {
    std::string path;
    Json body;
    int status;
    std::string reason, field;
  };
  const std::vector<Case> cases = {
      {"FG-H-1/split", Json{{"sublot", "FG-H-1-B"}, {"quantity", 100}}, 400, "invalid_quantity",
       "quantity"},
      {"FG-H-1/split", Json{{"sublot", "FG-H-1-B"}, {"quantity", -1}}, 400, "invalid_quantity",
       "quantity"},
      {"FG-H-1/split", Json{{"sublot", "FG-H-1-A"}, {"quantity", 1}}, 409, "duplicate_lot",
       "sublot"},
      {"FG-H-1/split", Json{{"sublot", "no spaces"}, {"quantity", 1}}, 400, "malformed_id",
       "sublot"},
      {"FG-H-1-A/split", Json{{"sublot", "FG-H-1-C"}, {"quantity", 1}}, 400, "invalid_quantity",
       "quantity"},
      {"FG-H-1/merge", Json{{"from", Json::array({"FG-H-2"})}}, 422, "invalid_merge", "from[0]"},
      {"FG-H-1/merge", Json{{"from", Json::array({"FG-H-1"})}}, 422, "invalid_merge", "from[0]"},
      {"FG-H-1/merge", Json{{"from", Json::array({"NOPE"})}}, 404, "lot_missing", "from[0]"},
      {"FG-H-1/merge", Json{{"from", Json::array({"FG-H-1-A"})}}, 422, "invalid_transition",
       "from[0]"},
      {"FG-H-1/move", Json{{"location", "WU-DISP-BOOTH1"}}, 422, "same_location", "location"},
      {"FG-H-1-A/move", Json{{"location", "WH-B"}}, 422, "invalid_transition", "lot"},
      {"NOPE/move", Json{{"location", "WH-B"}}, 404, "lot_missing", "lot"},
  };
  for (const Case& c : cases) {
    const std::int64_t head = HeadSeq(http());
    HttpReply r = http().Post("/api/v1/lots/" + c.path, c.body, supervisor_);
    EXPECT_EQ(r.status, c.status) << c.path << " " << c.body.dump() << " " << r.Describe();
    EXPECT_EQ(r.json().value("reason", ""), c.reason) << c.path << " " << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), c.field) << c.path << " " << r.Describe();
    EXPECT_EQ(HeadSeq(http()), head) << c.path << " " << c.body.dump();
  }
  // An operator may not split, merge or move lots.
  HttpReply denied = http().Post("/api/v1/lots/FG-H-1/move", Json{{"location", "WH-B"}}, operator_);
  EXPECT_EQ(denied.status, 403) << denied.Describe();
  HttpReply lot = http().Get("/api/v1/lots/FG-H-1", supervisor_);
  EXPECT_DOUBLE_EQ(lot.json()["lot"]["quantity"].get<double>(), 70);
  EXPECT_EQ(lot.json()["lot"]["location"], "WU-DISP-BOOTH1");
}

TEST_F(LotsProductionApiTest, AnOpenDeviationOfTheOrderHoldsItsProducedLotsBack) {
  ORDO_VERIFIES("ORDO-DEV-12", "ORDO-LOT-31", "IND-04");
  StartAndAcknowledge();
  ASSERT_EQ(
      http().Post(kOp + "/produce", Json{{"lot", "FG-D-1"}, {"quantity", 50}}, operator_).status,
      200);
  // A deviation of the order, opened after the lot was made: it names no lot.
  HttpReply opened = http().Post(
      "/api/v1/deviations",
      Json{{"order_id", kOrder}, {"operation", "10"}, {"title", "booth downflow alarm at 10:40"}},
      supervisor_);
  ASSERT_EQ(opened.status, 201) << opened.Describe();
  const std::string id = opened.json()["deviation"]["id"].get<std::string>();
  const std::int64_t head = HeadSeq(http());
  HttpReply release = http().Post("/api/v1/lots/FG-D-1/release", SigOf("quality"), quality_);
  ExpectReason(release, 422, "failed_precondition", "open_deviation", "lot");
  EXPECT_NE(release.json().value("detail", "").find(id), std::string::npos) << release.Describe();
  // Nor may a split or a merge carry the material away from the block.
  HttpReply split = http().Post("/api/v1/lots/FG-D-1/split",
                                Json{{"sublot", "FG-D-1-A"}, {"quantity", 10}}, supervisor_);
  ExpectReason(split, 422, "failed_precondition", "open_deviation", "lot");
  ASSERT_EQ(
      http().Post(kOp + "/produce", Json{{"lot", "FG-D-2"}, {"quantity", 5}}, operator_).status,
      200);
  const std::int64_t before_merge = HeadSeq(http());
  HttpReply merge = http().Post("/api/v1/lots/FG-D-2/merge",
                                Json{{"from", Json::array({"FG-D-1"})}}, supervisor_);
  ExpectReason(merge, 422, "failed_precondition", "open_deviation", "lot");
  EXPECT_EQ(HeadSeq(http()), before_merge);
  EXPECT_EQ(http().Get("/api/v1/lots/FG-D-1-A", supervisor_).status, 404);
  EXPECT_EQ(before_merge, head + 1) << "the refused release and split recorded nothing";
}

}  // namespace
}  // namespace ordo::testing
