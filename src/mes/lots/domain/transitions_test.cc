// Unit tests of release, rejection and holds of a lot.
#include "mes/lots/domain/transitions.h"

#include <gtest/gtest.h>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mes/lots/events.h"
#include "mes/signatures/events.h"

namespace ordo::lots {
namespace {

TimeMicros Noon() {
  TimeMicros t = 0;
  EXPECT_TRUE(ParseIsoTime("2026-11-30T12:00:00Z", &t));
  return t;
}

Lot Quarantined() {
  Lot l;
  l.lot = "L-7";
  l.material = "RM-PCM-API";
  l.supplier = "Acme";
  l.supplier_lot = "A-1";
  l.base_unit = "kg";
  l.state = "quarantined";
  l.received_quantity = l.quantity = 25;
  l.expiry = "2028-01-31";
  return l;
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

void ExpectTransitionRefused(const Status& s, const std::string& current) {
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(s.error().reason, "invalid_transition");
  EXPECT_EQ(s.error().field, "lot");
  EXPECT_NE(s.error().message.find("is " + current), std::string::npos) << s.error().message;
}

TEST(LotTransitions, ReleaseAndRejectOnlyFromQuarantine) {
  ORDO_VERIFIES("ORDO-LOT-05", "ORDO-LOT-04", "P11-06");
  Lot l = Quarantined();
  EXPECT_TRUE(CheckTransition(l, LotAction::kRelease, Noon()).ok());
  EXPECT_TRUE(CheckTransition(l, LotAction::kReject, Noon()).ok());
  for (const char* state : {"released", "rejected", "on_hold", "consumed"}) {
    l.state = state;
    ExpectTransitionRefused(CheckTransition(l, LotAction::kRelease, Noon()), state);
    ExpectTransitionRefused(CheckTransition(l, LotAction::kReject, Noon()), state);
  }
}

TEST(LotTransitions, HoldFromQuarantineOrReleasedAndLiftReturnsToIt) {
  ORDO_VERIFIES("ORDO-LOT-06", "ORDO-LOT-05", "P11-06");
  Lot l = Quarantined();
  EXPECT_TRUE(CheckTransition(l, LotAction::kHold, Noon()).ok());
  l.state = "released";
  EXPECT_TRUE(CheckTransition(l, LotAction::kHold, Noon()).ok());
  ExpectTransitionRefused(CheckTransition(l, LotAction::kLiftHold, Noon()), "released");
  for (const char* state : {"rejected", "on_hold", "consumed"}) {
    l.state = state;
    ExpectTransitionRefused(CheckTransition(l, LotAction::kHold, Noon()), state);
  }
  l.state = "on_hold";
  l.held_from = "released";
  EXPECT_TRUE(CheckTransition(l, LotAction::kLiftHold, Noon()).ok());
  EXPECT_EQ(StateAfter(l, LotAction::kLiftHold), LotState::kReleased);
  l.held_from = "quarantined";
  EXPECT_EQ(StateAfter(l, LotAction::kLiftHold), LotState::kQuarantined);
}

TEST(LotTransitions, ReasonsAreRequiredWhereTheyExplainTheDecision) {
  ORDO_VERIFIES("ORDO-LOT-04", "ORDO-LOT-06", "A11-07");
  EXPECT_TRUE(ValidateReason(LotAction::kRelease, "").ok());
  for (LotAction a : {LotAction::kReject, LotAction::kHold, LotAction::kLiftHold}) {
    Status s = ValidateReason(a, "");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "reason");
    EXPECT_EQ(s.error().reason, "missing_field");
  }
  EXPECT_EQ(ValidateReason(LotAction::kHold, std::string(1001, 'x')).error().reason, "too_long");
  EXPECT_EQ(ValidateReason(LotAction::kHold, std::string("a\x01")).error().reason, "malformed");
  EXPECT_TRUE(ValidateReason(LotAction::kHold, "line 1\nline 2").ok());
}

TEST(LotTransitions, AnExpiredLotCannotBeReleasedButCanBeRejected) {
  ORDO_VERIFIES("ORDO-LOT-07");
  Lot l = Quarantined();
  l.expiry = "2026-11-29";
  Status s = CheckTransition(l, LotAction::kRelease, Noon());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().reason, "lot_expired");
  EXPECT_NE(s.error().message.find("2026-11-29"), std::string::npos) << s.error().message;
  EXPECT_TRUE(CheckTransition(l, LotAction::kReject, Noon()).ok());
}

TEST(DecideDisposition, ReleaseIsASignatureBoundToTheLotThenTheEvent) {
  ORDO_VERIFIES("ORDO-LOT-04", "P11-13", "P11-14");
  auto events =
      DecideDisposition(Quarantined(), LotAction::kRelease, "", Quality("released"), Noon(), 41);
  ASSERT_TRUE(events.ok()) << events.error().message;
  ASSERT_EQ(events->size(), 2u);
  const ledger::Event& sig = (*events)[0];
  EXPECT_EQ(sig.type, signatures::SignatureApplied::kType);
  EXPECT_EQ(sig.payload["meaning"], "released");
  EXPECT_EQ(sig.payload["record_kind"], "lot");
  EXPECT_EQ(sig.payload["record_id"], "L-7");
  EXPECT_EQ(sig.payload["printed_name"], "Anna QA");
  EXPECT_EQ(sig.payload["content_hash"],
            Sha256Hex(CanonicalJson(DispositionRecord(Quarantined(), "released", ""))));
  const ledger::Event& released = (*events)[1];
  EXPECT_EQ(released.type, LotReleased::kType);
  EXPECT_EQ(released.subject_kind, "lot");
  EXPECT_EQ(released.subject_id, "L-7");
  EXPECT_EQ(released.signatures, Json::array({41}));

  auto rejected = DecideDisposition(Quarantined(), LotAction::kReject, "assay out of spec",
                                    Quality("rejected"), Noon(), 9);
  ASSERT_TRUE(rejected.ok()) << rejected.error().message;
  EXPECT_EQ((*rejected)[1].type, LotRejected::kType);
  EXPECT_EQ((*rejected)[1].payload["reason"], "assay out of spec");
}

TEST(DecideDisposition, RefusesAWrongMeaningADisabledSignerAndNoPolicyAcknowledgement) {
  ORDO_VERIFIES("ORDO-LOT-04", "P11-10");
  const Lot l = Quarantined();
  auto wrong = DecideDisposition(l, LotAction::kRelease, "", Quality("approved"), Noon(), 1);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "signature.meaning");
  Signer disabled = Quality("released");
  disabled.active = false;
  EXPECT_EQ(DecideDisposition(l, LotAction::kRelease, "", disabled, Noon(), 1).error().code,
            ErrorCode::kUnauthenticated);
  Signer unacknowledged = Quality("released");
  unacknowledged.policy_acknowledged = false;
  EXPECT_EQ(DecideDisposition(l, LotAction::kRelease, "", unacknowledged, Noon(), 1).error().reason,
            "policy_not_acknowledged");
  auto no_reason = DecideDisposition(l, LotAction::kReject, "", Quality("rejected"), Noon(), 1);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().field, "reason");
  Lot released = l;
  released.state = "released";
  EXPECT_EQ(DecideDisposition(released, LotAction::kRelease, "", Quality("released"), Noon(), 1)
                .error()
                .reason,
            "invalid_transition");
}

