// Separation of duties and plausible dates (see duties.h).
#include "mes/personnel/domain/duties.h"

#include <cstdio>

#include "core/clock.h"

namespace ordo::personnel {

Status CheckNotForOneself(std::int64_t user_id, const DecisionContext& context,
                          const std::string& what, const std::string& reason) {
  if (context.actor_user_id == 0 || user_id != context.actor_user_id) return Ok();
  return Error{ErrorCode::kPermissionDenied,
               "you cannot " + what + " for yourself; another person with personnel.manage must",
               "user_id", reason};
}

std::string AddDays(const std::string& date, int days) {
  TimeMicros t = 0;
  if (date.size() != 10 || !ParseIsoTime(date + "T00:00:00Z", &t)) return "";
  return FormatUtcMicros(t + static_cast<TimeMicros>(days) * 86'400'000'000LL).substr(0, 10);
}

Status CheckTrainingDate(const std::string& completed, const std::string& today) {
  // Same month and day, kTrainingYearsBack years earlier; compared as text (YYYY-MM-DD
  // sorts as dates), so 29 February needs no special case.
  int year = 0;
  if (today.size() != 10 || std::sscanf(today.c_str(), "%4d", &year) != 1)
    return Error::Make(ErrorCode::kInternal, "today is not a date: '" + today + "'");
  char earliest[16];
  std::snprintf(earliest, sizeof earliest, "%04d%s", year - kTrainingYearsBack,
                today.substr(4).c_str());
  const std::string latest = AddDays(today, kTrainingDaysAhead);
  if (completed < earliest || completed > latest)
    return Error::Invalid("completed",
                          "completed " + completed + " is outside the plausible range " + earliest +
                              " to " + latest + " (at most " + std::to_string(kTrainingYearsBack) +
                              " years back, not in the future)",
                          "date_out_of_range");
  return Ok();
}

Status CheckExpiry(const std::string& expires, const std::string& today) {
  if (expires.empty() || expires >= today) return Ok();
  return Error::Invalid(
      "expires",
      "expires " + expires + " is before today (" + today + "): the grant would never be valid",
      "expires_in_past");
}

}  // namespace ordo::personnel
