// Operator qualification and equipment readiness checks (readiness.h).
#include "mes/execution/domain/readiness.h"

#include <algorithm>

#include "mes/execution/domain/codes.h"

namespace ordo::execution {

namespace {

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

Status CheckQualifications(const std::vector<std::string>& required, const OperatorFacts& person,
                           const std::string& today, const std::string& role,
                           const std::string& field) {
  for (const std::string& q : required) {
    bool valid = false;
    std::string latest_expiry;
    for (const HeldQualification& held : person.qualifications) {
      if (held.qualification != q || held.revoked) continue;
      if (held.expires.empty() || held.expires >= today) {
        valid = true;
        break;
      }
      latest_expiry = std::max(latest_expiry, held.expires);
    }
    if (valid) continue;
    if (!latest_expiry.empty())
      return Refuse(ErrorCode::kPermissionDenied, kQualificationExpired, field,
                    role + " " + person.user + "'s qualification " + q + " expired on " +
                        latest_expiry +
                        ". A valid qualification is required; ask for it to be renewed.");
    return Refuse(ErrorCode::kPermissionDenied, kNotQualified, field,
                  role + " " + person.user + " does not hold the qualification " + q +
                      " that this operation requires.");
  }
  return Ok();
}

std::vector<QualificationUsed> QualificationsUsed(const std::vector<std::string>& required,
                                                  const OperatorFacts& person,
                                                  const std::string& today) {
  std::vector<QualificationUsed> out;
  for (const std::string& q : required) {
    const HeldQualification* best = nullptr;
    for (const HeldQualification& held : person.qualifications) {
      if (held.qualification != q || held.revoked) continue;
      if (!held.expires.empty() && held.expires < today) continue;
      if (!best) {
        best = &held;
        continue;
      }
      // "" (no expiry) is valid longest; then the later date; then the later grant.
      const bool longer = best->expires.empty() != held.expires.empty()
                              ? held.expires.empty()
                              : held.expires > best->expires;
      const bool same = held.expires == best->expires;
      if (longer || (same && held.grant_id > best->grant_id)) best = &held;
    }
    if (best) out.push_back({q, best->grant_id, best->expires});
  }
  return out;
}

Status CheckEquipment(const OperationFacts& op, const EquipmentFacts& unit,
                      const std::string& today) {
  const std::string who = "Work unit " + unit.work_unit;
  auto wrong_class = [](std::string message) {
    return Refuse(ErrorCode::kFailedPrecondition, kWrongEquipmentClass, "work_unit",
                  std::move(message));
  };
  auto not_ready = [](std::string message) {
    return Refuse(ErrorCode::kFailedPrecondition, kEquipmentNotReady, "work_unit",
                  std::move(message));
  };
  if (unit.level != "work_unit")
    return wrong_class(unit.work_unit + " is a " + (unit.level.empty() ? "?" : unit.level) +
                       ", not a work unit. Choose a work unit of class " + op.work_center_class +
                       ".");
  if (!op.work_center_class.empty() && unit.work_center_class != op.work_center_class)
    return wrong_class(who + " belongs to work center class " +
                       (unit.work_center_class.empty() ? "(none)" : unit.work_center_class) +
                       ", but operation " + op.operation + " runs in work center class " +
                       op.work_center_class + ".");
  if (!Contains(unit.capabilities, op.operation_class))
    return wrong_class(who + " cannot run operations of class " + op.operation_class +
                       " (it can run: " +
                       (unit.capabilities.empty() ? std::string("none") : [&] {
                         std::string list;
                         for (const auto& c : unit.capabilities)
                           list += (list.empty() ? "" : ", ") + c;
                         return list;
                       }()) +
                       ").");
  if (unit.status != "available")
    return not_ready(who + " is " + (unit.status.empty() ? "of unknown status" : unit.status) +
                     "; it must be available.");
  if (!unit.busy_with.empty())
    return not_ready(who + " is busy with operation " + unit.busy_with +
                     "; finish or pause that first.");
  if (unit.cleaning_status == "dirty")
    return not_ready(who + " is dirty; it must be cleaned before use.");
  ORDO_TRY(CheckDeviceCalibration(unit, today, "work_unit"));
  if (!unit.cleaning_due.empty() && unit.cleaning_due < today)
    return Refuse(
        ErrorCode::kFailedPrecondition, kCleaningOverdue, "work_unit",
        who + " was due for cleaning on " + unit.cleaning_due + "; it must be cleaned before use.");
  return Ok();
}

Status CheckDeviceCalibration(const EquipmentFacts& unit, const std::string& today,
                              const std::string& field) {
  if (!unit.calibration_due.empty() && unit.calibration_due < today)
    return Refuse(ErrorCode::kFailedPrecondition, kCalibrationOverdue, field,
                  "Work unit " + unit.work_unit + " was due for calibration on " +
                      unit.calibration_due + "; it must be calibrated before use.");
  return Ok();
}

}  // namespace ordo::execution
