// Unit tests of starting, pausing and resuming an operation: order and operation state,
// sequence, second-person verification of predecessors, operator qualifications and
// equipment readiness (pure domain, no I/O).
#include "mes/execution/domain/start.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/test_facts.h"

namespace ordo::execution {
namespace {

using namespace testing;
constexpr ErrorCode kState = ErrorCode::kFailedPrecondition;
constexpr ErrorCode kWho = ErrorCode::kPermissionDenied;

TEST(ExecutionStartTest, StartsAReadyOperationAndTheReleasedOrder) {
  ORDO_VERIFIES("ORDO-EXEC-01", "ORDO-EXEC-10", "P11-06");
  auto d = DecideStart(PendingOp(), Operator(), Unit(), Now());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->work_unit, "WU-GRAN-01");
  EXPECT_TRUE(d->order_started);
  OperationFacts op = PendingOp();
  op.order_state = "in_progress";
  auto again = DecideStart(op, Operator(), Unit(), Now());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->order_started);
}

TEST(ExecutionStartTest, OrderMustBeReleasedOrInProgress) {
  ORDO_VERIFIES("ORDO-EXEC-01", "P11-06");
  for (const char* state : {"created", "on_hold", "completed", "closed", "cancelled"}) {
    OperationFacts op = PendingOp();
    op.order_state = state;
    ExpectRefused(DecideStart(op, Operator(), Unit(), Now()), kState, kInvalidTransition,
                  "order_id", {"PO-1001", state, "released or in progress"});
  }
}

TEST(ExecutionStartTest, OperationMustBePending) {
  ORDO_VERIFIES("ORDO-EXEC-01", "P11-06");
  for (const char* state : {"in_progress", "paused", "completed", "verified"}) {
    OperationFacts op = PendingOp();
    op.state = state;
    ExpectRefused(DecideStart(op, Operator(), Unit(), Now()), kState, kInvalidTransition,
                  "operation", {state, "pending"});
  }
}

TEST(ExecutionStartTest, PredecessorsMustBeDone) {
  ORDO_VERIFIES("ORDO-EXEC-02", "P11-06");
  for (const char* state : {"pending", "in_progress", "paused"}) {
    OperationFacts op = PendingOp();
    op.predecessors = {{"10", state, false}};
    ExpectRefused(DecideStart(op, Operator(), Unit(), Now()), kState, kSequenceViolation,
                  "operation", {"Operation 10", state, "completed"});
  }
  // Done: completed without verification needed, or verified.
  OperationFacts op = PendingOp();
  op.predecessors = {{"10", "completed", false}, {"15", "verified", true}};
  EXPECT_TRUE(DecideStart(op, Operator(), Unit(), Now()).ok());
  // Every predecessor counts, not only the first.
  op.predecessors.push_back({"17", "pending", false});
  ExpectRefused(DecideStart(op, Operator(), Unit(), Now()), kState, kSequenceViolation, "operation",
                {"17"});
}

TEST(ExecutionStartTest, APredecessorAwaitingVerificationIsNotASequenceViolation) {
  ORDO_VERIFIES("ORDO-EXEC-03", "P11-06", "P11-07");
  OperationFacts op = PendingOp();
  op.predecessors = {{"10", "completed", true}};
  ExpectRefused(DecideStart(op, Operator(), Unit(), Now()), kState, kVerificationRequired,
                "operation", {"10", "verif"});
}

TEST(ExecutionStartTest, OperatorMustHoldEveryQualification) {
  ORDO_VERIFIES("ORDO-EXEC-04", "P11-09");
  OperatorFacts none{7, "olivia", {}};
  ExpectRefused(DecideStart(PendingOp(), none, Unit(), Now()), kWho, kNotQualified, "user",
                {"olivia", "GRANULATION"});
  OperatorFacts other{7, "olivia", {{"COATING", "", false}}};
  ExpectRefused(DecideStart(PendingOp(), other, Unit(), Now()), kWho, kNotQualified, "user");
  // A revoked grant is no grant, even when it has not expired.
  OperatorFacts revoked{7, "olivia", {{"GRANULATION", "2027-10-31", true}}};
  ExpectRefused(DecideStart(PendingOp(), revoked, Unit(), Now()), kWho, kNotQualified, "user");
  // Two qualifications required: holding one is not enough.
  OperationFacts op = PendingOp();
  op.spec.qualifications = {"GRANULATION", "GMP_BASIC"};
  ExpectRefused(DecideStart(op, Operator(), Unit(), Now()), kWho, kNotQualified, "user",
                {"GMP_BASIC"});
  OperatorFacts both = Operator();
  both.qualifications.push_back({"GMP_BASIC", "", false});
  EXPECT_TRUE(DecideStart(op, both, Unit(), Now()).ok());
  // No qualification required: anyone with the permission may start.
  op.spec.qualifications = {};
  EXPECT_TRUE(DecideStart(op, none, Unit(), Now()).ok());
}