TEST(DecideHold, HoldAndLiftAreEventsWithTheirReason) {
  ORDO_VERIFIES("ORDO-LOT-06");
  auto held = DecideHold(Quarantined(), LotAction::kHold, "label damaged", Noon());
  ASSERT_TRUE(held.ok()) << held.error().message;
  EXPECT_EQ((*held)[0].type, LotHeld::kType);
  EXPECT_EQ((*held)[0].payload["reason"], "label damaged");
  Lot on_hold = Quarantined();
  on_hold.state = "on_hold";
  on_hold.held_from = "quarantined";
  auto lifted = DecideHold(on_hold, LotAction::kLiftHold, "label replaced", Noon());
  ASSERT_TRUE(lifted.ok());
  EXPECT_EQ((*lifted)[0].type, LotHoldLifted::kType);
  EXPECT_FALSE(DecideHold(Quarantined(), LotAction::kRelease, "x", Noon()).ok());
}

}  // namespace
}  // namespace ordo::lots

namespace ordo::lots {
namespace {

TEST(LotReleaseDeviationTest, AnOpenDeviationBlocksOnlyTheRelease) {
  ORDO_VERIFIES("ORDO-DEV-12", "IND-04");
  Lot l;
  l.lot = "L-7";
  EXPECT_TRUE(CheckNoOpenDeviation(l, LotAction::kRelease, {}).ok());
  Status s = CheckNoOpenDeviation(l, LotAction::kRelease, {"DV-000001", "DV-000003"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().reason, "open_deviation");
  EXPECT_EQ(s.error().field, "lot");
  EXPECT_NE(s.error().message.find("DV-000001, DV-000003"), std::string::npos);
  EXPECT_TRUE(CheckNoOpenDeviation(l, LotAction::kReject, {"DV-000001"}).ok());
  EXPECT_TRUE(CheckNoOpenDeviation(l, LotAction::kHold, {"DV-000001"}).ok());
}

}  // namespace
}  // namespace ordo::lots
