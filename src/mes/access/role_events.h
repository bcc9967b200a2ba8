// The access capability's role events: a role granted to or revoked from a user by an
// admin, with a reason (the entry's reason). Part of events.h (included there); kept in a
// file of its own so that role administration stays separate from sign-in and passwords.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::access {

// A role granted; subject ("user", user id, the user's version + 1). Stored as
// {"user_id", "name", "role", "old": {"roles": [...]}, "new": {"roles": [...]}}.
struct RoleGranted {
  static constexpr const char* kType = "user.role_granted";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string name;  // login name
  std::string role;
  std::vector<std::string> old_roles;  // "old": {"roles": ...}
  std::vector<std::string> new_roles;  // "new": {"roles": ...}
};

// A role revoked; subject ("user", user id, the user's version + 1). Same shape as
// RoleGranted.
struct RoleRevoked {
  static constexpr const char* kType = "user.role_revoked";
  static constexpr int kVersion = 1;
  std::int64_t user_id = 0;
  std::string name;
  std::string role;
  std::vector<std::string> old_roles;
  std::vector<std::string> new_roles;
};

void to_json(Json& j, const RoleGranted& e);
void from_json(const Json& j, RoleGranted& e);
void to_json(Json& j, const RoleRevoked& e);
void from_json(const Json& j, RoleRevoked& e);

}  // namespace ordo::access