TEST(ExecutionStartTest, AnExpiredQualificationNamesItsDate) {
  ORDO_VERIFIES("ORDO-EXEC-05", "P11-09");
  OperatorFacts expired{7, "olivia", {{"GRANULATION", "2026-11-29", false}}};
  ExpectRefused(DecideStart(PendingOp(), expired, Unit(), Now()), kWho, kQualificationExpired,
                "user", {"GRANULATION", "expired on 2026-11-29"});
  // An expiry of today is still valid; a renewed grant beside the expired one qualifies.
  OperatorFacts today{7, "olivia", {{"GRANULATION", "2026-11-30", false}}};
  EXPECT_TRUE(DecideStart(PendingOp(), today, Unit(), Now()).ok());
  expired.qualifications.push_back({"GRANULATION", "2027-11-29", false});
  EXPECT_TRUE(DecideStart(PendingOp(), expired, Unit(), Now()).ok());
  // Expired and revoked: the expiry is what the operator can act on.
  OperatorFacts mixed{
      7, "olivia", {{"GRANULATION", "2026-01-01", false}, {"GRANULATION", "2027-01-01", true}}};
  ExpectRefused(DecideStart(PendingOp(), mixed, Unit(), Now()), kWho, kQualificationExpired, "user",
                {"2026-01-01"});
}

TEST(ExecutionStartTest, WorkUnitMustBeOfTheRequiredClass) {
  ORDO_VERIFIES("ORDO-EXEC-06", "P11-08");
  EquipmentFacts u = Unit();
  u.work_center_class = "coating_suite";
  ExpectRefused(DecideStart(PendingOp(), Operator(), u, Now()), kState, kWrongEquipmentClass,
                "work_unit", {"coating_suite", "granulation_suite"});
  u = Unit();
  u.capabilities = {"drying"};
  ExpectRefused(DecideStart(PendingOp(), Operator(), u, Now()), kState, kWrongEquipmentClass,
                "work_unit", {"granulation", "drying"});
  u = Unit();
  u.level = "work_center";
  ExpectRefused(DecideStart(PendingOp(), Operator(), u, Now()), kState, kWrongEquipmentClass,
                "work_unit", {"work_center", "not a work unit"});
  // An operation without a work center class accepts any work center with the capability.
  OperationFacts op = PendingOp();
  op.work_center_class = "";
  u = Unit();
  u.work_center_class = "anything";
  EXPECT_TRUE(DecideStart(op, Operator(), u, Now()).ok());
}

TEST(ExecutionStartTest, WorkUnitMustBeAvailableFreeAndClean) {
  ORDO_VERIFIES("ORDO-EXEC-07", "P11-08", "IND-03");
  for (const char* status : {"in_maintenance", "out_of_service", ""}) {
    EquipmentFacts u = Unit();
    u.status = status;
    ExpectRefused(DecideStart(PendingOp(), Operator(), u, Now()), kState, kEquipmentNotReady,
                  "work_unit", {"WU-GRAN-01", "available"});
  }
  EquipmentFacts busy = Unit();
  busy.busy_with = "PO-0999/20";
  ExpectRefused(DecideStart(PendingOp(), Operator(), busy, Now()), kState, kEquipmentNotReady,
                "work_unit", {"PO-0999/20"});
  EquipmentFacts dirty = Unit();
  dirty.cleaning_status = "dirty";
  ExpectRefused(DecideStart(PendingOp(), Operator(), dirty, Now()), kState, kEquipmentNotReady,
                "work_unit", {"dirty"});
  EquipmentFacts na = Unit();
  na.cleaning_status = "not_applicable";
  na.cleaning_due = "";
  EXPECT_TRUE(DecideStart(PendingOp(), Operator(), na, Now()).ok());
}

