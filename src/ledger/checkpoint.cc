// Signing and checking of ledger checkpoints.
#include "ledger/checkpoint.h"

#include "core/crypto.h"

namespace ordo::ledger {

std::string SignedMessage(const Checkpoint& c) {
  return "ordo-checkpoint-v1\n" + std::to_string(c.seq) + "\n" + c.head_hash + "\n" +
         std::to_string(c.time_us);
}

Checkpoint SignCheckpoint(std::int64_t seq, const std::string& head_hash, TimeMicros time_us,
                          const std::string& secret_key_hex) {
  Checkpoint c{seq, head_hash, time_us, PublicKeyOf(secret_key_hex), {}};
  c.signature = SignDetached(SignedMessage(c), secret_key_hex);
  return c;
}

bool CheckpointSignatureValid(const Checkpoint& c, const std::string& trusted_public_key) {
  return c.public_key == trusted_public_key &&
         VerifyDetached(SignedMessage(c), c.signature, trusted_public_key);
}

Json ToJson(const Checkpoint& c) {
  return Json{{"seq", c.seq},
              {"head_hash", c.head_hash},
              {"time_us", c.time_us},
              {"time", FormatUtcMicros(c.time_us)},
              {"public_key", c.public_key},
              {"signature", c.signature}};
}

Result<Checkpoint> CheckpointFromJson(const Json& j) {
  if (!j.is_object() || !j.contains("seq") || !j["seq"].is_number_integer() ||
      !j.contains("head_hash") || !j["head_hash"].is_string() || !j.contains("time_us") ||
      !j["time_us"].is_number_integer() || !j.contains("public_key") ||
      !j["public_key"].is_string() || !j.contains("signature") || !j["signature"].is_string())
    return Error::Invalid("checkpoint",
                          "a checkpoint needs seq, head_hash, time_us, public_key, signature");
  return Checkpoint{j["seq"].get<std::int64_t>(), j["head_hash"].get<std::string>(),
                    j["time_us"].get<std::int64_t>(), j["public_key"].get<std::string>(),
                    j["signature"].get<std::string>()};
}

}  // namespace ordo::ledger
