// Unit tests of completing an operation (quantities and reason codes, required data,
// blocking exceptions, completing the order) and of second-person verification (pure
// domain, no I/O).
#include "mes/execution/domain/complete.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/testing/verifies.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/test_facts.h"

namespace ordo::execution {
namespace {

using namespace testing;
constexpr ErrorCode kInput = ErrorCode::kInvalidArgument;
constexpr ErrorCode kState = ErrorCode::kFailedPrecondition;
constexpr ErrorCode kWho = ErrorCode::kPermissionDenied;

const std::optional<std::string> kAcked = "abc123";

ReasonCodes Codes() { return ReasonCodes{{"SC-SPILL", "SC-QC"}, {"RW-REGRANULATE"}}; }

// Everything required recorded: the manual and the critical parameter, the characteristic.
RecordedData Complete() {
  return RecordedData{{"granulation_end_power", "impeller_speed"}, {"lod"}, {}};
}

CompleteCommand Good(double good = 98) { return CompleteCommand{good, 0, 0, {}, {}}; }

TEST(ExecutionCompleteTest, CompletesWithQuantitiesAndReasonCodes) {
  ORDO_VERIFIES("ORDO-EXEC-23", "IND-01", "DI-02");
  auto d = DecideComplete(RunningOp(), Good(), Codes(), Complete(), kAcked);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_FALSE(d->needs_verification);
  CompleteCommand c{95, 3, 2, {{"SC-SPILL", 1}, {"SC-QC", 2}}, {{"RW-REGRANULATE", 2}}};
  EXPECT_TRUE(DecideComplete(RunningOp(), c, Codes(), Complete(), kAcked).ok());
  // All scrap is still a result.
  CompleteCommand all_scrap{0, 5, 0, {{"SC-QC", 5}}, {}};
  EXPECT_TRUE(DecideComplete(RunningOp(), all_scrap, Codes(), Complete(), kAcked).ok());
}

TEST(ExecutionCompleteTest, QuantitiesAreNeverNegative) {
  ORDO_VERIFIES("ORDO-EXEC-23");
  for (const char* field : {"good", "scrap", "rework"}) {
    for (double bad : {-1.0, std::nan("")}) {
      CompleteCommand c = Good();
      if (std::string(field) == "good") c.good = bad;
      if (std::string(field) == "scrap") c.scrap = bad;
      if (std::string(field) == "rework") c.rework = bad;
      ExpectRefused(DecideComplete(RunningOp(), c, Codes(), Complete(), kAcked), kInput,
                    kInvalidQuantity, field, {field});
    }
  }
  ExpectRefused(DecideComplete(RunningOp(), Good(0), Codes(), Complete(), kAcked), kInput,
                kInvalidQuantity, "good", {"all 0"});
}

TEST(ExecutionCompleteTest, ScrapAndReworkCarryCodesFromTheVersionedLists) {
  ORDO_VERIFIES("ORDO-EXEC-23", "DI-02");
  CompleteCommand c{95, 3, 0, {}, {}};
  ExpectRefused(DecideComplete(RunningOp(), c, Codes(), Complete(), kAcked), kInput,
                kInvalidQuantity, "scrap_reasons", {"reason codes"});
  c.scrap_reasons = {{"SC-SPILL", 1}, {"SC-BROKEN", 2}};
  ExpectRefused(DecideComplete(RunningOp(), c, Codes(), Complete(), kAcked), kInput,
                kInvalidQuantity, "scrap_reasons[1].code", {"SC-BROKEN"});
  c.scrap_reasons = {{"SC-SPILL", 1}, {"SC-QC", 1}};
  ExpectRefused(DecideComplete(RunningOp(), c, Codes(), Complete(), kAcked), kInput,
                kInvalidQuantity, "scrap_reasons", {"add up to 2", "is 3"});
  c.scrap_reasons = {{"SC-SPILL", 3}, {"SC-QC", 0}};
  ExpectRefused(DecideComplete(RunningOp(), c, Codes(), Complete(), kAcked), kInput,
                kInvalidQuantity, "scrap_reasons[1].quantity");
  // A rework code is not a scrap code.
  c.scrap_reasons = {{"RW-REGRANULATE", 3}};
  ExpectRefused(DecideComplete(RunningOp(), c, Codes(), Complete(), kAcked), kInput,
                kInvalidQuantity, "scrap_reasons[0].code");
  CompleteCommand r{95, 0, 2, {}, {{"SC-QC", 2}}};
  ExpectRefused(DecideComplete(RunningOp(), r, Codes(), Complete(), kAcked), kInput,
                kInvalidQuantity, "rework_reasons[0].code");
  // Reasons without a quantity to explain.
  CompleteCommand stray{95, 0, 0, {{"SC-QC", 1}}, {}};
  ExpectRefused(DecideComplete(RunningOp(), stray, Codes(), Complete(), kAcked), kInput,
                kInvalidQuantity, "scrap_reasons", {"no scrap"});
}

TEST(ExecutionCompleteTest, EveryRequiredValueIsRecordedFirst) {
  ORDO_VERIFIES("ORDO-EXEC-22", "IND-01", "IND-09");
  RecordedData none;
  ExpectRefused(DecideComplete(RunningOp(), Good(), Codes(), none, kAcked), kState, kMissingData,
                "operation", {"lod (a sample of 3)", "impeller_speed", "granulation_end_power"});
  // A non-critical parameter from equipment is not required.
  auto d = DecideComplete(RunningOp(), Good(), Codes(), none, kAcked);
  EXPECT_EQ(d.error().message.find("binder_temperature"), std::string::npos);
  RecordedData partial = Complete();
  partial.characteristics.clear();
  ExpectRefused(DecideComplete(RunningOp(), Good(), Codes(), partial, kAcked), kState, kMissingData,
                "operation", {"lod"});
  EXPECT_TRUE(ParameterRequired({"p", "", "manual", {}, {}, {}, false}));
  EXPECT_TRUE(ParameterRequired({"p", "", "equipment", {}, {}, {}, true}));
  EXPECT_FALSE(ParameterRequired({"p", "", "equipment", {}, {}, {}, false}));
}

TEST(ExecutionCompleteTest, AnOpenBlockingExceptionRequiresADeviation) {
  ORDO_VERIFIES("ORDO-EXEC-19", "IND-03", "IND-04");
  RecordedData blocked = Complete();
  blocked.blocking = {"granulation_end_power"};
  ExpectRefused(DecideComplete(RunningOp(), Good(), Codes(), blocked, kAcked), kState,
                kDeviationRequired, "operation", {"granulation_end_power", "deviation"});
}

TEST(ExecutionCompleteTest, CompletionFollowsTheRecordingPrecondition) {
  ORDO_VERIFIES("ORDO-EXEC-12", "P11-06");
  ExpectRefused(DecideComplete(RunningOp(), Good(), Codes(), Complete(), std::nullopt), kState,
                kInstructionsNotAcknowledged, "operation");
  OperationFacts op = RunningOp();
  op.state = "paused";
  ExpectRefused(DecideComplete(op, Good(), Codes(), Complete(), kAcked), kState, kInvalidTransition,
                "operation");
}

TEST(ExecutionCompleteTest, TheLastOperationCompletesTheOrderUnlessItAwaitsVerification) {
  ORDO_VERIFIES("ORDO-EXEC-24");
  OperationFacts op = RunningOp();
  auto last = DecideComplete(op, Good(), Codes(), Complete(), kAcked);
  ASSERT_TRUE(last.ok());
  EXPECT_TRUE(last->order_completed);
  op.other_operations.push_back({"30", "pending", false});
  EXPECT_FALSE(DecideComplete(op, Good(), Codes(), Complete(), kAcked)->order_completed);
  op = RunningOp();
  op.other_operations = {{"10", "completed", true}};  // awaits its verification
  EXPECT_FALSE(DecideComplete(op, Good(), Codes(), Complete(), kAcked)->order_completed);
  op = RunningOp();
  op.spec.second_person_verification = true;
  auto needs = DecideComplete(op, Good(), Codes(), Complete(), kAcked);
  ASSERT_TRUE(needs.ok());
  EXPECT_TRUE(needs->needs_verification);
  EXPECT_FALSE(needs->order_completed);
}

OperationFacts CompletedNeedingVerification() {
  OperationFacts op = RunningOp();
  op.state = "completed";
  op.spec.second_person_verification = true;
  op.performer_ids = {7};
  return op;
}

TEST(ExecutionVerifyTest, ADifferentQualifiedPersonVerifies) {
  ORDO_VERIFIES("ORDO-EXEC-25", "ORDO-EXEC-26", "P11-07", "A11-04");
  auto d = DecideVerify(CompletedNeedingVerification(), Verifier(), Now());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_TRUE(d->order_completed);  // the only other operation is done
  OperationFacts op = CompletedNeedingVerification();
  op.other_operations.push_back({"30", "pending", false});
  EXPECT_FALSE(DecideVerify(op, Verifier(), Now())->order_completed);
}

TEST(ExecutionVerifyTest, ThePerformerCannotVerify) {
  ORDO_VERIFIES("ORDO-EXEC-26", "P11-07", "ORDO-EXEC-28");
  OperatorFacts self = Operator();
  auto r = DecideVerify(CompletedNeedingVerification(), self, Now());
  ExpectRefused(r, kWho, kSamePerson, "user", {"olivia", "different person"});
  EXPECT_TRUE(IsComplianceRefusal(r.error().reason));
  // Anyone who recorded on it counts as a performer.
  OperationFacts op = CompletedNeedingVerification();
  op.performer_ids = {7, 9};
  ExpectRefused(DecideVerify(op, Verifier(), Now()), kWho, kSamePerson, "user");
}

TEST(ExecutionVerifyTest, TheVerifierMustBeQualified) {
  ORDO_VERIFIES("ORDO-EXEC-26", "P11-09");
  OperatorFacts unqualified{9, "victor", {}};
  ExpectRefused(DecideVerify(CompletedNeedingVerification(), unqualified, Now()), kWho,
                kNotQualified, "user", {"Verifier victor", "GRANULATION"});
  OperatorFacts expired{9, "victor", {{"GRANULATION", "2026-06-30", false}}};
  ExpectRefused(DecideVerify(CompletedNeedingVerification(), expired, Now()), kWho,
                kQualificationExpired, "user", {"2026-06-30"});
}

TEST(ExecutionVerifyTest, NoVerifyingBeforePerforming) {
  ORDO_VERIFIES("ORDO-EXEC-25", "P11-06");
  for (const char* state : {"pending", "in_progress", "paused"}) {
    OperationFacts op = CompletedNeedingVerification();
    op.state = state;
    ExpectRefused(DecideVerify(op, Verifier(), Now()), kState, kSequenceViolation, "operation",
                  {state, "after it is completed"});
  }
  OperationFacts op = CompletedNeedingVerification();
  op.state = "verified";
  ExpectRefused(DecideVerify(op, Verifier(), Now()), kState, kInvalidTransition, "operation",
                {"already verified"});
  op = CompletedNeedingVerification();
  op.spec.second_person_verification = false;
  ExpectRefused(DecideVerify(op, Verifier(), Now()), kState, kInvalidTransition, "operation",
                {"does not ask"});
  op = CompletedNeedingVerification();
  op.order_state = "on_hold";
  ExpectRefused(DecideVerify(op, Verifier(), Now()), kState, kInvalidTransition, "order_id");
}

}  // namespace
}  // namespace ordo::execution
