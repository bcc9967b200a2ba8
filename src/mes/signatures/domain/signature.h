// Electronic signatures (21 CFR Part 11 11.50/11.70, EU GMP Annex 11 14): the controlled
// list of meanings, who may sign with which meaning, the canonical hash that binds a
// signature to the exact record it signed, and the re-check done whenever a signature
// is shown. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mes/signatures/events.h"

namespace ordo::signatures {

// authored, reviewed, approved, rejected, verified, released, dispositioned (display order).
const std::vector<std::string>& Meanings();
bool IsMeaning(const std::string& meaning);
// The permission a signer needs for `meaning` ("" for an unknown meaning).
std::string PermissionForMeaning(const std::string& meaning);

// SHA-256 (hex) of the canonical JSON of `record`.
std::string RecordHash(const Json& record);

// A signature as stored (and as the ledger's signature.applied payload holds it).
struct Signature {
  std::int64_t signature_id = 0;  // seq of the signature.applied entry
  std::int64_t signer_id = 0;
  std::string signer;        // login name
  std::string printed_name;  // display name at the time of signing
  std::string meaning;
  std::optional<std::string> comment;
  TimeMicros time_us = 0;
  std::string record_kind, record_id;
  std::int64_t record_version = 0;
  std::string content_hash;
};

// What a signature's re-check found.
enum class BindingStatus { kValid, kBroken, kEarlierRevision };
const char* BindingStatusName(BindingStatus status);

// Re-checks `signature` against the record it is shown with: kBroken when the record
// kind or id differ (a signature moved to another record) or, at the same version, the
// hash differs (the record changed after signing); kEarlierRevision when the record
// has moved to a later version through the normal process; kValid otherwise.
BindingStatus CheckBinding(const Signature& signature, const std::string& record_kind,
                           const std::string& record_id, std::int64_t record_version,
                           const std::string& record_hash);

Json ToJson(const Signature& signature, BindingStatus status);

// The signature.applied payload of `signature` (its id and time come from the entry).
// A capability whose records are signed records it with ledger::MakeEvent.
SignatureApplied AppliedPayload(const Signature& signature);
// The ledger payload of signature.applied, as JSON (what the entry stores).
Json SignaturePayload(const Signature& signature);
// The signature a signature.applied entry (seq, time) with payload `applied` records: the
// one mapping from the event to the stored row.
Signature SignatureOf(const SignatureApplied& applied, std::int64_t seq, TimeMicros time_us);

// The signer of a signed command as its decision sees them: the identity the API
// re-authenticated, the account as it is at the command's time, and whether the signer
// acknowledged the policy in force then (LoadSignerState, signing.h).
struct SignerState {
  std::int64_t user_id = 0;
  std::string name;          // login name
  std::string printed_name;  // display name now
  std::string meaning;
  std::optional<std::string> comment;
  bool active = false;
  bool policy_acknowledged = false;
};

// The signature.applied payload of `signer` signing `record` (its kind, id and version;
// the content hash is RecordHash(record)) with `meaning`. Refuses, in this order: a
// signed meaning other than `meaning` (invalid_argument, field signature.meaning, reason
// wrong_meaning); a disabled account (unauthenticated); a signer without the policy
// acknowledgement (failed_precondition, field signature, reason policy_not_acknowledged).
Result<SignatureApplied> DecideSignature(const SignerState& signer, const std::string& meaning,
                                         const std::string& record_kind,
                                         const std::string& record_id, std::int64_t record_version,
                                         const Json& record);

}  // namespace ordo::signatures
