// Unit tests of quality's actions on serial numbers: hold, lift, reject, release and the
// list hold (serial_actions.h).
#include "mes/lots/domain/serial_actions.h"

#include <gtest/gtest.h>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mes/lots/events.h"
#include "mes/signatures/events.h"

namespace ordo::lots {
namespace {

SerialUnit SerialOf(const std::string& serial = "DLM-1", const std::string& state = "quarantined") {
  SerialUnit u;
  u.serial = serial;
  u.material = "DV-DLM";
  u.order_id = "WO-DLM-1";
  u.operation = "10";
  u.work_unit = "WU-KIT-01";
  u.source = "generated";
  u.state = state;
  u.produced_seq = 40;
  return u;
}

Signer Quality(const std::string& meaning) {
  Signer s;
  s.user_id = 4;
  s.name = "qa.anna";
  s.printed_name = "Anna QA";
  s.meaning = meaning;
  s.active = true;
  s.policy_acknowledged = true;
  return s;
}

void ExpectRefused(const Status& s, const std::string& reason, const std::string& field,
                   const std::string& named) {
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(s.error().reason, reason);
  EXPECT_EQ(s.error().field, field);
  EXPECT_NE(s.error().message.find(named), std::string::npos) << s.error().message;
}

TEST(SerialActions, HoldFromQuarantineOrReleasedAndLiftReturnsToIt) {
  ORDO_VERIFIES("ORDO-LOT-52");
  for (const char* from : {"quarantined", "released"}) {
    SerialUnit u = SerialOf("DLM-1", from);
    EXPECT_TRUE(CheckSerialTransition(u, LotAction::kHold).ok());
    ExpectRefused(CheckSerialTransition(u, LotAction::kLiftHold), "invalid_transition", "serial",
                  std::string("is ") + from);
    EXPECT_EQ(SerialStateAfter(u, LotAction::kHold), "on_hold");
    u.state = "on_hold";
    u.held_from = from;
    EXPECT_TRUE(CheckSerialTransition(u, LotAction::kLiftHold).ok());
    EXPECT_EQ(SerialStateAfter(u, LotAction::kLiftHold), from);
  }
  for (const char* state : {"on_hold", "rejected"})
    ExpectRefused(CheckSerialTransition(SerialOf("DLM-1", state), LotAction::kHold),
                  "invalid_transition", "serial", std::string("is ") + state);
  auto held = DecideSerialHold(SerialOf(), LotAction::kHold, "label damaged");
  ASSERT_TRUE(held.ok()) << held.error().message;
  ASSERT_EQ(held->size(), 1u);
  EXPECT_EQ((*held)[0].type, SerialHeld::kType);
  EXPECT_EQ((*held)[0].subject_kind, "serial");
  EXPECT_EQ((*held)[0].subject_id, "DLM-1");
  EXPECT_EQ((*held)[0].payload["reason"], "label damaged");
  SerialUnit on_hold = SerialOf("DLM-1", "on_hold");
  on_hold.held_from = "released";
  auto lifted = DecideSerialHold(on_hold, LotAction::kLiftHold, "label replaced");
  ASSERT_TRUE(lifted.ok());
  EXPECT_EQ((*lifted)[0].type, SerialHoldLifted::kType);
  EXPECT_FALSE(DecideSerialHold(SerialOf(), LotAction::kRelease, "x").ok());
}

TEST(SerialActions, ReleaseAndRejectOnlyFromQuarantineSigned) {
  ORDO_VERIFIES("ORDO-LOT-53", "ORDO-LOT-56", "P11-13");
  for (const char* state : {"released", "on_hold", "rejected"})
    for (LotAction a : {LotAction::kRelease, LotAction::kReject})
      ExpectRefused(CheckSerialTransition(SerialOf("DLM-1", state), a), "invalid_transition",
                    "serial", std::string("is ") + state);
  auto released =
      DecideSerialDisposition(SerialOf(), LotAction::kRelease, "", Quality("released"), 41);
  ASSERT_TRUE(released.ok()) << released.error().message;
  ASSERT_EQ(released->size(), 2u);
  const ledger::Event& sig = (*released)[0];
  EXPECT_EQ(sig.type, signatures::SignatureApplied::kType);
  EXPECT_EQ(sig.payload["meaning"], "released");
  EXPECT_EQ(sig.payload["record_kind"], "serial");
  EXPECT_EQ(sig.payload["record_id"], "DLM-1");
  EXPECT_EQ(sig.payload["content_hash"],
            Sha256Hex(CanonicalJson(SerialDispositionRecord(SerialOf(), "released", ""))));
  EXPECT_EQ((*released)[1].type, SerialReleased::kType);
  EXPECT_EQ((*released)[1].signatures, Json::array({41}));
  auto rejected = DecideSerialDisposition(SerialOf(), LotAction::kReject, "cracked housing",
                                          Quality("rejected"), 9);
  ASSERT_TRUE(rejected.ok()) << rejected.error().message;
  EXPECT_EQ((*rejected)[1].type, SerialRejected::kType);
  EXPECT_EQ((*rejected)[1].payload["reason"], "cracked housing");
  // A wrong meaning, no reason, a disabled signer, no policy acknowledgement.
  EXPECT_EQ(DecideSerialDisposition(SerialOf(), LotAction::kRelease, "", Quality("rejected"), 1)
                .error()
                .field,
            "signature.meaning");
  auto no_reason =
      DecideSerialDisposition(SerialOf(), LotAction::kReject, "", Quality("rejected"), 1);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().reason, "missing_field");
  EXPECT_NE(no_reason.error().message.find("serial"), std::string::npos);
  Signer disabled = Quality("released");
  disabled.active = false;
  EXPECT_EQ(DecideSerialDisposition(SerialOf(), LotAction::kRelease, "", disabled, 1).error().code,
            ErrorCode::kUnauthenticated);
  Signer unacknowledged = Quality("released");
  unacknowledged.policy_acknowledged = false;
  EXPECT_EQ(DecideSerialDisposition(SerialOf(), LotAction::kRelease, "", unacknowledged, 1)
                .error()
                .reason,
            "policy_not_acknowledged");
  EXPECT_FALSE(
      DecideSerialDisposition(SerialOf(), LotAction::kHold, "x", Quality("released"), 1).ok());
}

TEST(SerialActions, AConsumedSerialIsNeverHeldLiftedRejectedOrReleased) {
  ORDO_VERIFIES("ORDO-LOT-54");
  SerialUnit u = SerialOf("DLM-1", "consumed");
  u.consumed_order_id = "WO-PEN-7";
  for (LotAction a :
       {LotAction::kHold, LotAction::kLiftHold, LotAction::kReject, LotAction::kRelease}) {
    ExpectRefused(CheckSerialTransition(u, a), "serial_consumed", "serial", "WO-PEN-7");
  }
  auto held = DecideSerialHold(u, LotAction::kHold, "x");
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.error().reason, "serial_consumed");
}

