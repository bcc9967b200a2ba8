// Signature policy decisions (see policy.h).
#include "mes/signatures/domain/policy.h"

#include "mes/signatures/events.h"

namespace ordo::signatures {

Status ValidatePolicyText(const std::string& text) {
  if (text.empty() || text.size() > kMaxPolicyText)
    return Error::Invalid("text", "the policy text must be 1 to 20000 characters long");
  return Ok();
}

Result<ledger::Event> DecidePublishPolicy(const std::string& text,
                                          std::optional<std::int64_t> current_version) {
  ORDO_TRY(ValidatePolicyText(text));
  const std::int64_t version = current_version ? *current_version + 1 : 1;
  return ledger::MakeEvent(PolicyPublished{version, text}, kPolicySubjectKind,
                           std::to_string(version), version);
}

Result<ledger::Event> DecideAcknowledgePolicy(const Acknowledgement& c,
                                              std::optional<std::int64_t> current_version,
                                              bool already_acknowledged) {
  if (!current_version || *current_version != c.version)
    return Error{ErrorCode::kConflict,
                 "version " + std::to_string(c.version) +
                     " is not the current signature policy; reload and read the current one",
                 "version", "policy_version_mismatch"};
  if (already_acknowledged)
    return Error{ErrorCode::kConflict, "you already acknowledged this policy version", "version",
                 "already_acknowledged"};
  return ledger::MakeEvent(PolicyAcknowledged{c.user_id, c.user, c.version}, "user",
                           std::to_string(c.user_id));
}

}  // namespace ordo::signatures
