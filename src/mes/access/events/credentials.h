// The access capability's credential events: a user changed their own password, an
// admin reset it to a one-time password, an account was locked after repeated failed
// sign-ins, and an admin unlocked it. No password and no hash is ever in a payload: the
// hash goes to the credential table beside the entry (store/credential_store.h).
#pragma once

#include <cstdint>
#include <string>

#include "core/canonical_json.h"

namespace ordo::access {

// The subject kind of credential events: ("credential", user id, 1).
inline constexpr const char* kCredentialSubject = "credential";

// A user changed their own password (the old one was checked); their other sessions end.
struct PasswordChanged {
  static constexpr const char* kType = "user.password_changed";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string name;
  std::string client;  // address the change came from ("" from the CLI)
};

// An admin set a one-time password that must be changed at the next sign-in; the user's
// sessions end. The entry's reason says why.
struct PasswordReset {
  static constexpr const char* kType = "user.password_reset";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string name;
};

// An admin account was locked after repeated failed sign-ins; until `locked_until_us`
// (or until unlocked) every sign-in of it fails exactly like a wrong password.
struct UserLocked {
  static constexpr const char* kType = "user.locked";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string name;
  std::int64_t locked_until_us = 0;  // microseconds since the epoch, UTC
  int failures = 0;                  // consecutive failed sign-ins that led to it
};

// An admin lifted a lock (`ordo user unlock`); the entry's reason says why.
struct UserUnlocked {
  static constexpr const char* kType = "user.unlocked";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string name;
};

void to_json(Json& j, const PasswordChanged& e);
void from_json(const Json& j, PasswordChanged& e);
void to_json(Json& j, const PasswordReset& e);
void from_json(const Json& j, PasswordReset& e);
void to_json(Json& j, const UserLocked& e);
void from_json(const Json& j, UserLocked& e);
void to_json(Json& j, const UserUnlocked& e);
void from_json(const Json& j, UserUnlocked& e);

}  // namespace ordo::access