TEST(SerialActions, AnOpenDeviationBlocksOnlyTheRelease) {
  ORDO_VERIFIES("ORDO-LOT-57", "IND-04");
  EXPECT_TRUE(CheckSerialNoOpenDeviation(SerialOf(), LotAction::kRelease, {}).ok());
  ExpectRefused(
      CheckSerialNoOpenDeviation(SerialOf(), LotAction::kRelease, {"DV-000001", "DV-000003"}),
      "open_deviation", "serial", "DV-000001, DV-000003");
  EXPECT_TRUE(CheckSerialNoOpenDeviation(SerialOf(), LotAction::kHold, {"DV-000001"}).ok());
  EXPECT_TRUE(CheckSerialNoOpenDeviation(SerialOf(), LotAction::kReject, {"DV-000001"}).ok());
}

TEST(SerialActions, ReasonsAreCheckedAlone) {
  ORDO_VERIFIES("ORDO-LOT-60", "A11-07");
  EXPECT_TRUE(ValidateSerialReason(LotAction::kRelease, "").ok());
  for (LotAction a : {LotAction::kReject, LotAction::kHold, LotAction::kLiftHold}) {
    Status s = ValidateSerialReason(a, "");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "reason");
    EXPECT_EQ(s.error().reason, "missing_field");
  }
  EXPECT_EQ(ValidateSerialReason(LotAction::kHold, std::string(1001, 'x')).error().reason,
            "too_long");
  EXPECT_EQ(ValidateSerialReason(LotAction::kHold, std::string("a\x01")).error().reason,
            "malformed");
}

std::vector<ListedSerial> Listed(std::initializer_list<SerialUnit> units) {
  std::vector<ListedSerial> out;
  for (const auto& u : units) out.push_back({u.serial, u});
  return out;
}

TEST(SerialActions, AListHoldIsOneEntryForAllOrNone) {
  ORDO_VERIFIES("ORDO-LOT-58", "ORDO-LOT-59");
  auto held = DecideSerialsHold(
      Listed({SerialOf("DLM-1"), SerialOf("DLM-2", "released"), SerialOf("DLM-3")}),
      "supplier recall", 77);
  ASSERT_TRUE(held.ok()) << held.error().message;
  ASSERT_EQ(held->size(), 1u);
  EXPECT_EQ((*held)[0].type, SerialsHeld::kType);
  EXPECT_EQ((*held)[0].subject_kind, "serial_list");
  EXPECT_EQ((*held)[0].subject_id, "SH-77");
  EXPECT_EQ((*held)[0].payload["serials"], Json({"DLM-1", "DLM-2", "DLM-3"}));
  EXPECT_EQ((*held)[0].payload["reason"], "supplier recall");

  auto refused = [](const std::vector<ListedSerial>& listed, const std::string& reason,
                    const std::string& field, const std::string& named) {
    auto r = DecideSerialsHold(listed, "recall", 1);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().reason, reason);
    EXPECT_EQ(r.error().field, field);
    EXPECT_NE(r.error().message.find(named), std::string::npos) << r.error().message;
  };
  refused({}, "missing_field", "serials", "at least one");
  std::vector<ListedSerial> too_many(kMaxSerialsPerHold + 1, ListedSerial{"X", SerialOf("X")});
  refused(too_many, "too_many", "serials", "1001");
  refused(Listed({SerialOf("DLM-1"), SerialOf("DLM-2"), SerialOf("DLM-1")}), "duplicate_serial",
          "serials[2]", "DLM-1");
  std::vector<ListedSerial> unknown = Listed({SerialOf("DLM-1")});
  unknown.push_back({"DLM-NOPE", std::nullopt});
  refused(unknown, "serial_missing", "serials[1]", "DLM-NOPE");
  EXPECT_EQ(DecideSerialsHold(unknown, "recall", 1).error().code, ErrorCode::kNotFound);
  refused(Listed({SerialOf("DLM-1"), SerialOf("DLM-2", "rejected")}), "invalid_transition",
          "serials[1]", "DLM-2");
  refused(Listed({SerialOf("DLM-1", "consumed")}), "serial_consumed", "serials[0]", "DLM-1");
  refused({{"", std::nullopt}}, "missing_field", "serials[0]", "serials[0]");
  auto no_reason = DecideSerialsHold(Listed({SerialOf("DLM-1")}), "", 1);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().field, "reason");
}

}  // namespace
}  // namespace ordo::lots
