// Users: creation and disabling decided purely from the command and current state.
// User ids are never reused and users are never deleted, only disabled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/event_type.h"

namespace ordo::access {

struct User {
  std::int64_t id = 0;
  std::string name;          // login name, [a-z0-9._-], 2..64
  std::string display_name;  // printed name
  std::vector<std::string> roles;
  bool disabled = false;
  std::int64_t version = 1;
};

struct CreateUser {
  std::string name;
  std::string display_name;
  std::vector<std::string> roles;
};

struct DisableUser {
  std::int64_t user_id = 0;
  std::string reason;
};

// Checks the command alone: name syntax, display name, at least one known role.
Status ValidateCreateUser(const CreateUser& command);

// Decides "user.created". `existing` is the user holding that name, if any; `next_id`
// is the next never-used user id. Fails with conflict when the name is taken.
Result<ledger::Event> DecideCreateUser(const CreateUser& command,
                                       const std::optional<User>& existing, std::int64_t next_id);

// Decides "user.disabled". Fails when the user is missing or already disabled, or
// when an actor tries to disable themself.
Result<ledger::Event> DecideDisableUser(const DisableUser& command,
                                        const std::optional<User>& target,
                                        std::int64_t actor_user_id);

}  // namespace ordo::access
