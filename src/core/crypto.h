// Cryptography ordo needs, all from libsodium: SHA-256, Ed25519 signatures, Argon2id
// password hashes and random tokens. Call InitCrypto() once before anything else.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo {

// Initialises libsodium. Returns false if the library cannot start. Thread-safe.
bool InitCrypto();

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Lower-case hex HMAC-SHA-256 of `message` under `key` (any length; keyed hashes of
// values that must not be stored in clear, e.g. unknown user names).
std::string HmacSha256Hex(std::string_view key, std::string_view message);
// True when `a` and `b` are equal, in time that depends only on their lengths.
bool EqualConstantTime(std::string_view a, std::string_view b);

// Hex encoding of raw bytes / decoding (false on bad hex).
std::string ToHex(std::string_view bytes);
bool FromHex(std::string_view hex, std::string* bytes);

// Ed25519 key pair, hex encoded (public 32 bytes, secret 64 bytes).
struct SigningKeyPair {
  std::string public_key_hex;
  std::string secret_key_hex;
};
SigningKeyPair GenerateSigningKeyPair();
// The public key that belongs to a secret key (empty on bad input).
std::string PublicKeyOf(const std::string& secret_key_hex);
// Detached Ed25519 signature (hex) of `message`. Precondition: valid secret key.
std::string SignDetached(std::string_view message, const std::string& secret_key_hex);
// True when `signature_hex` is a valid signature of `message` by `public_key_hex`.
bool VerifyDetached(std::string_view message, const std::string& signature_hex,
                    const std::string& public_key_hex);

// Argon2id password hash in libsodium's self-describing string form. Slow by design
// (about 0.2 s and 64 MiB, libsodium's interactive limits): never call it on an I/O thread.
// The cost is stored in the hash, so VerifyPassword checks each hash at its own cost.
Result<std::string> HashPassword(std::string_view password);
// The two costs a hash may be made at: libsodium's interactive limits (the default), or
// its minimum limits (see InsecureFastPasswordHash below).
enum class PasswordCost { kInteractive, kInsecureMinimum };
Result<std::string> HashPassword(std::string_view password, PasswordCost cost);
// True when the environment sets ORDO_INSECURE_FAST_PASSWORD_HASH=1: new hashes then use
// libsodium's minimum limits. For the test suites only (they hash and verify thousands of
// passwords); `ordo serve` and `ordo-mis serve` log a warning at start-up when it is set.
bool InsecureFastPasswordHash();
bool VerifyPassword(const std::string& hash, std::string_view password);

// `bytes` random bytes, hex encoded (for tokens and generated passwords).
std::string RandomHex(std::size_t bytes);
// A random password of `length` characters from an unambiguous alphabet.
std::string RandomPassword(std::size_t length);
// Decodes standard base64 (with padding, no whitespace); nullopt when malformed.
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace ordo
