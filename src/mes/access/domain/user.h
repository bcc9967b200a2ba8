// Users: creation, disabling and renaming decided purely from the command and current
// state. User ids are never reused and users are never deleted, only disabled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/event_type.h"

namespace ordo::access {

// The subject kind of user events in the ledger.
inline constexpr const char* kUserSubject = "user";

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

struct RenameUser {
  std::int64_t user_id = 0;
  std::string display_name;  // the new printed name
  std::string reason;
};

// Checks the command alone: name syntax, display name, at least one known role. A name
// or display name that is one of the server's own actor names, ignoring case
// (reserved_names.h), is refused: invalid_argument, reason reserved_name.
Status ValidateCreateUser(const CreateUser& command);

// Decides UserCreated (events.h). `existing` is the user holding that name, if any;
// `next_id` is the next never-used user id. Fails with conflict (field name, reason
// name_taken) when the name is taken.
Result<ledger::Event> DecideCreateUser(const CreateUser& command,
                                       const std::optional<User>& existing, std::int64_t next_id);

// Decides UserDisabled. Refusals: invalid_argument (field reason) without a reason of
// 1 to 1000 characters; not_found (field id) when the user is missing;
// failed_precondition (field id) when already disabled (reason already_disabled) or
// when the actor is the user (reason self_disable).
Result<ledger::Event> DecideDisableUser(const DisableUser& command,
                                        const std::optional<User>& target,
                                        std::int64_t actor_user_id);

// Checks the command alone: invalid_argument on display_name (1 to 200 characters; a
// reserved actor name: reason reserved_name), then on reason (not empty).
Status ValidateRenameUser(const RenameUser& command);

// Decides UserRenamed after ValidateRenameUser. Refusals: not_found (no field) when the
// user is missing; failed_precondition (field display_name, reason no_change) when the
// user already has that printed name.
Result<ledger::Event> DecideRenameUser(const RenameUser& command,
                                       const std::optional<User>& target);

}  // namespace ordo::access
