// Integration tests of execution against the real server, beside the plant stories
// (tests/stories/operator-runs-an-order.json): what a story cannot say. Two terminals
// consuming one lot at once never overdraw it; a consumption retried with the same
// Idempotency-Key is recorded once; an operator without the qualification is refused and
// the refusal recorded; every endpoint refuses anonymous callers and the wrong roles; bad
// input changes nothing.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <tuple>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

const std::string kOrder = "WO-EXEC-1";
const std::string kOp = "/api/v1/orders/" + kOrder + "/operations/10";

class ExecutionApiTest : public MasterdataTest {
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
    ReceiveReleased("L-API-X", 10);
  }

  void ReceiveReleased(const std::string& lot, double kg) {
    HttpReply r = http().Post("/api/v1/lots",
                              Json{{"lot", lot},
                                   {"material", "RM-PCM-API"},
                                   {"supplier", "Acme"},
                                   {"supplier_lot", "S-" + lot},
                                   {"quantity", kg},
                                   {"unit", "kg"},
                                   {"expiry", "2099-01-31"}},
                              supervisor_);
    ASSERT_EQ(r.status, 201) << r.Describe();
    HttpReply released =
        http().Post("/api/v1/lots/" + lot + "/release", SigOf("quality"), quality_);
    ASSERT_EQ(released.status, 200) << released.Describe();
  }

  // Starts operation 10 on the booth and acknowledges its instructions, as `token`.
  void StartAndAcknowledge(const std::string& token) {
    HttpReply s = http().Post(kOp + "/start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, token);
    ASSERT_EQ(s.status, 200) << s.Describe();
    HttpReply a = http().Post(kOp + "/acknowledge-instructions", Json::object(), token);
    ASSERT_EQ(a.status, 200) << a.Describe();
  }

  double LotQuantity(const std::string& lot) {
    HttpReply r = http().Get("/api/v1/lots/" + lot, supervisor_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["lot"]["quantity"].get<double>();
  }

  std::string supervisor_, operator_;
};

TEST_F(ExecutionApiTest, TwoTerminalsConsumingOneLotAtOnceNeverOverdrawIt) {
  ORDO_VERIFIES("IND-01", "DI-05", "ORDO-EXEC-15", "ORDO-LOT-09", "ORDO-EXEC-30");
  StartAndAcknowledge(operator_);
  // 2 terminals x 8 requests of 1 kg against a lot of 10 kg: exactly 10 succeed.
  std::atomic<int> accepted{0}, short_of_quantity{0}, other{0};
  auto terminal = [&] {
    HttpClient client = server_->Client();
    for (int i = 0; i < 8; ++i) {
      HttpReply r =
          client.Post(kOp + "/consume", Json{{"lot", "L-API-X"}, {"quantity", 1}}, operator_);
      if (r.status == 200)
        ++accepted;
      else if (r.json().value("reason", "") == "insufficient_quantity")
        ++short_of_quantity;
      else
        ++other;
    }
  };
  std::thread a(terminal), b(terminal);
  a.join();
  b.join();
  EXPECT_EQ(accepted.load(), 10);
  EXPECT_EQ(short_of_quantity.load(), 6);
  EXPECT_EQ(other.load(), 0);
  EXPECT_DOUBLE_EQ(LotQuantity("L-API-X"), 0);
  HttpReply lot = http().Get("/api/v1/lots/L-API-X", supervisor_);
  EXPECT_EQ(lot.json()["lot"]["status"], "consumed") << lot.Describe();
}

TEST_F(ExecutionApiTest, AConsumptionRetriedWithTheSameKeyIsRecordedOnce) {
  ORDO_VERIFIES("DI-05", "ORDO-EXEC-30", "ORDO-API-02");
  StartAndAcknowledge(operator_);
  const Headers key{{"Idempotency-Key", "terminal-7-scan-0001"}};
  const Json body{{"lot", "L-API-X"}, {"quantity", 2.5}};
  HttpReply first = http().Post(kOp + "/consume", body, operator_, key);
  ASSERT_EQ(first.status, 200) << first.Describe();
  const std::int64_t head = HeadSeq(http());
  HttpReply again = http().Post(kOp + "/consume", body, operator_, key);
  EXPECT_EQ(again.status, 200) << again.Describe();
  EXPECT_EQ(again.json()["consumed"], first.json()["consumed"]);
  EXPECT_EQ(HeadSeq(http()), head) << "a retry must not record a second consumption";
  EXPECT_DOUBLE_EQ(LotQuantity("L-API-X"), 7.5);
}

TEST_F(ExecutionApiTest, AnOperatorWithoutTheQualificationIsRefusedAndTheRefusalRecorded) {
  ORDO_VERIFIES("P11-09", "ORDO-EXEC-04", "ORDO-EXEC-28", "ORDO-API-02");
  ApiUser trainee = CreateUser("trainee", Json::array({"operator"}));
  const std::int64_t head = HeadSeq(http());
  HttpReply r = http().Post(kOp + "/start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, trainee.token);
  ExpectReason(r, 403, "permission_denied", "not_qualified", "user");
  EXPECT_NE(r.json().value("detail", "").find("GMP-BASIC"), std::string::npos) << r.Describe();
  // Recorded: the ledger moved by one entry, execution.command_refused.
  EXPECT_EQ(HeadSeq(http()), head + 1);
  std::string error;
  auto entries = AllLedger(http(), admin_, &error, head);
  ASSERT_EQ(entries.size(), 1u) << error;
  EXPECT_EQ(entries[0]["type"], "execution.command_refused");
  EXPECT_EQ(entries[0]["actor"], "trainee");
  // The operation did not start.
  HttpReply view = http().Get(kOp, trainee.token);
  EXPECT_EQ(view.json()["operation"]["state"], "pending") << view.Describe();

  // The same refusal retried with its Idempotency-Key is answered alike and recorded once.
  const Headers key{{"Idempotency-Key", "trainee-start-1"}};
  HttpReply first =
      http().Post(kOp + "/start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, trainee.token, key);
  ExpectReason(first, 403, "permission_denied", "not_qualified", "user");
  const std::int64_t after_first = HeadSeq(http());
  HttpReply retried =
      http().Post(kOp + "/start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, trainee.token, key);
  ExpectReason(retried, 403, "permission_denied", "not_qualified", "user");
  EXPECT_EQ(HeadSeq(http()), after_first);

  // Once a qualified operator started it, the trainee may not record on it either.
  StartAndAcknowledge(operator_);
  for (const auto& [verb, body] : std::vector<std::pair<std::string, Json>>{
           {"acknowledge-instructions", Json::object()},
           {"consume", Json{{"lot", "L-API-X"}, {"quantity", 1}}},
           {"parameters", Json{{"name", "booth_downflow_velocity"}, {"value", 0.45}}},
           {"characteristics", Json{{"name", "net_weight_deviation"}, {"values", {0.1}}}}}) {
    HttpReply refused = http().Post(kOp + "/" + verb, body, trainee.token);
    ExpectReason(refused, 403, "permission_denied", "not_qualified", "user");
  }
  EXPECT_DOUBLE_EQ(LotQuantity("L-API-X"), 10);
}

TEST_F(ExecutionApiTest, HoldPausesTheRunningOperationResumeRestartsNothingCancelClosesItOut) {
  ORDO_VERIFIES("P11-06", "ORDO-ORDER-20", "ORDO-ORDER-21", "ORDO-ORDER-22", "ORDO-ORDER-23");
  const std::string order = "/api/v1/orders/" + kOrder;
  StartAndAcknowledge(operator_);
  std::int64_t head = HeadSeq(http());
  HttpReply held = http().Post(order + "/hold", Json{{"reason", "QA query"}}, supervisor_);
  ASSERT_EQ(held.status, 200) << held.Describe();
  EXPECT_EQ(held.json()["order"]["state"], "on_hold");
  // One command: the hold and the pause of the running operation, with the hold's reason.
  std::string error;
  auto entries = AllLedger(http(), admin_, &error, head);
  ASSERT_EQ(entries.size(), 2u) << error;
  EXPECT_EQ(entries[0]["type"], "orders.order_held");
  EXPECT_EQ(entries[1]["type"], "orders.operation_paused");
  EXPECT_EQ(entries[1]["payload"]["operation"], "10");
  EXPECT_EQ(entries[1]["payload"]["reason"], "order held: QA query");
  EXPECT_EQ(entries[1]["actor"], "supervisor");
  HttpReply view = http().Get(kOp, operator_);
  EXPECT_EQ(view.json()["operation"]["state"], "paused") << view.Describe();
  EXPECT_EQ(view.json()["operation"]["order_state"], "on_hold");

  // While the order is held no command on its operations is accepted; each refusal names
  // the state in the way and changes nothing.
  head = HeadSeq(http());
  for (const auto& [verb, body, field] : std::vector<std::tuple<std::string, Json, std::string>>{
           {"resume", Json::object(), "order_id"},
           {"pause", Json::object(), "operation"},
           {"start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, "order_id"},
           {"acknowledge-instructions", Json::object(), "order_id"},
           {"consume", Json{{"lot", "L-API-X"}, {"quantity", 1}}, "order_id"},
           {"parameters", Json{{"name", "booth_downflow_velocity"}, {"value", 0.45}}, "order_id"},
           {"complete", Json{{"good", 1}}, "order_id"}}) {
    HttpReply refused = verb == "resume"  // takes no body
                            ? http().Request("POST", kOp + "/resume", "", operator_)
                            : http().Post(kOp + "/" + verb, body, operator_);
    ExpectReason(refused, 422, "failed_precondition", "invalid_transition", field);
    const std::string detail = refused.json().value("detail", "");
    EXPECT_TRUE(detail.find("on_hold") != std::string::npos ||
                detail.find("paused") != std::string::npos)
        << verb << ": " << refused.Describe();
  }
  EXPECT_EQ(HeadSeq(http()), head);

  // Resuming the order restarts nothing: the operator resumes the operation.
  HttpReply resumed = http().Post(order + "/resume", Json::object(), supervisor_);
  ASSERT_EQ(resumed.status, 200) << resumed.Describe();
  EXPECT_EQ(resumed.json()["order"]["state"], "in_progress");
  view = http().Get(kOp, operator_);
  EXPECT_EQ(view.json()["operation"]["state"], "paused") << view.Describe();
  HttpReply consume =
      http().Post(kOp + "/consume", Json{{"lot", "L-API-X"}, {"quantity", 1}}, operator_);
  ExpectReason(consume, 422, "failed_precondition", "invalid_transition", "operation");
  HttpReply op_resumed = http().Request("POST", kOp + "/resume", "", operator_);
  ASSERT_EQ(op_resumed.status, 200) << op_resumed.Describe();
  EXPECT_EQ(op_resumed.json()["operation"]["state"], "in_progress");

  // Held again and cancelled: the cancellation closes the operation out.
  ASSERT_EQ(http().Post(order + "/hold", Json{{"reason", "line down"}}, supervisor_).status, 200);
  head = HeadSeq(http());
  HttpReply cancelled =
      http().Post(order + "/cancel", Json{{"reason", "customer withdrew"}}, supervisor_);
  ASSERT_EQ(cancelled.status, 200) << cancelled.Describe();
  EXPECT_EQ(cancelled.json()["order"]["state"], "cancelled");
  entries = AllLedger(http(), admin_, &error, head);
  ASSERT_EQ(entries.size(), 1u) << error;
  HttpReply detail = http().Get(order, supervisor_);
  ASSERT_EQ(detail.status, 200) << detail.Describe();
  Json closed_out = Json::array();
  const Json detail_json = detail.json();
  for (const auto& op : detail_json["operations"]) {
    EXPECT_EQ(op["state"], "cancelled") << op.dump();
    closed_out.push_back(op["operation"]);
  }
  EXPECT_GE(closed_out.size(), 2u);
  EXPECT_EQ(closed_out[0], "10");
  EXPECT_EQ(entries[0]["payload"]["operations"], closed_out);
  view = http().Get(kOp, operator_);
  EXPECT_EQ(view.json()["operation"]["state"], "cancelled");
  HttpReply after = http().Request("POST", kOp + "/resume", "", operator_);
  ExpectReason(after, 422, "failed_precondition", "invalid_transition", "operation");
  // The teardown checks that a replay of the ledger yields the same tables.
}

TEST_F(ExecutionApiTest, TheStartRecordsTheOperatorsQualificationsAndTheViewShowsThem) {
  ORDO_VERIFIES("P11-09", "ORDO-EXEC-41", "ORDO-EXEC-43");
  HttpReply before = http().Get(kOp, operator_);
  ASSERT_EQ(before.status, 200) << before.Describe();
  EXPECT_EQ(before.json()["operation"]["qualifications_at_start"], Json::array());
  const Json required = before.json()["operation"]["spec"]["qualifications"];
  ASSERT_FALSE(required.empty()) << before.Describe();

  const std::int64_t head = HeadSeq(http());
  StartAndAcknowledge(operator_);
  std::string error;
  auto entries = AllLedger(http(), admin_, &error, head);
  Json started;
  for (const auto& e : entries)
    if (e["type"] == "orders.operation_started") started = e["payload"];
  ASSERT_TRUE(started.is_object()) << error;
  const Json& recorded = started["qualifications"];
  ASSERT_EQ(recorded.size(), required.size()) << started.dump();

  // Each names a grant the operator holds of that qualification, with its expiry.
  HttpReply grants = http().Get("/api/v1/personnel/qualifications", engineer_);
  ASSERT_EQ(grants.status, 200) << grants.Describe();
  const Json all = grants.json()["grants"];
  for (std::size_t i = 0; i < required.size(); ++i) {
    const Json& q = recorded[i];
    EXPECT_EQ(q["qualification"], required[i]) << q.dump();
    bool found = false;
    for (const auto& g : all) {
      if (g["seq"] != q["grant_id"]) continue;
      found = true;
      EXPECT_EQ(g["user_id"], started["user_id"]) << g.dump();
      EXPECT_EQ(g["qualification"], q["qualification"]) << g.dump();
      EXPECT_EQ(g["expires"].is_null() ? "" : g["expires"].get<std::string>(), q["valid_until"]);
      EXPECT_EQ(g["status"], "valid") << g.dump();
    }
    EXPECT_TRUE(found) << q.dump() << " in " << all.dump();
  }

  // The operation view shows the same (and so does it for another user).
  HttpReply view = http().Get(kOp, supervisor_);
  ASSERT_EQ(view.status, 200) << view.Describe();
  EXPECT_EQ(view.json()["operation"]["qualifications_at_start"], recorded);
}

TEST_F(ExecutionApiTest, ABomItemTiedToAnOperationIsConsumedThereAndRefusedElsewhere) {
  ORDO_VERIFIES("ORDO-EXEC-44", "ORDO-EXEC-45", "ORDO-EXEC-28", "IND-01");
  // The demo ties the raw materials to dispensing (10) and the packaging to 60; the
  // release pinned it and the order shows it.
  HttpReply order = http().Get("/api/v1/orders/" + kOrder, supervisor_);
  ASSERT_EQ(order.status, 200) << order.Describe();
  const Json detail = order.json();
  int tied = 0;
  for (const auto& line : detail["bom"]) {
    const std::string material = line["material"];
    if (material.rfind("RM-", 0) == 0) EXPECT_EQ(line["operation"], "10") << line.dump();
    if (material.rfind("PK-", 0) == 0) EXPECT_EQ(line["operation"], "60") << line.dump();
    tied += line["operation"].is_string();
  }
  EXPECT_EQ(tied, static_cast<int>(detail["bom"].size()));
  HttpReply view = http().Get(kOp, operator_);
  const Json view_body = view.json();  // the range must not be a temporary's part
  for (const auto& m : view_body["operation"]["materials"])
    if (m["material"] == "RM-PCM-API") EXPECT_EQ(m["operation"], "10") << m.dump();

  // At dispensing the API is consumed against its item.
  StartAndAcknowledge(operator_);
  HttpReply ok =
      http().Post(kOp + "/consume", Json{{"lot", "L-API-X"}, {"quantity", 1}}, operator_);
  ASSERT_EQ(ok.status, 200) << ok.Describe();
  EXPECT_EQ(ok.json()["consumed"]["bom_material"], "RM-PCM-API");

  // The demo's order in progress runs granulation (20): the API is refused there, named
  // with what 20 expects and where the API is consumed, and the refusal is recorded.
  const std::string granulation = "/api/v1/orders/WO-DEMO-1002/operations/20";
  HttpReply running = http().Get(granulation, operator_);
  ASSERT_EQ(running.status, 200) << running.Describe();
  ASSERT_EQ(running.json()["operation"]["state"], "in_progress") << running.Describe();
  HttpReply ack = http().Post(granulation + "/acknowledge-instructions", Json::object(), operator_);
  ASSERT_EQ(ack.status, 200) << ack.Describe();
  const std::int64_t head = HeadSeq(http());
  HttpReply refused = http().Post(granulation + "/consume",
                                  Json{{"lot", "L-RM-PCM-API-01"}, {"quantity", 1}}, operator_);
  ExpectReason(refused, 422, "failed_precondition", "wrong_material", "lot");
  const std::string message = refused.json().value("detail", "");
  EXPECT_NE(message.find("operation 20"), std::string::npos) << message;
  EXPECT_NE(message.find("RM-PCM-API is consumed at operation 10"), std::string::npos) << message;
  EXPECT_EQ(HeadSeq(http()), head + 1);
  std::string error;
  auto entries = AllLedger(http(), admin_, &error, head);
  ASSERT_EQ(entries.size(), 1u) << error;
  EXPECT_EQ(entries[0]["type"], "execution.command_refused");
}

TEST_F(ExecutionApiTest, EveryEndpointRefusesAnonymousCallersAndTheWrongRoles) {
  ORDO_VERIFIES("P11-07", "ORDO-EXEC-30");
  const std::int64_t head = HeadSeq(http());
  for (const char* verb : {"start", "pause", "resume", "acknowledge-instructions", "consume",
                           "parameters", "characteristics", "complete", "verify"}) {
    const std::string path = kOp + "/" + verb;
    EXPECT_EQ(http().Post(path, Json::object()).status, 401) << verb;
    // The engineer and the admin may not perform (nor verify) operations.
    EXPECT_EQ(http().Post(path, Json::object(), engineer_).status, 403) << verb;
    EXPECT_EQ(http().Post(path, Json::object(), admin_).status, 403) << verb;
  }
  EXPECT_EQ(http().Get(kOp).status, 401);
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(ExecutionApiTest, BadInputGetsAClearErrorAndChangesNothing) {
  ORDO_VERIFIES("A11-04", "ORDO-EXEC-30", "ORDO-EXEC-20", "P11-08");
  StartAndAcknowledge(operator_);
  const std::int64_t head = HeadSeq(http());
  struct Case {
    std::string verb;
    Json body;
    int status;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"consume", Json{{"lot", "L-API-X"}}, 400, "quantity"},
      {"consume", Json{{"lot", "L-API-X"}, {"quantity", "a lot"}}, 400, "quantity"},
      {"consume", Json{{"lot", "L-API-X"}, {"quantity", -1}}, 400, "quantity"},
      {"consume", Json{{"lot", "L-API-X"}, {"quantity", 1}, {"unit", "lb"}}, 400, "unit"},
      {"consume", Json{{"quantity", 1}}, 400, "lot"},
      {"consume", Json{{"scan", "]d20104099120001315\u001d10X"}, {"quantity", 1}}, 400, "scan"},
      {"consume", Json{{"lot", "NO-SUCH-LOT"}, {"quantity", 1}}, 404, "lot"},
      {"parameters", Json{{"name", "no_such_parameter"}, {"value", 1}}, 400, "name"},
      {"parameters", Json{{"name", "booth_downflow_velocity"}}, 400, "value"},
      // A person's session cannot claim a value came from the equipment (P11-08).
      {"parameters",
       Json{{"name", "booth_downflow_velocity"}, {"value", 0.4}, {"source", "equipment"}}, 400,
       "source"},
      {"parameters",
       Json{{"name", "booth_downflow_velocity"}, {"value", 0.4}, {"occurred_at", "yesterday"}}, 400,
       "occurred_at"},
      {"characteristics", Json{{"name", "net_weight_deviation"}, {"values", Json::array()}}, 400,
       "values"},
      {"characteristics", Json{{"name", "net_weight_deviation"}, {"values", {"x"}}}, 400, "values"},
      {"complete", Json{{"good", -5}}, 400, "good"},
      {"complete", Json{{"good", 1}, {"scrap", 2}}, 400, "scrap_reasons"},
      {"start", Json::object(), 400, "work_unit"},
  };
  for (const auto& c : cases) {
    HttpReply r = http().Post(kOp + "/" + c.verb, c.body, operator_);
    EXPECT_EQ(r.status, c.status) << c.verb << " " << c.body.dump() << "\n" << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), c.field) << c.verb << " " << c.body.dump() << "\n"
                                                    << r.Describe();
    EXPECT_FALSE(r.json().value("detail", "").empty()) << r.Describe();
  }
  EXPECT_EQ(http()
                .Post("/api/v1/orders/NO-ORDER/operations/10/start",
                      Json{{"work_unit", "WU-DISP-BOOTH1"}}, operator_)
                .status,
            404);
  EXPECT_EQ(http()
                .Post("/api/v1/orders/" + kOrder + "/operations/99/start",
                      Json{{"work_unit", "WU-DISP-BOOTH1"}}, operator_)
                .status,
            404);
  EXPECT_EQ(HeadSeq(http()), head) << "bad input must not move the ledger";
  EXPECT_DOUBLE_EQ(LotQuantity("L-API-X"), 10);
}

}  // namespace
}  // namespace ordo::testing