TEST(ExecutionStartTest, CalibrationAndCleaningMustNotBeOverdue) {
  ORDO_VERIFIES("ORDO-EXEC-08", "ORDO-EXEC-09", "P11-08", "IND-03");
  EquipmentFacts u = Unit();
  u.calibration_due = "2026-11-29";
  ExpectRefused(DecideStart(PendingOp(), Operator(), u, Now()), kState, kCalibrationOverdue,
                "work_unit", {"2026-11-29", "calibrat"});
  u = Unit();
  u.cleaning_due = "2026-11-01";
  ExpectRefused(DecideStart(PendingOp(), Operator(), u, Now()), kState, kCleaningOverdue,
                "work_unit", {"2026-11-01", "clean"});
  // Due today is not overdue; the server's day decides (one day later it is).
  u = Unit();
  u.calibration_due = "2026-11-30";
  EXPECT_TRUE(DecideStart(PendingOp(), Operator(), u, Now()).ok());
  ExpectRefused(DecideStart(PendingOp(), Operator(), u, Now() + 24 * 60 * kMinute), kState,
                kCalibrationOverdue, "work_unit");
  // No due date: not tracked, nothing to be overdue.
  u.calibration_due = "";
  u.cleaning_due = "";
  EXPECT_TRUE(DecideStart(PendingOp(), Operator(), u, Now() + 200 * 24 * 60 * kMinute).ok());
}

TEST(ExecutionStartTest, AWorkUnitDownForTooLongTakesNoNewOperation) {
  ORDO_VERIFIES("ORDO-EXEC-46");
  EquipmentFacts u = Unit();
  u.down_blocked = true;
  u.down_reason_code = "UNP-JAM";
  u.down_since_us = Now() - 30 * kMinute;
  ExpectRefused(DecideStart(PendingOp(), Operator(), u, Now()), ErrorCode::kConflict,
                kEquipmentDown, "work_unit",
                {"WU-GRAN-01", "UNP-JAM", FormatUtcMicros(Now() - 30 * kMinute), "600 s"});
  u.down_reason_code = "";
  ExpectRefused(DecideStart(PendingOp(), Operator(), u, Now()), ErrorCode::kConflict,
                kEquipmentDown, "work_unit", {"no reason given yet"});
  EXPECT_TRUE(IsComplianceRefusal(kEquipmentDown));
  // Readiness refusals come first; a resume is not refused for the block.
  u.status = "in_maintenance";
  ExpectRefused(DecideStart(PendingOp(), Operator(), u, Now()), kState, kEquipmentNotReady,
                "work_unit");
  OperationFacts paused = RunningOp();
  paused.state = "paused";
  u.status = "available";
  EXPECT_TRUE(DecideResume(paused, Operator(), u, Now()).ok());
  // Not blocked (shorter than the threshold, overridden, or no machine data): starts.
  u.down_blocked = false;
  EXPECT_TRUE(DecideStart(PendingOp(), Operator(), u, Now()).ok());
}

TEST(ExecutionStartTest, ChecksComeInTheDocumentedOrder) {
  ORDO_VERIFIES("ORDO-EXEC-02", "ORDO-EXEC-04", "ORDO-EXEC-07");
  // Sequence before qualification before equipment.
  OperationFacts op = PendingOp();
  op.predecessors = {{"10", "pending", false}};
  EquipmentFacts u = Unit();
  u.status = "out_of_service";
  OperatorFacts none{7, "olivia", {}};
  ExpectRefused(DecideStart(op, none, u, Now()), kState, kSequenceViolation, "operation");
  ExpectRefused(DecideStart(PendingOp(), none, u, Now()), kWho, kNotQualified, "user");
}

TEST(ExecutionPauseResumeTest, PauseOnlyWhatRuns) {
  ORDO_VERIFIES("ORDO-EXEC-11", "P11-06");
  EXPECT_TRUE(DecidePause(RunningOp(), "lunch").ok());
  EXPECT_TRUE(DecidePause(RunningOp(), "").ok());
  for (const char* state : {"pending", "paused", "completed", "verified"}) {
    OperationFacts op = RunningOp();
    op.state = state;
    ExpectRefused(DecidePause(op, ""), kState, kInvalidTransition, "operation", {state});
  }
  ExpectRefused(DecidePause(RunningOp(), std::string(1001, 'x')), ErrorCode::kInvalidArgument, "",
                "reason");
  // The operations of a held order were paused by the hold; nothing else pauses them.
  OperationFacts held = RunningOp();
  held.order_state = "on_hold";
  ExpectRefused(DecidePause(held, ""), kState, kInvalidTransition, "order_id", {"on_hold"});
}

