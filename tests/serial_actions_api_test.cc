// Integration tests of quality's actions on serial numbers against the real server (issue
// 11): hold and lift-hold (back to the state held from), reject (signed), the release of
// one serial on its own after its batch release (signed, gated), the list hold in one
// ledger entry (all or none), consumption of a held or rejected serial refused and
// recorded, and bad input of every kind changing nothing.
#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "support/serials_fixture.h"

namespace ordo::testing {
namespace {

class SerialActionsApiTest : public SerialsTest {
 protected:
  HttpReply Act(const std::string& serial, const std::string& action, const Json& body,
                const std::string& token = "") {
    return http().Post("/api/v1/serials/" + serial + "/" + action, body,
                       token.empty() ? quality_ : token);
  }

  Json Signed(Json body, const std::string& role = "quality") const {
    body["signature"] = SigOf(role)["signature"];
    return body;
  }

  Json Serial(const std::string& serial) {
    HttpReply r = http().Get("/api/v1/serials/" + serial, operator_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json().value("serial", Json::object());
  }

  // The ledger entries after `head`, their types in order.
  std::vector<Json> EntriesAfter(std::int64_t head) {
    std::string error;
    std::vector<Json> entries = AllLedger(http(), admin_, &error, head);
    EXPECT_TRUE(error.empty()) << error;
    return entries;
  }

  // The batch record of `order`: {state, content_hash}.
  Json Record(const std::string& order) {
    HttpReply r = http().Get("/api/v1/orders/" + order + "/batch-record", quality_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json().value("batch_record", Json::object());
  }
};

TEST_F(SerialActionsApiTest, HoldAndLiftReturnToTheStateHeldFromAndAHeldSerialIsNotConsumed) {
  ORDO_VERIFIES("ORDO-LOT-52", "ORDO-LOT-55", "ORDO-LOT-61", "ORDO-LOT-62", "P11-06");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  PenRunning();
  if (HasFatalFailure()) return;
  // Only quality holds; a reason is required.
  std::int64_t head = HeadSeq(http());
  ExpectProblem(Act("DLM-T-1", "hold", {{"reason", "x"}}, supervisor_), 403, "permission_denied");
  ExpectProblem(Act("DLM-T-1", "hold", {{"reason", "x"}}, operator_), 403, "permission_denied");
  ExpectReason(Act("DLM-T-1", "hold", Json::object()), 400, "invalid_argument", "missing_field",
               "reason");
  EXPECT_EQ(HeadSeq(http()), head);
  HttpReply held = Act("DLM-T-1", "hold", {{"reason", "display flicker reported"}});
  ASSERT_EQ(held.status, 200) << held.Describe();
  EXPECT_EQ(held.json()["serial"]["state"], "on_hold");
  EXPECT_EQ(held.json()["serial"]["held_from"], "released");
  EXPECT_EQ(held.json()["serial"]["reason"], "display flicker reported");
  std::vector<Json> entries = EntriesAfter(head);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["type"], "lots.serial_held");
  EXPECT_EQ(entries[0]["subject"]["kind"], "serial");
  EXPECT_EQ(entries[0]["subject"]["id"], "DLM-T-1");
  // Held: consumption is refused naming the state, and recorded as a refused attempt.
  head = HeadSeq(http());
  HttpReply refused = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ExpectReason(refused, 422, "failed_precondition", "serial_not_released", "serial");
  EXPECT_NE(refused.json().value("detail", "").find("on_hold"), std::string::npos)
      << refused.Describe();
  entries = EntriesAfter(head);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["type"], "execution.command_refused");
  EXPECT_EQ(Serial("DLM-T-1")["state"], "on_hold");
  // Held twice: refused; lifted: back to released, then consumed.
  ExpectReason(Act("DLM-T-1", "hold", {{"reason", "again"}}), 422, "failed_precondition",
               "invalid_transition", "serial");
  ExpectReason(Act("DLM-T-2", "lift-hold", {{"reason", "x"}}), 422, "failed_precondition",
               "invalid_transition", "serial");
  HttpReply lifted = Act("DLM-T-1", "lift-hold", {{"reason", "flicker was the test rig"}});
  ASSERT_EQ(lifted.status, 200) << lifted.Describe();
  EXPECT_EQ(lifted.json()["serial"]["state"], "released");
  EXPECT_TRUE(lifted.json()["serial"]["held_from"].is_null());
  EXPECT_EQ(lifted.json()["serial"]["reason"], "flicker was the test rig");
  HttpReply consumed = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  EXPECT_EQ(consumed.status, 200) << consumed.Describe();
}

TEST_F(SerialActionsApiTest, ASerialHeldDuringTheBatchReleaseIsReleasedOnItsOwnAfterwards) {
  ORDO_VERIFIES("ORDO-LOT-56", "ORDO-LOT-57", "ORDO-BR-60", "ORDO-BR-61", "IND-04", "P11-13");
  DlmSerialsProduced(false);
  if (HasFatalFailure()) return;
  Order(kPenOrder, "PD-DOSEPEN-3ML", 100);
  if (HasFatalFailure()) return;
  // Before the batch release: a serial is not released on its own.
  std::int64_t head = HeadSeq(http());
  HttpReply early = Act("DLM-T-1", "release", Signed(Json::object()));
  ExpectReason(early, 422, "failed_precondition", "batch_release_required", "serial");
  const std::string why = early.json().value("detail", "");
  EXPECT_NE(why.find("serial DLM-T-1"), std::string::npos) << early.Describe();
  EXPECT_NE(why.find(kDlmOrder), std::string::npos) << early.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
  // A quarantined serial on hold stays out of the batch release and keeps its hold.
  HttpReply held = Act("DLM-T-2", "hold", {{"reason", "drop test pending"}});
  ASSERT_EQ(held.status, 200) << held.Describe();
  EXPECT_EQ(held.json()["serial"]["held_from"], "quarantined");
  head = HeadSeq(http());
  HttpReply batch = http().Post("/api/v1/orders/" + kDlmOrder + "/batch-record/release",
                                SigOf("quality"), quality_);
  ASSERT_EQ(batch.status, 200) << batch.Describe();
  for (const auto& e : EntriesAfter(head))
    if (e["type"] == "lots.serials_released")
      EXPECT_EQ(e["payload"]["serials"], Json::array({"DLM-T-1"})) << e.dump();
  EXPECT_EQ(Serial("DLM-T-1")["state"], "released");
  EXPECT_EQ(Serial("DLM-T-2")["state"], "on_hold");
  const Json sealed = Record(kDlmOrder);
  EXPECT_EQ(sealed["state"], "released");
  // Lifted: back to quarantined; an open deviation naming it (on another order) blocks its
  // release, which names the deviation and changes nothing.
  ASSERT_EQ(Act("DLM-T-2", "lift-hold", {{"reason", "drop test passed"}}).status, 200);
  EXPECT_EQ(Serial("DLM-T-2")["state"], "quarantined");
  HttpReply dv = http().Post(
      "/api/v1/deviations",
      Json{{"order_id", kPenOrder}, {"lots", Json::array({"DLM-T-2"})}, {"title", "scratched"}},
      supervisor_);
  ASSERT_EQ(dv.status, 201) << dv.Describe();
  const std::string dv_id = dv.json()["deviation"]["id"];
  head = HeadSeq(http());
  HttpReply blocked = Act("DLM-T-2", "release", Signed(Json::object()));
  ExpectReason(blocked, 422, "failed_precondition", "open_deviation", "serial");
  EXPECT_NE(blocked.json().value("detail", "").find(dv_id), std::string::npos)
      << blocked.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
  Json sig = SigOf("quality");
  sig["disposition"] = "use_as_is";
  sig["comment"] = "cosmetic only";
  ASSERT_EQ(http().Post("/api/v1/deviations/" + dv_id + "/disposition", sig, quality_).status, 200);
  // Now it is released on its own: a signature bound to the serial, then the event.
  head = HeadSeq(http());
  HttpReply released = Act("DLM-T-2", "release", Signed(Json::object()));
  ASSERT_EQ(released.status, 200) << released.Describe();
  const Json unit = released.json()["serial"];
  EXPECT_EQ(unit["state"], "released");
  ASSERT_EQ(unit["signatures"].size(), 1u) << unit.dump();
  EXPECT_EQ(unit["signatures"][0]["meaning"], "released");
  EXPECT_EQ(unit["signatures"][0]["record_kind"], "serial");
  EXPECT_EQ(unit["signatures"][0]["status"], "valid");
  std::vector<Json> entries = EntriesAfter(head);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]["type"], "signature.applied");
  EXPECT_EQ(entries[1]["type"], "lots.serial_released");
  EXPECT_EQ(entries[1]["signatures"], Json::array({entries[0]["seq"]}));
  ExpectReason(Act("DLM-T-2", "release", Signed(Json::object())), 422, "failed_precondition",
               "invalid_transition", "serial");
  // None of it changed the sealed record: serial quality events are not batch record
  // content.
  const Json after = Record(kDlmOrder);
  EXPECT_EQ(after["state"], "released") << after.dump();
  EXPECT_EQ(after["content_hash"], sealed["content_hash"]);
}

