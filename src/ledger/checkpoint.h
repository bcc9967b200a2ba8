// Checkpoints: the ledger head (seq, hash) signed with the site's Ed25519 key, which
// lives in a key file outside the database. They catch a chain rewritten consistently
// by someone who can write the database but does not hold the key.
#pragma once

#include <cstdint>
#include <string>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"

namespace ordo::ledger {

struct Checkpoint {
  std::int64_t seq = 0;    // ledger seq of the signed head
  std::string head_hash;   // hash of the entry at `seq`
  TimeMicros time_us = 0;  // when it was signed
  std::string public_key;  // hex Ed25519 public key that signed it
  std::string signature;   // hex detached signature of SignedMessage()
  bool operator==(const Checkpoint&) const = default;
};

// The exact bytes that are signed: "ordo-checkpoint-v1\n<seq>\n<head_hash>\n<time_us>".
std::string SignedMessage(const Checkpoint& checkpoint);
// Fills public_key and signature. Precondition: a valid secret key.
Checkpoint SignCheckpoint(std::int64_t seq, const std::string& head_hash, TimeMicros time_us,
                          const std::string& secret_key_hex);
// True when the signature verifies under `trusted_public_key` (which must also equal
// checkpoint.public_key).
bool CheckpointSignatureValid(const Checkpoint& checkpoint, const std::string& trusted_public_key);

Json ToJson(const Checkpoint& checkpoint);
Result<Checkpoint> CheckpointFromJson(const Json& json);

}  // namespace ordo::ledger
