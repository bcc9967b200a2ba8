// The engine commands that create, disable and rename users. The HTTP API, the CLI
// (`ordo user add|disable`) and `ordo init` submit the same commands.
#pragma once

#include <string>

#include "engine/engine.h"
#include "mes/access/domain/user.h"

namespace ordo::access {

// UserCreated (see DecideCreateUser) plus the user's Argon2id hash in the credential
// table, in the same transaction; `one_time` marks it as a password that must be changed
// at the first sign-in (every creation by an admin; not the first admin of `ordo init`
// nor the published demo users). Reply: {"user", "seq"}. Fails as the decision does.
engine::Command CreateUserCommand(engine::Actor actor, CreateUser user, std::string password_hash,
                                  bool one_time);
// UserDisabled (see DecideDisableUser). Reply: {"user", "seq"}, status 200.
engine::Command DisableUserCommand(engine::Actor actor, DisableUser command);
// UserRenamed: a new printed name (old signatures keep the name they were made with; see
// DecideRenameUser). Reply: {"user"}, status 200.
engine::Command RenameUserCommand(engine::Actor actor, RenameUser command);

}  // namespace ordo::access