TEST_F(SerialActionsApiTest, AQuarantinedSerialIsRejectedWithASignatureAndIsNeverConsumed) {
  ORDO_VERIFIES("ORDO-LOT-53", "ORDO-LOT-55", "ORDO-LOT-60", "ORDO-LOT-61", "P11-13");
  DlmSerialsProduced(false);
  if (HasFatalFailure()) return;
  const std::int64_t before = HeadSeq(http());
  ExpectReason(Act("DLM-T-1", "reject", Signed(Json::object())), 400, "invalid_argument",
               "missing_field", "reason");
  Json wrong_meaning = Signed({{"reason", "cracked housing"}});
  wrong_meaning["signature"]["meaning"] = "released";
  ExpectReason(Act("DLM-T-1", "reject", wrong_meaning), 400, "invalid_argument", "wrong_meaning",
               "signature.meaning");
  Json wrong_password = Signed({{"reason", "cracked housing"}});
  wrong_password["signature"]["password"] = "not-the-password";
  ExpectReason(Act("DLM-T-1", "reject", wrong_password), 403, "permission_denied",
               "signature_failed", "signature.password");
  // A failed signature is recorded (signature.failed), nothing else.
  for (const auto& e : EntriesAfter(before)) EXPECT_EQ(e["type"], "signature.failed") << e.dump();
  EXPECT_EQ(Serial("DLM-T-1")["state"], "quarantined");
  std::int64_t head = HeadSeq(http());
  HttpReply rejected = Act("DLM-T-1", "reject", Signed({{"reason", "cracked housing"}}));
  ASSERT_EQ(rejected.status, 200) << rejected.Describe();
  EXPECT_EQ(rejected.json()["serial"]["state"], "rejected");
  EXPECT_EQ(rejected.json()["serial"]["reason"], "cracked housing");
  EXPECT_EQ(rejected.json()["serial"]["signatures"][0]["meaning"], "rejected");
  EXPECT_EQ(rejected.json()["serial"]["signatures"][0]["status"], "valid");
  std::vector<Json> entries = EntriesAfter(head);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1]["type"], "lots.serial_rejected");
  EXPECT_EQ(entries[1]["payload"]["reason"], "cracked housing");
  // Rejected is final: no hold, no second rejection; the batch release leaves it out.
  ExpectReason(Act("DLM-T-1", "hold", {{"reason", "x"}}), 422, "failed_precondition",
               "invalid_transition", "serial");
  ExpectReason(Act("DLM-T-1", "reject", Signed({{"reason", "again"}})), 422, "failed_precondition",
               "invalid_transition", "serial");
  ASSERT_EQ(
      http()
          .Post("/api/v1/orders/" + kDlmOrder + "/batch-record/release", SigOf("quality"), quality_)
          .status,
      200);
  EXPECT_EQ(Serial("DLM-T-1")["state"], "rejected");
  EXPECT_EQ(Serial("DLM-T-2")["state"], "released");
  PenRunning();
  if (HasFatalFailure()) return;
  head = HeadSeq(http());
  HttpReply refused = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ExpectReason(refused, 422, "failed_precondition", "serial_not_released", "serial");
  EXPECT_NE(refused.json().value("detail", "").find("rejected"), std::string::npos);
  entries = EntriesAfter(head);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["type"], "execution.command_refused");
}

