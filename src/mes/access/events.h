// The access capability's published events: users created, disabled and renamed, and
// the sign-in trail (successes, failures, sign-outs). Payloads are exactly what the
// ledger has always stored (docs/event-schema.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "mes/access/role_events.h"  // RoleGranted, RoleRevoked

namespace ordo::access {

// A new user; subject ("user", user id, 1). The password hash is never in the ledger.
struct UserCreated {
  static constexpr const char* kType = "user.created";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string name;
  std::string display_name;
  std::vector<std::string> roles;
};

// A user was disabled; subject version = the user's version + 1; the entry's reason says
// why. Stored as {"old": {"disabled": false}, "new": {"disabled": true}}.
struct UserDisabled {
  static constexpr const char* kType = "user.disabled";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string name;
  bool old_disabled = false;  // "old": {"disabled": ...}
  bool new_disabled = true;   // "new": {"disabled": ...}
};

// A new printed name; subject version = the user's version + 1; the entry's reason says
// why. Signatures keep the printed name they were made with.
struct UserRenamed {
  static constexpr const char* kType = "user.renamed";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string old_name;  // "old"
  std::string new_name;  // "new"
};

// A sign-in succeeded; subject ("session", user id). `client` is the address, no port.
struct LoginSucceeded {
  static constexpr const char* kType = "session.login_succeeded";
  static constexpr int kVersion = 1;
  std::string user;  // login name
  std::string client;
};

// A sign-in failed or was throttled; subject ("session", the attempted name). `detail`
// says why (never the password).
struct LoginFailed {
  static constexpr const char* kType = "session.login_failed";
  static constexpr int kVersion = 1;
  std::string user;  // the name that was typed
  std::string client;
  std::string detail;
};

// A session ended; subject ("session", user id).
struct LoggedOut {
  static constexpr const char* kType = "session.logged_out";
  static constexpr int kVersion = 1;
  std::string user;
  std::string client;
  std::string why;
};

void to_json(Json& j, const UserCreated& e);
void from_json(const Json& j, UserCreated& e);
void to_json(Json& j, const UserDisabled& e);
void from_json(const Json& j, UserDisabled& e);
void to_json(Json& j, const UserRenamed& e);
void from_json(const Json& j, UserRenamed& e);
void to_json(Json& j, const LoginSucceeded& e);
void from_json(const Json& j, LoginSucceeded& e);
void to_json(Json& j, const LoginFailed& e);
void from_json(const Json& j, LoginFailed& e);
void to_json(Json& j, const LoggedOut& e);
void from_json(const Json& j, LoggedOut& e);

}  // namespace ordo::access
