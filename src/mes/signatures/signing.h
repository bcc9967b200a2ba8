// The signatures capability's public API for the signed commands of other capabilities:
// re-authenticating the signer of a request, and reading the signatures on a record and
// the signature policy state. Implemented in http/authenticate_signer.cc and
// store/signatures_store.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mes/signatures/domain/signature.h"
#include "server/endpoint.h"
#include "storage/database.h"

namespace ordo::signatures {

// A signer as the API authenticated them; the signed command adds the printed name and
// the policy acknowledgement from current state.
struct SignerIdentity {
  std::int64_t user_id = 0;
  std::string name;
  std::string meaning;
  std::optional<std::string> comment;
  // Signed with the password alone (the site allowed it when the API checked).
  bool password_only = false;
};

// The signed command's re-check at its own time `now`: invalid_argument (field
// signature.user, reason missing_field) when `identity` signed with the password alone
// and the site settings in force at `now` no longer allow it (a version that took effect
// between the API's check and the command). Call it from the command's decide.
Status RecheckSigningMode(storage::Database& db, TimeMicros now, const SignerIdentity& identity);

// Re-authenticates call.body["signature"] for `meaning` (user id and password, or the
// password alone where the site allows it within one session from one address; see
// CheckSignatureFields for the field checks). Failures are throttled per account,
// recorded as signature.failed and answered as an HTTP response in the identity's place
// (403 reason signature_failed, 429 while throttled, 400 for a malformed signature).
// io thread only.
server::Awaitable<std::variant<SignerIdentity, server::HttpResponse>> AuthenticateSigner(
    server::Api& api, server::Call& call, std::string meaning);

// Signatures on a record, oldest first.
Result<std::vector<Signature>> SignaturesOn(storage::Database& db, const std::string& record_kind,
                                            const std::string& record_id);

// A version of the signature policy.
struct SignaturePolicy {
  std::int64_t version = 0;
  std::string text;
  TimeMicros published_us = 0;  // when it took effect
  std::string change_request;   // the change request that approved it ("" for the first)
};
// The policy in force at `now`, or nullopt before the first is published. The first
// versions are published by `ordo init` (table signature_policy, numbered from 1); every
// later one is a version of the master data object signature_policy/site approved through
// a change request, numbered after them: version = the highest published number + the
// object's version (every version has its own number, so an acknowledgement never carries
// over to another).
Result<std::optional<SignaturePolicy>> CurrentPolicy(storage::Database& db, TimeMicros now);
// Whether `user_id` has acknowledged the policy in force at `now` (false when none is):
// what a signed command checks about its signer.
Result<bool> AcknowledgedPolicyInForce(storage::Database& db, std::int64_t user_id, TimeMicros now);
// Whether `user_id` has acknowledged policy `version`.
// The signer of a signed command at the command's time `now` (SignerState,
// domain/signature.h): RecheckSigningMode first, then the account (inactive when it is
// disabled or gone) and the policy acknowledgement. Call it from the command's decide.
Result<SignerState> LoadSignerState(storage::Database& db, TimeMicros now,
                                    const SignerIdentity& identity);
Result<bool> HasAcknowledged(storage::Database& db, std::int64_t user_id, std::int64_t version);

}  // namespace ordo::signatures