TEST_F(SerialActionsApiTest, AConsumedSerialIsNeverHeldLiftedRejectedOrReleased) {
  ORDO_VERIFIES("ORDO-LOT-54", "ORDO-LOT-60");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  PenRunning();
  if (HasFatalFailure()) return;
  ASSERT_EQ(http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_).status, 200);
  const std::int64_t head = HeadSeq(http());
  for (const auto& [action, body] :
       std::vector<std::pair<std::string, Json>>{{"hold", {{"reason", "x"}}},
                                                 {"lift-hold", {{"reason", "x"}}},
                                                 {"reject", Signed({{"reason", "x"}})},
                                                 {"release", Signed(Json::object())}}) {
    HttpReply r = Act("DLM-T-1", action, body);
    ExpectReason(r, 422, "failed_precondition", "serial_consumed", "serial");
    EXPECT_NE(r.json().value("detail", "").find(kPenOrder), std::string::npos) << r.Describe();
  }
  ExpectReason(
      http().Post("/api/v1/serials/hold",
                  Json{{"serials", {"DLM-T-2", "DLM-T-1"}}, {"reason", "recall"}}, quality_),
      422, "failed_precondition", "serial_consumed", "serials[1]");
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_EQ(Serial("DLM-T-1")["state"], "consumed");
  EXPECT_EQ(Serial("DLM-T-2")["state"], "released");
  // An unknown serial is 404 for every action.
  for (const char* action : {"hold", "lift-hold"})
    ExpectReason(Act("DLM-NOPE", action, {{"reason", "x"}}), 404, "not_found", "serial_missing",
                 "serial");
  ExpectReason(Act("DLM-NOPE", "reject", Signed({{"reason", "x"}})), 404, "not_found",
               "serial_missing", "serial");
  ExpectReason(Act("DLM-NOPE", "release", Signed(Json::object())), 404, "not_found",
               "serial_missing", "serial");
  ExpectReason(Act("DLM-T-2", "hold", {{"reason", "x"}, {"extra", 1}}), 400, "invalid_argument",
               "unknown_field");
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(SerialActionsApiTest, AListHoldIsOneLedgerEntryForAllOrNone) {
  ORDO_VERIFIES("ORDO-LOT-58", "ORDO-LOT-59", "ORDO-LOT-60");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  auto hold = [&](const Json& serials, const std::string& token = "") {
    return http().Post("/api/v1/serials/hold", Json{{"serials", serials}, {"reason", "recall"}},
                       token.empty() ? quality_ : token);
  };
  const std::int64_t head = HeadSeq(http());
  ExpectReason(hold(Json::array()), 400, "invalid_argument", "missing_field", "serials");
  Json too_many = Json::array();
  for (int i = 0; i < 1001; ++i) too_many.push_back("DLM-T-" + std::to_string(i));
  ExpectReason(hold(too_many), 400, "invalid_argument", "wrong_type", "serials");
  ExpectReason(hold({"DLM-T-1", "DLM-T-1"}), 400, "invalid_argument", "duplicate_serial",
               "serials[1]");
  HttpReply unknown = hold({"DLM-T-1", "DLM-NOPE"});
  ExpectReason(unknown, 404, "not_found", "serial_missing", "serials[1]");
  EXPECT_NE(unknown.json().value("detail", "").find("DLM-NOPE"), std::string::npos);
  ExpectReason(http().Post("/api/v1/serials/hold", Json{{"serials", {"DLM-T-1"}}}, quality_), 400,
               "invalid_argument", "missing_field", "reason");
  ExpectProblem(hold({"DLM-T-1"}, supervisor_), 403, "permission_denied");
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_EQ(Serial("DLM-T-1")["state"], "released");
  // The good list: one entry, both held from released.
  HttpReply held = hold({"DLM-T-2", "DLM-T-1"});
  ASSERT_EQ(held.status, 200) << held.Describe();
  EXPECT_EQ(held.json()["held"], 2);
  std::vector<Json> entries = EntriesAfter(head);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["type"], "lots.serials_held");
  EXPECT_EQ(entries[0]["subject"]["kind"], "serial_list");
  EXPECT_EQ(entries[0]["payload"]["serials"], Json({"DLM-T-2", "DLM-T-1"}));
  EXPECT_EQ(entries[0]["payload"]["reason"], "recall");
  for (const char* s : {"DLM-T-1", "DLM-T-2"}) {
    EXPECT_EQ(Serial(s)["state"], "on_hold");
    EXPECT_EQ(Serial(s)["held_from"], "released");
  }
  // Held already: the whole list is refused, naming the serial.
  const std::int64_t again = HeadSeq(http());
  HttpReply twice = hold({"DLM-T-1"});
  ExpectReason(twice, 422, "failed_precondition", "invalid_transition", "serials[0]");
  EXPECT_EQ(HeadSeq(http()), again);
  // Each is lifted on its own, back to released.
  ASSERT_EQ(Act("DLM-T-1", "lift-hold", {{"reason", "recall closed"}}).status, 200);
  EXPECT_EQ(Serial("DLM-T-1")["state"], "released");
}

}  // namespace
}  // namespace ordo::testing
