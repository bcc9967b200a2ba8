// libsodium wrappers: SHA-256, Ed25519, Argon2id, randomness.
#include "core/crypto.h"

#include <sodium.h>

#include <cstdlib>
#include <vector>

namespace ordo {

bool InitCrypto() { return sodium_init() >= 0; }

std::string ToHex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  out.pop_back();
  return out;
}

bool FromHex(std::string_view hex, std::string* bytes) {
  if (hex.size() % 2 != 0) return false;
  std::string out(hex.size() / 2, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                     hex.size(), nullptr, &len, &end) != 0 ||
      len != out.size() || end != hex.data() + hex.size())
    return false;
  *bytes = std::move(out);
  return true;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return ToHex(std::string_view(reinterpret_cast<char*>(digest), sizeof digest));
}

std::string HmacSha256Hex(std::string_view key, std::string_view message) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  return ToHex(std::string_view(reinterpret_cast<char*>(mac), sizeof mac));
}

bool EqualConstantTime(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SigningKeyPair GenerateSigningKeyPair() {
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  unsigned char sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  SigningKeyPair pair{ToHex(std::string_view(reinterpret_cast<char*>(pk), sizeof pk)),
                      ToHex(std::string_view(reinterpret_cast<char*>(sk), sizeof sk))};
  sodium_memzero(sk, sizeof sk);
  return pair;
}

std::string PublicKeyOf(const std::string& secret_key_hex) {
  std::string sk;
  if (!FromHex(secret_key_hex, &sk) || sk.size() != crypto_sign_SECRETKEYBYTES) return {};
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_ed25519_sk_to_pk(pk, reinterpret_cast<const unsigned char*>(sk.data()));
  return ToHex(std::string_view(reinterpret_cast<char*>(pk), sizeof pk));
}

std::string SignDetached(std::string_view message, const std::string& secret_key_hex) {
  std::string sk;
  if (!FromHex(secret_key_hex, &sk) || sk.size() != crypto_sign_SECRETKEYBYTES) return {};
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), reinterpret_cast<const unsigned char*>(sk.data()));
  sodium_memzero(sk.data(), sk.size());
  return ToHex(std::string_view(reinterpret_cast<char*>(sig), sizeof sig));
}

bool VerifyDetached(std::string_view message, const std::string& signature_hex,
                    const std::string& public_key_hex) {
  std::string sig, pk;
  if (!FromHex(signature_hex, &sig) || sig.size() != crypto_sign_BYTES) return false;
  if (!FromHex(public_key_hex, &pk) || pk.size() != crypto_sign_PUBLICKEYBYTES) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(),
                                     reinterpret_cast<const unsigned char*>(pk.data())) == 0;
}

bool InsecureFastPasswordHash() {
  static const bool fast = [] {
    const char* v = std::getenv("ORDO_INSECURE_FAST_PASSWORD_HASH");
    return v != nullptr && std::string_view(v) == "1";
  }();
  return fast;
}

Result<std::string> HashPassword(std::string_view password) {
  return HashPassword(password, InsecureFastPasswordHash() ? PasswordCost::kInsecureMinimum
                                                           : PasswordCost::kInteractive);
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  char out[crypto_pwhash_STRBYTES];
  const bool fast = cost == PasswordCost::kInsecureMinimum;
  const unsigned long long ops =
      fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const std::size_t mem = fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Error::Make(ErrorCode::kUnavailable, "password hashing ran out of memory");
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomHex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return ToHex(raw);
}

std::string RandomPassword(std::size_t length) {
  static constexpr std::string_view kAlphabet =
      "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  out.reserve(length);
  for (std::size_t i = 0; i < length; ++i)
    out.push_back(kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))]);
  return out;
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  out.resize(length);
  return out;
}

}  // namespace ordo
