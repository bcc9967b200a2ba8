// The stable refusal codes of execution (Error::reason), the kinds of exceptions it
// records, which refusals are recorded in the ledger, and small helpers the decisions
// share (today's date, numbers in messages). docs/execution.md lists every code with its
// message.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "mes/execution/events.h"

namespace ordo::execution {

// Refusal codes (Error::reason). Each refusal also has an ErrorCode (HTTP status):
// invalid_argument for input (invalid_quantity, late_entry_reason_required, unknown
// names), permission_denied for who may act (not_qualified, qualification_expired,
// same_person), failed_precondition for everything the state does not allow.
inline constexpr const char* kInvalidTransition = "invalid_transition";
inline constexpr const char* kSequenceViolation = "sequence_violation";
inline constexpr const char* kVerificationRequired = "verification_required";
inline constexpr const char* kNotQualified = "not_qualified";
inline constexpr const char* kQualificationExpired = "qualification_expired";
inline constexpr const char* kEquipmentNotReady = "equipment_not_ready";
inline constexpr const char* kCalibrationOverdue = "calibration_overdue";
inline constexpr const char* kCleaningOverdue = "cleaning_overdue";
inline constexpr const char* kWrongEquipmentClass = "wrong_equipment_class";
// The work unit's machine is down for longer than its threshold (conflict, 409).
inline constexpr const char* kEquipmentDown = "equipment_down";
inline constexpr const char* kInstructionsNotAcknowledged = "instructions_not_acknowledged";
inline constexpr const char* kWrongMaterial = "wrong_material";
inline constexpr const char* kLotNotReleased = "lot_not_released";
inline constexpr const char* kSerialNotReleased = "serial_not_released";
inline constexpr const char* kLotExpired = "lot_expired";
inline constexpr const char* kInsufficientQuantity = "insufficient_quantity";
inline constexpr const char* kDeviationRequired = "deviation_required";
inline constexpr const char* kMissingData = "missing_data";
inline constexpr const char* kInvalidQuantity = "invalid_quantity";
inline constexpr const char* kDuplicateLot = "duplicate_lot";
inline constexpr const char* kSamePerson = "same_person";
inline constexpr const char* kLateEntryReasonRequired = "late_entry_reason_required";
// Input reasons beside the contract's codes (invalid_argument, naming the field).
inline constexpr const char* kUnknownParameter = "unknown_parameter";
inline constexpr const char* kUnknownCharacteristic = "unknown_characteristic";
inline constexpr const char* kSampleSizeMismatch = "sample_size_mismatch";
inline constexpr const char* kInvalidValue = "invalid_value";
inline constexpr const char* kInvalidTime = "invalid_time";
// An equipment value sent from a person's session, not a registered device source (P11-08).
inline constexpr const char* kDeviceSourceRequired = "device_source_required";
// A lot counted in another base unit than its BOM item (an alternate of another unit).
inline constexpr const char* kUnitMismatch = "unit_mismatch";
// A scanned label whose expiry disagrees with the lot's (lots/gs1/gs1.h); recorded.
inline constexpr const char* kExpiryMismatch = "expiry_mismatch";

// Exception kinds (ExceptionRecorded::kind). parameter_out_of_limits is also the code the
// reply of a parameter command names; it never refuses (the value is kept).
inline constexpr const char* kParameterOutOfLimits = "parameter_out_of_limits";
inline constexpr const char* kCharacteristicOutOfSpec = "characteristic_out_of_spec";
inline constexpr const char* kOverConsumption = "over_consumption";
inline constexpr const char* kLateEntry = "late_entry";

// True for the refusals recorded in the ledger as execution.command_refused: wrong
// material, lot or serial not released, lot expired, not qualified, qualification expired,
// equipment not ready, equipment down, calibration or cleaning overdue, wrong equipment class,
// same person, and a scanned label whose expiry disagrees with the lot's.
bool IsComplianceRefusal(std::string_view code);

// The execution.command_refused event of `refusal` for `command` on (order, operation),
// with `details` (the command's input); nullopt when the refusal is not a compliance
// refusal (nothing is recorded: the ledger does not move).
std::optional<CommandRefused> RecordedRefusal(const std::string& command,
                                              const std::string& order_id,
                                              const std::string& operation, const Error& refusal,
                                              Json details);

// An Error with `code` as its ErrorCode, stable `reason`, `field` and `message`.
Error Refuse(ErrorCode code, std::string reason, std::string field, std::string message);

// "YYYY-MM-DD": the UTC day of `now` (the server's time, never the client's).
std::string UtcDay(TimeMicros now);
// A number for a message: up to 6 significant decimals, no trailing zeros ("0.5", "12").
std::string FormatNumber(double value);

}  // namespace ordo::execution
