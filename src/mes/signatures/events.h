// The signatures capability's published events: signatures applied to records (written
// by the capabilities whose records are signed, e.g. masterdata's change control),
// failed signing attempts, and the signature policy's versions and acknowledgements.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/canonical_json.h"

namespace ordo::signatures {

// An electronic signature bound to one revision of a record by the hash of its canonical
// content. Subject: the record signed; the signature's id is the entry's seq.
struct SignatureApplied {
  static constexpr const char* kType = "signature.applied";
  static constexpr int kVersion = 1;
  std::int64_t signer_id = 0;
  std::string signer;        // login name
  std::string printed_name;  // display name at the time of signing
  std::string meaning;
  std::optional<std::string> comment;  // the key is absent when there is none
  std::string record_kind, record_id;
  std::int64_t record_version = 0;
  std::string content_hash;
};

// A failed signing (or policy acknowledgement) attempt in a user's session. Subject: the
// session's user. Never holds the password.
struct SignatureFailed {
  static constexpr const char* kType = "signature.failed";
  static constexpr int kVersion = 1;
  std::string user;            // the signed-in user's login name
  std::string attempted_user;  // the user id typed ("" when omitted)
  std::string client;          // client IP address
  std::string detail;          // "wrong password", "user id does not match ..."
};

// A new version of the signature policy. Subject: signature_policy/version.
struct PolicyPublished {
  static constexpr const char* kType = "signature.policy_published";
  static constexpr int kVersion = 1;
  std::int64_t version = 0;
  std::string text;
};

// A user acknowledged a version of the signature policy. Subject: user/id.
struct PolicyAcknowledged {
  static constexpr const char* kType = "signature.policy_acknowledged";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string user;
  std::int64_t version = 0;
};

void to_json(Json& j, const SignatureApplied& e);
void from_json(const Json& j, SignatureApplied& e);
void to_json(Json& j, const SignatureFailed& e);
void from_json(const Json& j, SignatureFailed& e);
void to_json(Json& j, const PolicyPublished& e);
void from_json(const Json& j, PolicyPublished& e);
void to_json(Json& j, const PolicyAcknowledged& e);
void from_json(const Json& j, PolicyAcknowledged& e);

}  // namespace ordo::signatures
