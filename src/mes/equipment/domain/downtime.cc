// Assigning a downtime reason after the fact (downtime.h).
#include "mes/equipment/domain/downtime.h"

#include "mes/equipment/events.h"

namespace ordo::equipment {

Result<ledger::Event> DecideAssignReason(const std::string& work_unit, TimeMicros start_us,
                                         const std::string& reason_code, const std::string& comment,
                                         bool interval_found, const DowntimeCodes& codes) {
  if (comment.size() > 1000)
    return Error::Invalid("comment", "comment must be at most 1000 characters long");
  auto reason = CheckReason(State::kDown, reason_code, codes, "reason_code");
  if (!reason.ok()) return reason.error();
  if (!interval_found)
    return Error{
        ErrorCode::kNotFound,
        "no down interval of work unit '" + work_unit + "' begins at " + FormatUtcMicros(start_us),
        "start", "interval_missing"};
  return ledger::MakeEvent(
      DowntimeReasonAssigned{work_unit, start_us, reason_code, codes.version, comment},
      kWorkUnitSubject, work_unit);
}

}  // namespace ordo::equipment
