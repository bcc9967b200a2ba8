// The signature policy (21 CFR Part 11 11.100(c)): published in numbered versions, each
// acknowledged by every signer before they sign. Pure decisions on the state passed in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "ledger/event_type.h"

namespace ordo::signatures {

// The subject kind of policy versions in the ledger (id = the version).
inline constexpr const char* kPolicySubjectKind = "signature_policy";
// The longest policy text, in bytes.
inline constexpr std::size_t kMaxPolicyText = 20000;

// Checks a policy text alone: 1 to kMaxPolicyText bytes (invalid_argument, field text).
Status ValidatePolicyText(const std::string& text);

// Decides PolicyPublished (events.h) of version current + 1 (1 when `current_version`
// is nullopt, i.e. no policy yet); subject signature_policy/version at that version.
// Fails as ValidatePolicyText.
Result<ledger::Event> DecidePublishPolicy(const std::string& text,
                                          std::optional<std::int64_t> current_version);

// A user's acknowledgement of the policy version they read.
struct Acknowledgement {
  std::int64_t user_id = 0;
  std::string user;  // login name
  std::int64_t version = 0;
};

// Decides PolicyAcknowledged, subject user/id. Refusals, in this order:
// - conflict, field version, reason policy_version_mismatch: `version` is not the
//   current one (or there is no policy);
// - conflict, field version, reason already_acknowledged: the user has acknowledged it.
Result<ledger::Event> DecideAcknowledgePolicy(const Acknowledgement& command,
                                              std::optional<std::int64_t> current_version,
                                              bool already_acknowledged);

}  // namespace ordo::signatures
