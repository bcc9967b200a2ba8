// Re-authentication for a signature (21 CFR Part 11 11.200(a)): the checks on the
// request's signature object, and the record of a failed attempt. Pure; the password
// check itself, the throttle and the session live in http/authenticate_signer.cc.
#pragma once

#include <cstdint>
#include <string>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"

namespace ordo::signatures {

// Checks a request's `signature` object {user?, password, meaning?, comment?} for an
// action signed with `meaning`. Every refusal is invalid_argument naming the field
// ("signature.<key>"), with reason wrong_type (not a string), too_long (password over
// 1024, comment over 1000, user or meaning over 64 bytes), unknown_field, missing_field
// (no or empty password) or wrong_meaning (a meaning other than `meaning`). The first
// problem found is returned.
Status CheckSignatureFields(const Json& signature, const std::string& meaning);

// A failed signing attempt in the session of (user_id, user).
struct SigningFailure {
  std::int64_t user_id = 0;
  std::string user;            // the signed-in user's login name
  std::string attempted_user;  // the user id typed, "" when omitted
  std::string client;          // client IP address
  std::string detail;          // why it failed (never the password)
};

// SignatureFailed (events.h), subject user/id. Always recorded.
ledger::Event DecideSignatureFailed(const SigningFailure& failure);

}  // namespace ordo::signatures
