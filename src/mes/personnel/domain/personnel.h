// Personnel: qualifications granted to users (a qualification is a master data object;
// only one in force can be granted) and the training they completed. Pure decisions on
// the state passed in; the grant's status is derived from the date, never stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/access/domain/user.h"

namespace ordo::personnel {

// True for a calendar date YYYY-MM-DD.
bool IsDate(const std::string& text);

struct GrantRequest {
  std::int64_t user_id = 0;
  std::string qualification;  // id of a qualification object
  std::string expires;        // YYYY-MM-DD, or "" for no expiry
};

// Checks the command alone: invalid_argument, field expires, when it is not a date.
Status ValidateGrantRequest(const GrantRequest& command);

// Decides QualificationGranted (events.h), subject user/id. `user` is the user with
// command.user_id, if any; `qualification_version` the version of the qualification in
// force now, if any. Refusals, in this order: as ValidateGrantRequest; not_found, field
// user_id, reason user_missing (no such user, or disabled); failed_precondition, field
// qualification, reason qualification_missing (not in force).
Result<ledger::Event> DecideGrantQualification(const GrantRequest& command,
                                               const std::optional<access::User>& user,
                                               std::optional<std::int64_t> qualification_version);

struct TrainingRequest {
  std::int64_t user_id = 0;
  std::string course;     // course or document trained on, 1 to 200 bytes
  std::string completed;  // YYYY-MM-DD
  std::string trainer;    // "" = not named
};

// Checks the command alone: invalid_argument on course (length) or completed (date).
Status ValidateTrainingRequest(const TrainingRequest& command);

// Decides TrainingRecorded, subject user/id. Refusals: as ValidateTrainingRequest;
// not_found, field user_id, reason user_missing (no such user; a disabled user's
// training is still recorded).
Result<ledger::Event> DecideRecordTraining(const TrainingRequest& command,
                                           const std::optional<access::User>& user);

// The status of a qualification grant on a day.
enum class GrantStatus { kValid, kExpired, kRevoked };
// "valid", "expired", "revoked".
const char* ToString(GrantStatus status);
std::optional<GrantStatus> ParseGrantStatus(std::string_view text);
// kRevoked when revoked; kExpired when `expires` is before `today` (both YYYY-MM-DD);
// kValid otherwise (an expiry of today is still valid).
GrantStatus GrantStatusOn(bool revoked, const std::optional<std::string>& expires,
                          const std::string& today);

}  // namespace ordo::personnel
