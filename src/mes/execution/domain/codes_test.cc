// Unit tests of which refusals are recorded in the ledger and of the event payloads'
// JSON (pure domain, no I/O).
#include "mes/execution/domain/codes.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "ledger/event_type.h"

namespace ordo::execution {
namespace {

TEST(ExecutionCodesTest, ComplianceRefusalsAreRecorded) {
  ORDO_VERIFIES("ORDO-EXEC-28", "DI-06", "IND-03");
  for (const char* code : {kWrongMaterial, kLotNotReleased, kLotExpired, kNotQualified,
                           kQualificationExpired, kEquipmentNotReady, kCalibrationOverdue,
                           kCleaningOverdue, kWrongEquipmentClass, kSamePerson, kExpiryMismatch})
    EXPECT_TRUE(IsComplianceRefusal(code)) << code;
  for (const char* code :
       {kInvalidTransition, kSequenceViolation, kVerificationRequired, kInstructionsNotAcknowledged,
        kInsufficientQuantity, kDeviationRequired, kMissingData, kInvalidQuantity,
        kLateEntryReasonRequired, kUnknownParameter, kUnitMismatch, "", "internal"})
    EXPECT_FALSE(IsComplianceRefusal(code)) << code;

  Error wrong = Refuse(ErrorCode::kFailedPrecondition, kWrongMaterial, "lot",
                       "Wrong material: lot L1 is material A, but order PO-1 expects B.");
  auto recorded =
      RecordedRefusal("consume", "PO-1", "20", wrong, Json{{"lot", "L1"}, {"quantity", 2}});
  ASSERT_TRUE(recorded.has_value());
  EXPECT_EQ(recorded->command, "consume");
  EXPECT_EQ(recorded->code, "wrong_material");
  EXPECT_EQ(recorded->field, "lot");
  EXPECT_EQ(recorded->message, wrong.message);
  EXPECT_EQ(recorded->details.at("lot"), "L1");
  ledger::Event e = ledger::MakeEvent(*recorded, kSubjectKind, "PO-1");
  EXPECT_EQ(e.type, "execution.command_refused");
  EXPECT_EQ(e.subject_kind, "order");
  EXPECT_EQ(e.payload.at("operation"), "20");
  // Details that are not an object become an empty object.
  EXPECT_TRUE(RecordedRefusal("start", "PO-1", "20",
                              Refuse(ErrorCode::kPermissionDenied, kNotQualified, "user", "m"),
                              Json("x"))
                  ->details.is_object());
  EXPECT_FALSE(
      RecordedRefusal("complete", "PO-1", "20",
                      Refuse(ErrorCode::kFailedPrecondition, kMissingData, "operation", "m"),
                      Json::object())
          .has_value());
}

TEST(ExecutionCodesTest, PayloadsRoundTrip) {
  ORDO_VERIFIES("ORDO-EXEC-29", "DI-03");
  ParameterRecorded p;
  p.order_id = "PO-1";
  p.operation = "20";
  p.name = "impeller_speed";
  p.value = 250.5;
  p.low = 200;
  p.late = true;
  p.late_reason = "paper";
  p.occurred_us = 5;
  p.entered_us = 9;
  Json j = p;
  EXPECT_TRUE(j.at("high").is_null());
  EXPECT_EQ(j.at("low"), 200.0);
  auto back = ledger::ReadPayload<ParameterRecorded>(j);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->value, 250.5);
  EXPECT_EQ(*back->low, 200);
  EXPECT_FALSE(back->high.has_value());
  EXPECT_EQ(*back->late_reason, "paper");
  EXPECT_EQ(back->entered_us, 9);

  CharacteristicRecorded c;
  c.values = {1.5, 2.5};
  c.sample_size = 2;
  auto cb = ledger::ReadPayload<CharacteristicRecorded>(Json(c));
  ASSERT_TRUE(cb.ok()) << cb.error().message;
  EXPECT_EQ(cb->values, (std::vector<double>{1.5, 2.5}));
  EXPECT_FALSE(cb->late_reason.has_value());

  ExceptionRecorded x{"PO-1", "20", "over_consumption", "M-A", "m", Json{{"lot", "L"}}, true};
  auto xb = ledger::ReadPayload<ExceptionRecorded>(Json(x));
  ASSERT_TRUE(xb.ok());
  EXPECT_TRUE(xb->blocks_completion);
  EXPECT_EQ(xb->details.at("lot"), "L");
  InstructionsAcknowledged a{"PO-1", "20", 7, "olivia", "abc", 3};
  auto ab = ledger::ReadPayload<InstructionsAcknowledged>(Json(a));
  ASSERT_TRUE(ab.ok());
  EXPECT_EQ(ab->routing_version, 3);
  EXPECT_FALSE(ledger::ReadPayload<ParameterRecorded>(Json{{"order_id", "x"}}).ok());
}

TEST(ExecutionCodesTest, NumbersInMessagesReadNaturally) {
  ORDO_VERIFIES("ORDO-EXEC-15");
  EXPECT_EQ(FormatNumber(12), "12");
  EXPECT_EQ(FormatNumber(0.5), "0.5");
  EXPECT_EQ(FormatNumber(102.5), "102.5");
  EXPECT_EQ(FormatNumber(-0.0000001), "0");
  EXPECT_EQ(FormatNumber(1.0 / 3), "0.333333");
  EXPECT_EQ(UtcDay(1'795'597'445'000'000), "2026-11-25");
}

}  // namespace
}  // namespace ordo::execution
