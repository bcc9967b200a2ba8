// Separation of duties and plausible dates for personnel records: a qualification grant
// or a training record for oneself needs another person, a training date lies in a
// plausible window and a grant does not expire before it is made. Pure checks on the
// command, the actor and today's date, used by the decisions in personnel.h.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace ordo::personnel {

// Who decides and on which day: the signed-in user's id (0 for the server itself, e.g.
// `ordo init --demo`) and today's date YYYY-MM-DD (UTC, from the command's time).
struct DecisionContext {
  std::int64_t actor_user_id = 0;
  std::string today;
};

// How far back a training may be dated: 10 years before today. Older records belong to
// the site's archive, not to a new entry.
inline constexpr int kTrainingYearsBack = 10;
// How far ahead of today's UTC date a training may be dated: 1 day, so that a site
// east of UTC (local date already tomorrow) can record today's training.
inline constexpr int kTrainingDaysAhead = 1;

// permission_denied, field user_id, reason `reason` (self_grant_forbidden or
// self_record_forbidden) when `user_id` is the actor's own: a record about oneself needs
// another person.
Status CheckNotForOneself(std::int64_t user_id, const DecisionContext& context,
                          const std::string& what, const std::string& reason);

// invalid_argument, field completed, reason date_out_of_range, unless the date `completed`
// (YYYY-MM-DD, already checked) lies from kTrainingYearsBack years before `today` to
// kTrainingDaysAhead days after it (both included). The message names the window.
Status CheckTrainingDate(const std::string& completed, const std::string& today);

// invalid_argument, field expires, reason expires_in_past, when `expires` (YYYY-MM-DD or
// "" for none) is before `today`: such a grant would never be valid.
Status CheckExpiry(const std::string& expires, const std::string& today);

// `date` (YYYY-MM-DD) moved by `days` (may be negative); "" when `date` is not a date.
std::string AddDays(const std::string& date, int days);

}  // namespace ordo::personnel
