// Refusal helpers shared by the execution decisions (codes.h).
#include "mes/execution/domain/codes.h"

#include <array>
#include <cstdio>

namespace ordo::execution {

bool IsComplianceRefusal(std::string_view code) {
  static constexpr std::array<std::string_view, 13> kRecorded = {
      kWrongMaterial,        kLotNotReleased,    kLotExpired,         kNotQualified,
      kQualificationExpired, kEquipmentNotReady, kCalibrationOverdue, kCleaningOverdue,
      kWrongEquipmentClass,  kSamePerson,        kExpiryMismatch,     kSerialNotReleased,
      kEquipmentDown};
  for (std::string_view c : kRecorded)
    if (c == code) return true;
  return false;
}

std::optional<CommandRefused> RecordedRefusal(const std::string& command,
                                              const std::string& order_id,
                                              const std::string& operation, const Error& refusal,
                                              Json details) {
  if (!IsComplianceRefusal(refusal.reason)) return std::nullopt;
  if (!details.is_object()) details = Json::object();
  return CommandRefused{order_id,      operation,       command,           refusal.reason,
                        refusal.field, refusal.message, std::move(details)};
}

Error Refuse(ErrorCode code, std::string reason, std::string field, std::string message) {
  return Error{code, std::move(message), std::move(field), std::move(reason)};
}

std::string UtcDay(TimeMicros now) { return FormatUtcMicros(now).substr(0, 10); }

std::string FormatNumber(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

}  // namespace ordo::execution
