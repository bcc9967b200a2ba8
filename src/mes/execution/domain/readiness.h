// Who and what may run an operation: the operator's qualifications (P11-09) and the
// work unit's class, availability, calibration and cleaning (P11-08). Pure checks on
// facts and today's UTC date; each refusal names the field and says what was expected.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "mes/execution/domain/facts.h"

namespace ordo::execution {

// Ok when `person` holds every qualification of `required` on `today` (YYYY-MM-DD): a
// grant that is not revoked and expires on or after today. Otherwise, for the first
// qualification missing: permission_denied with reason qualification_expired (field
// `field`) when every grant of it the person holds has expired (the message names the
// latest expiry date), else not_qualified (no grant, or only revoked ones). `role` opens
// the message ("Operator", "Verifier").
Status CheckQualifications(const std::vector<std::string>& required, const OperatorFacts& person,
                           const std::string& today, const std::string& role,
                           const std::string& field);

// Ok when `unit` may run `op` on `today`. Refusals (field work_unit), in this order:
// - wrong_equipment_class: not a work unit; its work center's class differs from the
//   operation's work_center_class (when the operation names one); its capabilities lack
//   the operation_class. The message names the expected and the found class.
// - equipment_not_ready: status other than available (named); busy with another
//   operation (named); cleaning_status dirty.
// - calibration_overdue: calibration_due before today (the date is named).
// - cleaning_overdue: cleaning_due before today (the date is named).
// All failed_precondition.
Status CheckEquipment(const OperationFacts& op, const EquipmentFacts& unit,
                      const std::string& today);

// The grant that satisfies one required qualification.
struct QualificationUsed {
  std::string qualification;
  std::int64_t grant_id = 0;
  std::string valid_until;  // YYYY-MM-DD, "" = no expiry
};

// For each qualification of `required`, in order, the grant of `person` that satisfies it
// on `today`: not revoked, expiring on or after today; of several, the one valid longest
// (no expiry first), then the latest grant. A required qualification with no such grant
// is left out (CheckQualifications refuses it first).
std::vector<QualificationUsed> QualificationsUsed(const std::vector<std::string>& required,
                                                  const OperatorFacts& person,
                                                  const std::string& today);

// Ok unless the work unit's calibration is overdue on `today` (calibration_overdue,
// field `field`): a value captured by equipment is accepted only from a work unit in
// calibration (P11-08).
Status CheckDeviceCalibration(const EquipmentFacts& unit, const std::string& today,
                              const std::string& field);

}  // namespace ordo::execution
