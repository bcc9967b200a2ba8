// A work unit's availability for new operations (availability.h).
#include "mes/equipment/domain/availability.h"

#include "mes/equipment/events.h"

namespace ordo::equipment {

Availability DecideAvailability(const std::optional<CurrentState>& current, TimeMicros now,
                                TimeMicros threshold_us,
                                std::optional<TimeMicros> override_since_us) {
  Availability a;
  a.threshold_us = threshold_us;
  if (!current || current->state != State::kDown) return a;
  a.since_us = current->since_us;
  a.reason_code = current->reason_code;
  if (now - current->since_us <= threshold_us) return a;
  if (override_since_us && *override_since_us == current->since_us)
    a.overridden = true;
  else
    a.blocked = true;
  return a;
}

Result<ledger::Event> DecideOverride(const std::string& work_unit, const Availability& availability,
                                     const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::Invalid("reason", "give the reason for letting starts through (required)",
                          "missing_field");
  if (reason.size() > 1000)
    return Error::Invalid("reason", "reason must be at most 1000 characters long");
  if (!availability.blocked)
    return Error{ErrorCode::kConflict,
                 "work unit '" + work_unit + "' is not blocked" +
                     (availability.overridden ? ": its block is already overridden"
                                              : ": it is not down for longer than its threshold"),
                 "id", "not_blocked"};
  ledger::Event e = ledger::MakeEvent(
      AvailabilityOverridden{work_unit, availability.since_us, availability.reason_code, reason},
      kWorkUnitSubject, work_unit);
  e.reason = reason;  // the audit trail shows it as the entry's reason
  return e;
}

}  // namespace ordo::equipment
