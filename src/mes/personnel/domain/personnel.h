// Personnel: qualifications granted to users (a qualification is a master data object;
// only one in force can be granted) and the training they completed. Pure decisions on
// the state passed in; the grant's status is derived from the date, never stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/access/domain/user.h"
#include "mes/personnel/domain/duties.h"

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
// force now, if any. Refusals, in this order: as ValidateGrantRequest; an expiry before
// context.today (CheckExpiry: invalid_argument, expires_in_past); not_found, field
// user_id, reason user_missing (no such user, or disabled); a grant to the actor
// (permission_denied, field user_id, reason self_grant_forbidden); failed_precondition,
// field qualification, reason qualification_missing (not in force).
Result<ledger::Event> DecideGrantQualification(const GrantRequest& command,
                                               const std::optional<access::User>& user,
                                               std::optional<std::int64_t> qualification_version,
                                               const DecisionContext& context);

struct TrainingRequest {
  std::int64_t user_id = 0;
  std::string course;     // course or document trained on, 1 to 200 bytes
  std::string completed;  // YYYY-MM-DD
  std::string trainer;    // "" = not named
};

// Checks the command alone: invalid_argument on course (length) or completed (date).
Status ValidateTrainingRequest(const TrainingRequest& command);

// Decides TrainingRecorded, subject user/id. Refusals, in this order: as
// ValidateTrainingRequest; a date outside the plausible window around context.today
// (CheckTrainingDate: invalid_argument, field completed, reason date_out_of_range);
// not_found, field user_id, reason user_missing (no such user; a disabled user's training
// is still recorded); a record about the actor (permission_denied, field user_id, reason
// self_record_forbidden).
Result<ledger::Event> DecideRecordTraining(const TrainingRequest& command,
                                           const std::optional<access::User>& user,
                                           const DecisionContext& context);

// The status of a qualification grant on a day.
enum class GrantStatus { kValid, kExpired, kRevoked };
// "valid", "expired", "revoked".
const char* ToString(GrantStatus status);
std::optional<GrantStatus> ParseGrantStatus(std::string_view text);
// kRevoked when revoked; kExpired when `expires` is before `today` (both YYYY-MM-DD);
// kValid otherwise (an expiry of today is still valid).
GrantStatus GrantStatusOn(bool revoked, const std::optional<std::string>& expires,
                          const std::string& today);

// A grant as the revocation and the qualification checks see it.
struct Grant {
  std::int64_t seq = 0;  // the personnel.qualification_granted entry
  std::int64_t user_id = 0;
  std::string user;  // login name
  std::string qualification;
  std::optional<std::string> expires;
  bool revoked = false;
};

struct RevokeGrantRequest {
  std::int64_t grant = 0;  // seq of the grant
  std::string reason;      // 1 to 1000 characters, the entry's reason
};

// Decides QualificationRevoked, subject user/id of the grant's holder. `grant` is the
// grant with that seq, if any. Refusals, in this order: invalid_argument, field reason,
// reason reason_required; not_found, field seq, reason grant_missing; failed_precondition,
// field seq, reason already_revoked. Revoking one's own grant is allowed (it only takes
// a qualification away).
Result<ledger::Event> DecideRevokeQualification(const RevokeGrantRequest& command,
                                                const std::optional<Grant>& grant);

// True when `grants` (of one user) hold `qualification` on `today`: a grant of it that
// is neither revoked nor expired. What every qualification check asks.
bool HoldsQualification(const std::vector<Grant>& grants, const std::string& qualification,
                        const std::string& today);

}  // namespace ordo::personnel