TEST(ExecutionStartTest, TheStartRecordsTheGrantsThatSatisfiedTheQualifications) {
  ORDO_VERIFIES("P11-09", "ORDO-EXEC-41");
  OperationFacts op = PendingOp();
  op.spec.qualifications = {"GRANULATION", "GMP-BASIC"};
  OperatorFacts person{7, "olivia", {}};
  person.qualifications = {{"GRANULATION", "2026-11-29", false, 11},  // expired yesterday
                           {"GRANULATION", "2027-10-31", false, 12},  // valid
                           {"GRANULATION", "2028-01-31", true, 13},   // revoked
                           {"GRANULATION", "2027-03-31", false, 14},  // valid, but shorter
                           {"GMP-BASIC", "", false, 15},              // no expiry
                           {"GMP-BASIC", "2030-01-01", false, 16},
                           {"DRYING", "", false, 17}};  // not required
  auto started = DecideStart(op, person, Unit(), Now());
  ASSERT_TRUE(started.ok()) << started.error().message;
  ASSERT_EQ(started->qualifications.size(), 2u);
  EXPECT_EQ(started->qualifications[0].qualification, "GRANULATION");
  EXPECT_EQ(started->qualifications[0].grant_id, 12);
  EXPECT_EQ(started->qualifications[0].valid_until, "2027-10-31");
  EXPECT_EQ(started->qualifications[1].qualification, "GMP-BASIC");
  EXPECT_EQ(started->qualifications[1].grant_id, 15);
  EXPECT_EQ(started->qualifications[1].valid_until, "");
  // A grant valid through today counts; an operation requiring nothing records nothing.
  EXPECT_EQ(QualificationsUsed({"GRANULATION"}, {7, "o", {{"GRANULATION", "2026-11-30", false, 3}}},
                               "2026-11-30")
                .front()
                .grant_id,
            3);
  op.spec.qualifications.clear();
  EXPECT_TRUE(DecideStart(op, person, Unit(), Now())->qualifications.empty());
}

TEST(ExecutionPauseResumeTest, ResumeOnlyAPausedOperationOfARunningOrder) {
  ORDO_VERIFIES("ORDO-EXEC-11", "P11-06", "P11-09");
  OperationFacts op = RunningOp();
  op.state = "paused";
  EXPECT_TRUE(DecideResume(op, Operator(), Unit(), Now()).ok());
  ExpectRefused(DecideResume(RunningOp(), Operator(), Unit(), Now()), kState, kInvalidTransition,
                "operation", {"in_progress", "paused"});
  op.order_state = "on_hold";
  ExpectRefused(DecideResume(op, Operator(), Unit(), Now()), kState, kInvalidTransition, "order_id",
                {"on_hold"});
  // Time passed while paused: the checks of a start apply again.
  op.order_state = "in_progress";
  OperatorFacts expired{7, "olivia", {{"GRANULATION", "2026-11-01", false}}};
  ExpectRefused(DecideResume(op, expired, Unit(), Now()), kWho, kQualificationExpired, "user");
  EquipmentFacts u = Unit();
  u.calibration_due = "2026-11-15";
  ExpectRefused(DecideResume(op, Operator(), u, Now()), kState, kCalibrationOverdue, "work_unit");
}

TEST(ExecutionRecordingPreconditionTest, TheOperationMustRunAndItsInstructionsBeAcknowledged) {
  ORDO_VERIFIES("ORDO-EXEC-12", "P11-06");
  const std::optional<std::string> acked = "abc123";
  EXPECT_TRUE(CheckMayRecord(RunningOp(), acked).ok());
  ExpectRefused(CheckMayRecord(RunningOp(), std::nullopt), kState, kInstructionsNotAcknowledged,
                "operation", {"acknowledge", "instructions"});
  ExpectRefused(CheckMayRecord(RunningOp(), std::optional<std::string>("old")), kState,
                kInstructionsNotAcknowledged, "operation");
  OperationFacts op = RunningOp();
  op.state = "paused";
  ExpectRefused(CheckMayRecord(op, acked), kState, kInvalidTransition, "operation", {"resume"});
  op = RunningOp();
  op.state = "pending";
  ExpectRefused(CheckMayRecord(op, acked), kState, kInvalidTransition, "operation");
  op = RunningOp();
  op.order_state = "on_hold";
  ExpectRefused(CheckMayRecord(op, acked), kState, kInvalidTransition, "order_id", {"on_hold"});
  // No instructions pinned: nothing to acknowledge.
  op = RunningOp();
  op.spec.instruction_hash = "";
  EXPECT_TRUE(CheckMayRecord(op, std::nullopt).ok());
}

}  // namespace
}  // namespace ordo::execution
