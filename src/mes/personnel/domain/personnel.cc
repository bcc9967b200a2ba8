// Personnel decisions (see personnel.h).
#include "mes/personnel/domain/personnel.h"

#include "core/clock.h"
#include "mes/personnel/events.h"

namespace ordo::personnel {

namespace {

constexpr const char* kUserKind = "user";

}  // namespace

bool IsDate(const std::string& s) {
  TimeMicros t = 0;
  return s.size() == 10 && ParseIsoTime(s + "T00:00:00Z", &t);
}

Status ValidateGrantRequest(const GrantRequest& c) {
  if (!c.expires.empty() && !IsDate(c.expires))
    return Error::Invalid("expires", "expires must be a date YYYY-MM-DD");
  return Ok();
}

Result<ledger::Event> DecideGrantQualification(const GrantRequest& c,
                                               const std::optional<access::User>& user,
                                               std::optional<std::int64_t> qualification_version,
                                               const DecisionContext& context) {
  ORDO_TRY(ValidateGrantRequest(c));
  ORDO_TRY(CheckExpiry(c.expires, context.today));
  if (!user || user->disabled)
    return Error{ErrorCode::kNotFound, "there is no active user " + std::to_string(c.user_id),
                 "user_id", "user_missing"};
  ORDO_TRY(CheckNotForOneself(c.user_id, context, "grant a qualification", "self_grant_forbidden"));
  if (!qualification_version)
    return Error{ErrorCode::kFailedPrecondition,
                 "qualification '" + c.qualification + "' is not in force", "qualification",
                 "qualification_missing"};
  QualificationGranted granted{c.user_id, user->name, c.qualification, *qualification_version,
                               std::nullopt};
  if (!c.expires.empty()) granted.expires = c.expires;
  return ledger::MakeEvent(granted, kUserKind, std::to_string(c.user_id));
}

Status ValidateTrainingRequest(const TrainingRequest& c) {
  if (c.course.empty() || c.course.size() > 200)
    return Error::Invalid("course", "course must be 1 to 200 characters long");
  if (!IsDate(c.completed))
    return Error::Invalid("completed", "completed must be a date YYYY-MM-DD");
  return Ok();
}

Result<ledger::Event> DecideRecordTraining(const TrainingRequest& c,
                                           const std::optional<access::User>& user,
                                           const DecisionContext& context) {
  ORDO_TRY(ValidateTrainingRequest(c));
  ORDO_TRY(CheckTrainingDate(c.completed, context.today));
  if (!user)
    return Error{ErrorCode::kNotFound, "there is no user " + std::to_string(c.user_id), "user_id",
                 "user_missing"};
  ORDO_TRY(CheckNotForOneself(c.user_id, context, "record a training", "self_record_forbidden"));
  TrainingRecorded training{c.user_id, user->name, c.course, c.completed, std::nullopt};
  if (!c.trainer.empty()) training.trainer = c.trainer;
  return ledger::MakeEvent(training, kUserKind, std::to_string(c.user_id));
}

const char* ToString(GrantStatus status) {
  switch (status) {
    case GrantStatus::kValid:
      return "valid";
    case GrantStatus::kExpired:
      return "expired";
    case GrantStatus::kRevoked:
      return "revoked";
  }
  return "valid";
}

std::optional<GrantStatus> ParseGrantStatus(std::string_view text) {
  for (GrantStatus s : {GrantStatus::kValid, GrantStatus::kExpired, GrantStatus::kRevoked})
    if (text == ToString(s)) return s;
  return std::nullopt;
}

GrantStatus GrantStatusOn(bool revoked, const std::optional<std::string>& expires,
                          const std::string& today) {
  if (revoked) return GrantStatus::kRevoked;
  if (expires && *expires < today) return GrantStatus::kExpired;
  return GrantStatus::kValid;
}

Result<ledger::Event> DecideRevokeQualification(const RevokeGrantRequest& c,
                                                const std::optional<Grant>& grant) {
  if (c.reason.empty() || c.reason.size() > 1000)
    return Error::Invalid("reason", "a reason of 1 to 1000 characters is required",
                          "reason_required");
  if (!grant)
    return Error{ErrorCode::kNotFound, "there is no qualification grant " + std::to_string(c.grant),
                 "seq", "grant_missing"};
  if (grant->revoked)
    return Error{ErrorCode::kFailedPrecondition,
                 "grant " + std::to_string(grant->seq) + " of '" + grant->qualification + "' to '" +
                     grant->user + "' is already revoked",
                 "seq", "already_revoked"};
  ledger::Event e = ledger::MakeEvent(
      QualificationRevoked{grant->seq, grant->user_id, grant->user, grant->qualification},
      kUserKind, std::to_string(grant->user_id));
  e.reason = c.reason;
  return e;
}

bool HoldsQualification(const std::vector<Grant>& grants, const std::string& qualification,
                        const std::string& today) {
  for (const auto& g : grants)
    if (g.qualification == qualification &&
        GrantStatusOn(g.revoked, g.expires, today) == GrantStatus::kValid)
      return true;
  return false;
}

}  // namespace ordo::personnel
